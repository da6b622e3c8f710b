package org.anning.mediation;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.anning.operations.CachedReading;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Mediation's queue for monitoring, bureau-wide: disputes in mediation by escalation risk, and those past the
 * 30-day limit (the same rule as the overdue worklist). One query serves every gauge and runs at most every
 * 30 seconds on a node, however often it is scraped.
 */
@Component
class MediationMeters implements MeterBinder {

	private final CachedReading<Figures> figures;

	MediationMeters(JdbcClient jdbc, Clock clock) {
		this.figures = CachedReading.of("mediation.disputes", () -> read(jdbc, LocalDate.now(clock)));
	}

	record Figures(Map<Risk, Long> open, long overdue) {
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (Risk risk : Risk.values()) {
			Gauge.builder("anning.mediation.disputes.open", figures, f -> f.value(x -> x.open().getOrDefault(risk, 0L)))
				.description("Disputes in mediation at this escalation risk, bureau-wide")
				.tag("risk", risk.name())
				.strongReference(true)
				.register(registry);
		}
		Gauge.builder("anning.mediation.disputes.overdue", figures, f -> f.value(Figures::overdue))
			.description("Disputes still in mediation past the 30-day limit")
			.strongReference(true)
			.register(registry);
	}

	private static Figures read(JdbcClient jdbc, LocalDate today) {
		Map<Risk, Long> open = new EnumMap<>(Risk.class);
		long[] overdue = new long[1];
		jdbc.sql("""
				SELECT risk, count(*), count(*) FILTER (WHERE due_on < :today)
				  FROM mediation_dispute WHERE status = 'IN_MEDIATION' GROUP BY risk
				""").param("today", Date.valueOf(today)).query(rs -> {
					open.put(Risk.valueOf(rs.getString(1)), rs.getLong(2));
					overdue[0] += rs.getLong(3);
				});
		return new Figures(open, overdue[0]);
	}
}
