package org.anning.operations;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.anning.AnningTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The outbox gauges count the publications not yet completed, the failed ones, and the oldest one's age. */
@AnningTest
class OutboxMetersTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void countsIncompleteAndFailedPublicationsAndTheOldestOnesAge() {
		transactions.executeWithoutResult(status -> {
			MeterRegistry before = fresh();
			double incomplete = before.get("anning.outbox.incomplete").gauge().value();
			double failed = before.get("anning.outbox.failed").gauge().value();

			// Rolled back at the end, so that no listener ever sees these rows.
			publication("FAILED", Duration.ofHours(2), false);
			publication("PUBLISHED", Duration.ofMinutes(1), false);
			publication("COMPLETED", Duration.ofDays(3), true);

			MeterRegistry after = fresh();
			assertThat(after.get("anning.outbox.incomplete").gauge().value()).isEqualTo(incomplete + 2);
			assertThat(after.get("anning.outbox.failed").gauge().value()).isEqualTo(failed + 1);
			assertThat(after.get("anning.outbox.oldest.incomplete").gauge().value())
				.isGreaterThanOrEqualTo(Duration.ofHours(2).toSeconds())
				.isLessThan(Duration.ofDays(3).toSeconds());
			status.setRollbackOnly();
		});
	}

	private MeterRegistry fresh() {
		MeterRegistry registry = new SimpleMeterRegistry();
		new OutboxMeters(jdbc, clock).bindTo(registry);
		return registry;
	}

	private void publication(String status, Duration age, boolean completed) {
		Timestamp published = Timestamp.from(clock.instant().minus(age));
		jdbc.sql("""
				INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date,
				                               completion_date, status, completion_attempts)
				VALUES (?, 'metrics-test-listener', 'org.anning.MetricsTestEvent', '{}', ?, ?, ?, 1)
				""").params(UUID.randomUUID(), published, completed ? published : null, status).update();
	}
}
