package org.anning.services;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.anning.operations.CachedReading;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The service hall's queues for monitoring, bureau-wide: applications waiting in each open status, and those
 * due soon or past their deadline undecided (the same rules as the staff worklists). One query serves every
 * gauge and runs at most every 30 seconds on a node, however often it is scraped.
 */
@Component
class ServiceMeters implements MeterBinder {

	/** The statuses in which an application waits for staff or for the resident; drafts and ended ones do not. */
	static final Set<ApplicationStatus> OPEN = EnumSet.of(ApplicationStatus.SUBMITTED, ApplicationStatus.RETURNED,
			ApplicationStatus.ACCEPTED, ApplicationStatus.UNDER_REVIEW, ApplicationStatus.APPROVED,
			ApplicationStatus.DENIED, ApplicationStatus.READY_FOR_COLLECTION, ApplicationStatus.DELIVERED);

	private final CachedReading<Figures> figures;

	ServiceMeters(JdbcClient jdbc, Clock clock) {
		this.figures = CachedReading.of("services.applications", () -> read(jdbc, LocalDate.now(clock)));
	}

	record Figures(Map<ApplicationStatus, Long> waiting, long dueSoon, long overdue) {
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (ApplicationStatus status : OPEN) {
			Gauge.builder("anning.services.applications.waiting", figures,
					f -> f.value(x -> x.waiting().getOrDefault(status, 0L)))
				.description("Applications waiting in this status, bureau-wide")
				.tag("status", status.name())
				.strongReference(true)
				.register(registry);
		}
		Gauge.builder("anning.services.applications.due.soon", figures, f -> f.value(Figures::dueSoon))
			.description("Applications at or past 80 percent of their committed time, not yet overdue")
			.strongReference(true)
			.register(registry);
		Gauge.builder("anning.services.applications.overdue", figures, f -> f.value(Figures::overdue))
			.description("Applications accepted or under review whose deadline has passed undecided")
			.strongReference(true)
			.register(registry);
	}

	private static Figures read(JdbcClient jdbc, LocalDate today) {
		Map<ApplicationStatus, Long> waiting = new EnumMap<>(ApplicationStatus.class);
		long[] deadlines = new long[2];
		jdbc.sql("""
				SELECT status, count(*),
				       count(*) FILTER (WHERE status IN ('ACCEPTED', 'UNDER_REVIEW') AND warn_on <= :today AND due_on >= :today),
				       count(*) FILTER (WHERE status IN ('ACCEPTED', 'UNDER_REVIEW') AND due_on < :today)
				  FROM application WHERE status IN (:open) GROUP BY status
				""")
			.param("today", Date.valueOf(today))
			.param("open", OPEN.stream().map(Enum::name).toList())
			.query(rs -> {
				waiting.put(ApplicationStatus.valueOf(rs.getString(1)), rs.getLong(2));
				deadlines[0] += rs.getLong(3);
				deadlines[1] += rs.getLong(4);
			});
		return new Figures(waiting, deadlines[0], deadlines[1]);
	}
}
