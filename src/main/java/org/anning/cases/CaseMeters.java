package org.anning.cases;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.anning.operations.CachedReading;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Intake's queue for monitoring, bureau-wide: reports received and not yet turned into a case or found not
 * criminal, by channel, and how long the oldest of them has waited. One query serves every gauge and runs at
 * most every 30 seconds on a node, however often it is scraped.
 */
@Component
class CaseMeters implements MeterBinder {

	private final CachedReading<Figures> figures;

	private final Clock clock;

	CaseMeters(JdbcClient jdbc, Clock clock) {
		this.clock = clock;
		this.figures = CachedReading.of("cases.reports", () -> read(jdbc));
	}

	/** Waiting reports by channel, and when the oldest was received (null when none waits). */
	record Figures(Map<Channel, Long> waiting, Instant oldest) {
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (Channel channel : Channel.values()) {
			Gauge.builder("anning.cases.reports.waiting", figures,
					f -> f.value(x -> x.waiting().getOrDefault(channel, 0L)))
				.description("Reports received by this channel and waiting for intake, bureau-wide")
				.tag("channel", channel.name())
				.strongReference(true)
				.register(registry);
		}
		Gauge.builder("anning.cases.reports.oldest.waiting", figures, f -> f.value(this::oldestWaiting))
			.description("How long the oldest report waiting for intake has waited; 0 when none waits")
			.baseUnit("seconds")
			.strongReference(true)
			.register(registry);
	}

	private double oldestWaiting(Figures f) {
		return f.oldest() == null ? 0 : Math.max(0, Duration.between(f.oldest(), clock.instant()).toSeconds());
	}

	private static Figures read(JdbcClient jdbc) {
		Map<Channel, Long> waiting = new EnumMap<>(Channel.class);
		Instant[] oldest = new Instant[1];
		jdbc.sql("SELECT channel, count(*), min(created_at) FROM report WHERE status = 'RECEIVED' GROUP BY channel")
			.query(rs -> {
				waiting.put(Channel.valueOf(rs.getString(1)), rs.getLong(2));
				Timestamp first = rs.getTimestamp(3);
				if (first != null && (oldest[0] == null || first.toInstant().isBefore(oldest[0]))) {
					oldest[0] = first.toInstant();
				}
			});
		return new Figures(waiting, oldest[0]);
	}
}
