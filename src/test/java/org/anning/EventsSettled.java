package org.anning;

import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.awaitility.Awaitility.await;

/** Waits until the asynchronous listeners of a module have handled every event published so far. */
public final class EventsSettled {

	private EventsSettled() {
	}

	/** Waits until the indicators' rollups have caught up with every change published so far. */
	public static void rollups(JdbcClient jdbc) {
		module(jdbc, "org.anning.indicators.");
	}

	public static void module(JdbcClient jdbc, String listenerPrefix) {
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
			.until(() -> jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND listener_id LIKE ?")
				.param(listenerPrefix + "%")
				.query(Long.class)
				.single() == 0);
	}
}
