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

	// ---- Per unit and day, for the indicators' rollups

	/**
	 * What one unit counted on one day: applications closed that day (and of them on time, and decided with the
	 * working days from acceptance to decision), and ratings given that day in the bureau's zone.
	 */
	public record Day(UUID unit, LocalDate day, long closed, long closedOnTime, long decided, long decidedWorkingDays,
			long ratings, long satisfiedRatings, long poorRatings, long poorRatingsRectifiedInTime) {
	}

	/** The units and days the application with this id counts on: the day it closed and the days it was rated. */
	public java.util.Map<UUID, java.util.Set<LocalDate>> days(UUID application) {
		java.util.Map<UUID, java.util.Set<LocalDate>> days = new java.util.TreeMap<>();
		jdbc.sql("""
				SELECT unit_id, closed_on FROM application WHERE id = :a AND closed_on IS NOT NULL
				UNION
				SELECT unit_id, (rated_at AT TIME ZONE :zone)::date FROM application_rating WHERE application_id = :a
				""").param("a", application).param("zone", clock.getZone().getId())
			.query(rs -> {
				days.computeIfAbsent(rs.getObject(1, UUID.class), u -> new java.util.TreeSet<>())
					.add(rs.getDate(2).toLocalDate());
			});
		return days;
	}

	/** The figures of every unit in {@code units} (all when null) for the days in {@code [from, to]} (all when null). */
	public void days(Collection<UUID> units, LocalDate from, LocalDate to, java.util.function.Consumer<Day> sink) {
		collect(units, from, to, null).forEach(sink);
	}

	/** The figures of one unit for exactly these days (days that counted nothing are left out). */
	public java.util.List<Day> days(UUID unit, Collection<LocalDate> days) {
		return days.isEmpty() ? java.util.List.of() : collect(java.util.List.of(unit), null, null, days);
	}

	private java.util.List<Day> collect(Collection<UUID> units, LocalDate from, LocalDate to,
			Collection<LocalDate> only) {
		record Key(UUID unit, LocalDate day) {
		}
		java.util.Map<Key, long[]> sums = new java.util.HashMap<>();
		java.util.function.Function<Key, long[]> fresh = k -> new long[8];
		StringBuilder closedWhere = new StringBuilder("closed_on IS NOT NULL");
		StringBuilder ratedWhere = new StringBuilder("TRUE");
		if (units != null) {
			closedWhere.append(" AND unit_id = ANY(:u)");
			ratedWhere.append(" AND g.unit_id = ANY(:u)");
		}
		if (from != null) {
			closedWhere.append(" AND closed_on >= :from");
			ratedWhere.append(" AND g.rated_at >= :start");
		}
		if (to != null) {
			closedWhere.append(" AND closed_on <= :to");
			ratedWhere.append(" AND g.rated_at < :end");
		}
		if (only != null) {
			closedWhere.append(" AND closed_on = ANY(CAST(:days AS date[]))");
			ratedWhere.append(" AND (g.rated_at AT TIME ZONE :zone)::date = ANY(CAST(:days AS date[]))");
		}
		var closed = jdbc.sql("SELECT unit_id, closed_on, due_on, accepted_on, decided_on FROM application WHERE " + closedWhere);
		var rated = jdbc.sql("""
				SELECT g.unit_id, (g.rated_at AT TIME ZONE :zone)::date, count(*), count(*) FILTER (WHERE g.level >= 4),
				  count(*) FILTER (WHERE g.level <= 2),
				  count(*) FILTER (WHERE g.level <= 2 AND r.done_on IS NOT NULL AND r.done_on <= r.due_on)
				FROM application_rating g LEFT JOIN rectification r ON r.rating_id = g.id
				WHERE %s GROUP BY 1, 2""".formatted(ratedWhere)).param("zone", clock.getZone().getId());
		for (var spec : java.util.List.of(closed, rated)) {
			if (units != null) {
				spec.param("u", units.toArray(UUID[]::new));
			}
			if (only != null) {
				spec.param("days", only.stream().map(LocalDate::toString).toArray(String[]::new));
			}
		}
		if (from != null) {
			closed.param("from", from);
			rated.param("start", Timestamp.from(from.atStartOfDay(clock.getZone()).toInstant()));
		}
		if (to != null) {
			closed.param("to", to);
			rated.param("end", Timestamp.from(to.plusDays(1).atStartOfDay(clock.getZone()).toInstant()));
		}
		closed.query(rs -> {
			LocalDate day = rs.getDate(2).toLocalDate();
			long[] sum = sums.computeIfAbsent(new Key(rs.getObject(1, UUID.class), day), fresh);
			sum[0]++;
			java.sql.Date due = rs.getDate(3);
			if (due != null && !day.isAfter(due.toLocalDate())) {
				sum[1]++;
			}
			java.sql.Date acceptedOn = rs.getDate(4);
			java.sql.Date decidedOn = rs.getDate(5);
			if (acceptedOn != null && decidedOn != null) {
				LocalDate accepted = acceptedOn.toLocalDate();
				LocalDate decided = decidedOn.toLocalDate();
				if (!decided.isBefore(accepted) && workingDays.knows(accepted) && workingDays.knows(decided)) {
					sum[2]++;
					sum[3] += workingDays.workingDaysBetween(accepted, decided);
				}
			}
		});
		rated.query(rs -> {
			long[] sum = sums.computeIfAbsent(new Key(rs.getObject(1, UUID.class), rs.getDate(2).toLocalDate()), fresh);
			sum[4] += rs.getLong(3);
			sum[5] += rs.getLong(4);
			sum[6] += rs.getLong(5);
			sum[7] += rs.getLong(6);
		});
		return sums.entrySet().stream()
			.map(e -> new Day(e.getKey().unit(), e.getKey().day(), e.getValue()[0], e.getValue()[1], e.getValue()[2],
					e.getValue()[3], e.getValue()[4], e.getValue()[5], e.getValue()[6], e.getValue()[7]))
			.toList();
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
