package org.anning.services;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.UUID;

import org.anning.calendar.WorkingDays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service-hall figures the indicators are made of, computed next to the tables they count: applications
 * closed in the period and how many of them closed on or before their (adjusted) deadline, the working days from
 * acceptance to decision, and the ratings given in the period (by the day in the bureau's zone) with their
 * rectifications.
 */
@Service
@Transactional(readOnly = true)
public class ServiceStatistics {

	private final JdbcClient jdbc;

	private final WorkingDays workingDays;

	private final Clock clock;

	ServiceStatistics(JdbcClient jdbc, WorkingDays workingDays, Clock clock) {
		this.jdbc = jdbc;
		this.workingDays = workingDays;
		this.clock = clock;
	}

	/**
	 * @param decidedWorkingDays the working days from acceptance to decision, summed over the closed applications
	 * that have both dates ({@code decided} of them)
	 */
	public record Figures(long closed, long closedOnTime, long decidedWorkingDays, long decided, long ratings,
			long satisfiedRatings, long poorRatings, long poorRatingsRectifiedInTime) {
	}

	public Figures figures(Collection<UUID> units, LocalDate from, LocalDate to) {
		UUID[] ids = units.toArray(UUID[]::new);
		long[] closed = jdbc.sql("""
				SELECT count(*), count(*) FILTER (WHERE closed_on <= due_on) FROM application
				 WHERE unit_id = ANY(?) AND closed_on BETWEEN ? AND ?
				""").params(ids, from, to).query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
		long[] days = { 0, 0 };
		jdbc.sql("""
				SELECT accepted_on, decided_on FROM application
				 WHERE unit_id = ANY(?) AND closed_on BETWEEN ? AND ? AND accepted_on IS NOT NULL AND decided_on IS NOT NULL
				""").params(ids, from, to).query(rs -> {
					LocalDate accepted = rs.getDate(1).toLocalDate();
					LocalDate decided = rs.getDate(2).toLocalDate();
					if (!decided.isBefore(accepted) && workingDays.knows(accepted) && workingDays.knows(decided)) {
						days[0] += workingDays.workingDaysBetween(accepted, decided);
						days[1]++;
					}
				});
		Timestamp start = Timestamp.from(from.atStartOfDay(clock.getZone()).toInstant());
		Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
		long[] ratings = jdbc.sql("""
				SELECT count(*), count(*) FILTER (WHERE g.level >= 4), count(*) FILTER (WHERE g.level <= 2),
				       count(*) FILTER (WHERE g.level <= 2 AND r.done_on IS NOT NULL AND r.done_on <= r.due_on)
				  FROM application_rating g LEFT JOIN rectification r ON r.rating_id = g.id
				 WHERE g.unit_id = ANY(?) AND g.rated_at >= ? AND g.rated_at < ?
				""").params(ids, start, end)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4) })
			.single();
		return new Figures(closed[0], closed[1], days[0], days[1], ratings[0], ratings[1], ratings[2], ratings[3]);
	}
}
