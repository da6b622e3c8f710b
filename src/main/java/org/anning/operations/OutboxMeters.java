package org.anning.operations;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox (the event publication registry) for monitoring: events stored with the change that caused them
 * and not yet handled by their listener, how many of those failed, and how long the oldest has waited. A
 * backlog that keeps growing means a listener keeps failing or the nodes cannot keep up. One query, on the
 * index of completion dates, serves every gauge and runs at most every 30 seconds on a node.
 */
@Component
class OutboxMeters implements MeterBinder {

	private final CachedReading<Figures> figures;

	private final Clock clock;

	OutboxMeters(JdbcClient jdbc, Clock clock) {
		this.clock = clock;
		this.figures = CachedReading.of("outbox", () -> read(jdbc));
	}

	/** Incomplete publications, the failed ones among them, and when the oldest was published (null if none). */
	record Figures(long incomplete, long failed, Instant oldest) {
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("anning.outbox.incomplete", figures, f -> f.value(Figures::incomplete))
			.description("Events in the outbox whose listener has not completed yet")
			.strongReference(true)
			.register(registry);
		Gauge.builder("anning.outbox.failed", figures, f -> f.value(Figures::failed))
			.description("Events in the outbox whose listener failed and that wait for resubmission")
			.strongReference(true)
			.register(registry);
		Gauge.builder("anning.outbox.oldest.incomplete", figures, f -> f.value(this::oldestAge))
			.description("How long the oldest incomplete event has waited; 0 when the outbox is empty")
			.baseUnit("seconds")
			.strongReference(true)
			.register(registry);
	}

	private double oldestAge(Figures f) {
		return f.oldest() == null ? 0 : Math.max(0, Duration.between(f.oldest(), clock.instant()).toSeconds());
	}

	private static Figures read(JdbcClient jdbc) {
		return jdbc.sql("""
				SELECT count(*), count(*) FILTER (WHERE status = 'FAILED'), min(publication_date)
				  FROM event_publication WHERE completion_date IS NULL
				""").query((rs, n) -> {
					Timestamp oldest = rs.getTimestamp(3);
					return new Figures(rs.getLong(1), rs.getLong(2), oldest == null ? null : oldest.toInstant());
				}).single();
	}
}
