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

	/** A record counted in a figure: an application (closed on a day), or a rating (given on a day, at a level). */
	public record Line(String reference, String itemCode, LocalDate on, Integer ratingLevel) {
	}

	/** One page of the records of a set, and how many there are in all. */
	public record Page(long total, java.util.List<Line> lines) {
	}

	/**
	 * The records behind a figure: {@code closed}, {@code closedOnTime}, {@code decided} (closed with acceptance
	 * and decision dates, averaged over), {@code ratings}, {@code satisfied}, {@code poor}, {@code poorRectified}.
	 */
	public Page records(String set, Collection<UUID> units, LocalDate from, LocalDate to, int offset, int limit) {
		UUID[] ids = units.toArray(UUID[]::new);
		if (set.equals("closed") || set.equals("closedOnTime") || set.equals("decided")) {
			String extra = switch (set) {
				case "closedOnTime" -> " AND closed_on <= due_on";
				case "decided" -> " AND accepted_on IS NOT NULL AND decided_on IS NOT NULL AND decided_on >= accepted_on";
				default -> "";
			};
			String where = " FROM application WHERE unit_id = ANY(?) AND closed_on BETWEEN ? AND ?" + extra;
			long total = jdbc.sql("SELECT count(*)" + where).params(ids, from, to).query(Long.class).single();
			var lines = jdbc.sql("SELECT reference, item_code, closed_on" + where + " ORDER BY closed_on, reference LIMIT ? OFFSET ?")
				.params(ids, from, to, limit, offset)
				.query((rs, n) -> new Line(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(), null))
				.list();
			return new Page(total, lines);
		}
		String extra = switch (set) {
			case "ratings" -> "";
			case "satisfied" -> " AND g.level >= 4";
			case "poor" -> " AND g.level <= 2";
			case "poorRectified" -> " AND g.level <= 2 AND r.done_on IS NOT NULL AND r.done_on <= r.due_on";
			default -> throw new IllegalArgumentException("No record set " + set);
		};
		Timestamp start = Timestamp.from(from.atStartOfDay(clock.getZone()).toInstant());
		Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
		String where = " FROM application_rating g JOIN application a ON a.id = g.application_id"
				+ " LEFT JOIN rectification r ON r.rating_id = g.id WHERE g.unit_id = ANY(?) AND g.rated_at >= ? AND g.rated_at < ?"
				+ extra;
		long total = jdbc.sql("SELECT count(*)" + where).params(ids, start, end).query(Long.class).single();
		var lines = jdbc.sql("SELECT a.reference, a.item_code, g.rated_at, g.level" + where + " ORDER BY g.rated_at, a.reference LIMIT ? OFFSET ?")
			.params(ids, start, end, limit, offset)
			.query((rs, n) -> new Line(rs.getString(1), rs.getString(2),
					LocalDate.ofInstant(rs.getTimestamp(3).toInstant(), clock.getZone()), rs.getInt(4)))
			.list();
		return new Page(total, lines);
	}
}
