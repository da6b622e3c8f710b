package org.anning.mediation;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mediation figures the indicators are made of, computed next to the tables they count: disputes received
 * by the day received, closed by the day closed (with the outcome agreement among them, and the days from receipt
 * to close), agreements whose follow-up visit fell due in the period and those visited by their due day, and
 * disputes linked to a criminal case by the day the link was made. A reopened dispute counts as closed only once
 * it is closed again, on that day.
 */
@Service
@Transactional(readOnly = true)
public class MediationStatistics {

	private final JdbcClient jdbc;

	MediationStatistics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The counts and sums for the units (each counted once) and the period {@code [from, to]}: {@code daysSum} is
	 * the sum of days from receipt to close over the {@code closed} disputes (so the average is daysSum / closed).
	 */
	public record Figures(long received, long closed, long agreements, long followUpsDue, long followedUpOnTime,
			long escalated, long daysSum) {

		/** How many disputes {@link #daysSum} adds up: the closed ones. */
		public long daysCount() {
			return closed;
		}
	}

	public Figures figures(Collection<UUID> units, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				SELECT
				  (SELECT count(*) FROM mediation_dispute WHERE unit_id = ANY(:u) AND received_on BETWEEN :from AND :to),
				  (SELECT count(*) FROM mediation_dispute WHERE unit_id = ANY(:u) AND closed_on BETWEEN :from AND :to),
				  (SELECT count(*) FROM mediation_dispute WHERE unit_id = ANY(:u) AND closed_on BETWEEN :from AND :to
				      AND outcome = 'AGREEMENT'),
				  (SELECT count(*) FROM mediation_agreement WHERE unit_id = ANY(:u) AND follow_up_due BETWEEN :from AND :to),
				  (SELECT count(*) FROM mediation_agreement WHERE unit_id = ANY(:u) AND follow_up_due BETWEEN :from AND :to
				      AND followed_up_on <= follow_up_due),
				  (SELECT count(*) FROM mediation_case_link WHERE unit_id = ANY(:u) AND linked_on BETWEEN :from AND :to),
				  (SELECT coalesce(sum(closed_on - received_on), 0) FROM mediation_dispute WHERE unit_id = ANY(:u)
				      AND closed_on BETWEEN :from AND :to)
				""")
			.param("u", units.toArray(UUID[]::new)).param("from", from).param("to", to)
			.query((rs, n) -> new Figures(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
					rs.getLong(6), rs.getLong(7)))
			.single();
	}

	// ---- Per unit and day, for the indicators' rollups

	/** What one unit counted on one day, by the same days as {@link Figures}. */
	public record Day(UUID unit, LocalDate day, long received, long closed, long agreements, long followUpsDue,
			long followedUpOnTime, long escalated, long daysSum) {
	}

	/**
	 * The units and days the dispute with this id counts on now: received, closed, its agreements' follow-up due
	 * days, and the days it was linked to cases.
	 */
	public java.util.Map<UUID, java.util.Set<LocalDate>> days(UUID dispute) {
		java.util.Map<UUID, java.util.Set<LocalDate>> days = new java.util.TreeMap<>();
		jdbc.sql("""
				SELECT unit_id, received_on FROM mediation_dispute WHERE id = :d
				UNION SELECT unit_id, closed_on FROM mediation_dispute WHERE id = :d AND closed_on IS NOT NULL
				UNION SELECT unit_id, follow_up_due FROM mediation_agreement WHERE dispute_id = :d
				UNION SELECT unit_id, linked_on FROM mediation_case_link WHERE dispute_id = :d""")
			.param("d", dispute)
			.query(rs -> {
				days.computeIfAbsent(rs.getObject(1, UUID.class), u -> new java.util.TreeSet<>())
					.add(rs.getDate(2).toLocalDate());
			});
		return days;
	}

	/** The figures per unit and day of the selection (days that counted nothing are left out). */
	public void days(org.anning.database.DaySelection selection, java.util.function.Consumer<Day> sink) {
		if (selection.empty()) {
			return;
		}
		String sql = """
				SELECT unit_id, day, sum(received), sum(closed), sum(agreements), sum(due), sum(on_time), sum(escalated),
				  sum(days) FROM (
				  SELECT unit_id, received_on AS day, 1 AS received, 0 AS closed, 0 AS agreements, 0 AS due,
				    0 AS on_time, 0 AS escalated, 0 AS days FROM mediation_dispute WHERE %s
				  UNION ALL
				  SELECT unit_id, closed_on, 0, 1, CASE WHEN outcome = 'AGREEMENT' THEN 1 ELSE 0 END, 0, 0, 0,
				    closed_on - received_on FROM mediation_dispute WHERE %s
				  UNION ALL
				  SELECT unit_id, follow_up_due, 0, 0, 0, 1,
				    CASE WHEN followed_up_on <= follow_up_due THEN 1 ELSE 0 END, 0, 0 FROM mediation_agreement WHERE %s
				  UNION ALL
				  SELECT unit_id, linked_on, 0, 0, 0, 0, 0, 1, 0 FROM mediation_case_link WHERE %s
				) x GROUP BY unit_id, day""".formatted(selection.where("unit_id", "received_on"),
				selection.where("unit_id", "closed_on"), selection.where("unit_id", "follow_up_due"),
				selection.where("unit_id", "linked_on"));
		selection.bind(jdbc.sql(sql)).query(rs -> {
			sink.accept(new Day(rs.getObject(1, UUID.class), rs.getDate(2).toLocalDate(), rs.getLong(3), rs.getLong(4),
					rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9)));
		});
	}

	/**
	 * A record counted in a figure: a dispute (its reference, category, the day that put it in the set, its
	 * outcome, and days from receipt to close once closed); for escalations the case number.
	 */
	public record Line(String reference, String category, LocalDate on, String outcome, Integer days, String caseNumber) {
	}

	/** One page of the records of a set, and how many there are in all. */
	public record Page(long total, List<Line> lines) {
	}

	/**
	 * The records behind a figure: {@code received}, {@code closed}, {@code agreements}, {@code followUps.due},
	 * {@code followUps.onTime}, {@code escalated}. Their number always equals the figure (for the days: the closed
	 * disputes, each with its days).
	 */
	public Page records(String set, Collection<UUID> units, LocalDate from, LocalDate to, int offset, int limit) {
		String select;
		String from_;
		switch (set) {
			case "received" -> {
				select = "d.received_on";
				from_ = " FROM mediation_dispute d WHERE d.unit_id = ANY(:u) AND d.received_on BETWEEN :from AND :to";
			}
			case "closed" -> {
				select = "d.closed_on";
				from_ = " FROM mediation_dispute d WHERE d.unit_id = ANY(:u) AND d.closed_on BETWEEN :from AND :to";
			}
			case "agreements" -> {
				select = "d.closed_on";
				from_ = " FROM mediation_dispute d WHERE d.unit_id = ANY(:u) AND d.closed_on BETWEEN :from AND :to"
						+ " AND d.outcome = 'AGREEMENT'";
			}
			case "followUps.due" -> {
				select = "a.follow_up_due";
				from_ = " FROM mediation_agreement a JOIN mediation_dispute d ON d.id = a.dispute_id"
						+ " WHERE a.unit_id = ANY(:u) AND a.follow_up_due BETWEEN :from AND :to";
			}
			case "followUps.onTime" -> {
				select = "a.follow_up_due";
				from_ = " FROM mediation_agreement a JOIN mediation_dispute d ON d.id = a.dispute_id"
						+ " WHERE a.unit_id = ANY(:u) AND a.follow_up_due BETWEEN :from AND :to"
						+ " AND a.followed_up_on <= a.follow_up_due";
			}
			case "escalated" -> {
				select = "l.linked_on";
				from_ = " FROM mediation_case_link l JOIN mediation_dispute d ON d.id = l.dispute_id"
						+ " WHERE l.unit_id = ANY(:u) AND l.linked_on BETWEEN :from AND :to";
			}
			default -> throw new IllegalArgumentException("No record set " + set);
		}
		var total = jdbc.sql("SELECT count(*)" + from_);
		var page = jdbc.sql("SELECT d.reference, d.category, " + select + " AS on_date, d.outcome, d.closed_on - d.received_on,"
				+ (set.equals("escalated") ? " l.case_number" : " NULL::text") + from_
				+ " ORDER BY on_date, d.reference" + (set.equals("escalated") ? ", l.case_number" : "")
				+ " LIMIT :limit OFFSET :offset");
		for (var spec : List.of(total, page)) {
			spec.param("u", units.toArray(UUID[]::new)).param("from", from).param("to", to);
		}
		page.param("limit", limit).param("offset", offset);
		long count = total.query(Long.class).single();
		return new Page(count, page.query((rs, n) -> new Line(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(),
				rs.getString(4), (Integer) rs.getObject(5), rs.getString(6))).list());
	}
}
