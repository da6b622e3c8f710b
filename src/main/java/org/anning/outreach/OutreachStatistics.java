package org.anning.outreach;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The community-policing figures the indicators are made of, computed next to the tables they count, each record
 * by the day that counts for it: service visits by the day of the visit, residents served as distinct residents
 * visited in the period, publicity events and their attendance by the day held, households visited by the day of
 * the visit, issues resolved by the day resolved.
 * <p>
 * Campaign coverage is households visited × 100 / campaign target. A campaign's target is apportioned to a period
 * by days: the target × the days of the campaign that fall in the period / all days of the campaign (both ends
 * included), rounded to two decimals per campaign; the period's target is the sum over the campaigns of the units
 * that overlap it. A campaign of 100 households over March and April thus gives 50.82 to March (31 of 61 days)
 * and 49.18 to April. Every household visit lies within its campaign's days and unit, so the households of a
 * period are all counted against the targets of that period.
 */
@Service
@Transactional(readOnly = true)
public class OutreachStatistics {

	/** The record sets of {@link #records}: one per figure. */
	public static final List<String> SETS = List.of("serviceVisits", "residentsServed", "publicityEvents", "attendance",
			"householdsVisited", "campaignTarget", "issuesResolved");

	private static final String SHARE = "round(c.target::numeric * (LEAST(c.ends_on, :to) - GREATEST(c.starts_on, :from) + 1)"
			+ " / (c.ends_on - c.starts_on + 1), 2)";

	private final JdbcClient jdbc;

	OutreachStatistics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The counts and sums for the units (each counted once) and the period {@code [from, to]}.
	 *
	 * @param campaignTarget the households the campaigns of the period aim at, apportioned by days (see above)
	 */
	public record Figures(long serviceVisits, long residentsServed, long publicityEvents, long attendance,
			long householdsVisited, BigDecimal campaignTarget, long issuesResolved) {

		/** Households visited × 100 / target, to two decimals; null without a target in the period. */
		public BigDecimal campaignCoverage() {
			if (campaignTarget.signum() == 0) {
				return null;
			}
			return BigDecimal.valueOf(householdsVisited)
				.multiply(BigDecimal.valueOf(100))
				.divide(campaignTarget, 2, java.math.RoundingMode.HALF_UP);
		}
	}

	public Figures figures(Collection<UUID> units, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				SELECT
				  (SELECT count(*) FROM outreach_service_visit WHERE unit_id = ANY(:u) AND visited_on BETWEEN :from AND :to),
				  (SELECT count(DISTINCT resident_id) FROM outreach_service_visit
				    WHERE unit_id = ANY(:u) AND visited_on BETWEEN :from AND :to),
				  (SELECT count(*) FROM outreach_publicity_event WHERE unit_id = ANY(:u) AND held_on BETWEEN :from AND :to),
				  (SELECT coalesce(sum(attendance), 0) FROM outreach_publicity_event
				    WHERE unit_id = ANY(:u) AND held_on BETWEEN :from AND :to),
				  (SELECT count(*) FROM outreach_household_visit WHERE unit_id = ANY(:u) AND visited_on BETWEEN :from AND :to),
				  (SELECT coalesce(sum(%s), 0) FROM outreach_campaign c
				    WHERE c.unit_id = ANY(:u) AND c.starts_on <= :to AND c.ends_on >= :from),
				  (SELECT count(*) FROM outreach_issue WHERE unit_id = ANY(:u) AND resolved_on BETWEEN :from AND :to)
				""".formatted(SHARE))
			.param("u", units.toArray(UUID[]::new)).param("from", from).param("to", to)
			.query((rs, n) -> new Figures(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
					rs.getBigDecimal(6).setScale(2), rs.getLong(7)))
			.single();
	}

	// ---- Per unit and day, for the indicators' rollups

	/**
	 * What one unit counted on one day, for the figures that add up over days: service visits, publicity events
	 * and their attendance, households visited, issues resolved. Distinct residents served and the campaigns'
	 * targets do not add up over days; the indicators take them from {@link #figures} directly.
	 */
	public record Day(UUID unit, LocalDate day, long serviceVisits, long publicityEvents, long attendance,
			long householdsVisited, long issuesResolved) {
	}

	/** The figures per unit and day of the selection (days that counted nothing are left out). */
	public void days(org.anning.database.DaySelection selection, java.util.function.Consumer<Day> sink) {
		if (selection.empty()) {
			return;
		}
		String sql = """
				SELECT unit_id, day, sum(visits), sum(events), sum(attendance), sum(households), sum(resolved) FROM (
				  SELECT unit_id, visited_on AS day, 1 AS visits, 0 AS events, 0 AS attendance, 0 AS households,
				    0 AS resolved FROM outreach_service_visit WHERE %s
				  UNION ALL
				  SELECT unit_id, held_on, 0, 1, attendance, 0, 0 FROM outreach_publicity_event WHERE %s
				  UNION ALL
				  SELECT unit_id, visited_on, 0, 0, 0, 1, 0 FROM outreach_household_visit WHERE %s
				  UNION ALL
				  SELECT unit_id, resolved_on, 0, 0, 0, 0, 1 FROM outreach_issue WHERE %s
				) x GROUP BY unit_id, day""".formatted(selection.where("unit_id", "visited_on"),
				selection.where("unit_id", "held_on"), selection.where("unit_id", "visited_on"),
				selection.where("unit_id", "resolved_on"));
		selection.bind(jdbc.sql(sql)).query(rs -> {
			sink.accept(new Day(rs.getObject(1, UUID.class), rs.getDate(2).toLocalDate(), rs.getLong(3), rs.getLong(4),
					rs.getLong(5), rs.getLong(6), rs.getLong(7)));
		});
	}

	/**
	 * A record counted in a figure: a service visit (reference, reason), a publicity event (reference, topic,
	 * attendance as amount), a household visit (its campaign's reference and the address), a campaign (reference,
	 * name, its share of the target as amount) or a resolved issue (its campaign, kind, resolution day).
	 */
	public record Line(String reference, String kind, LocalDate on, String detail, BigDecimal amount) {
	}

	/** One page of the records of a set, and how many there are in all. */
	public record Page(long total, List<Line> lines) {
	}

	/**
	 * The records behind a figure, one of {@link #SETS}. Their number always equals the figure; for
	 * {@code residentsServed} each resident's first visit in the period stands for them, and for the sums
	 * ({@code attendance}, {@code campaignTarget}) the records summed are listed, their amounts adding up to it.
	 */
	public Page records(String set, Collection<UUID> units, LocalDate from, LocalDate to, int offset, int limit) {
		String select = switch (set) {
			case "serviceVisits" -> """
					SELECT reference, reason AS kind, visited_on AS on_date, NULL AS detail, NULL::numeric AS amount
					  FROM outreach_service_visit WHERE unit_id = ANY(:u) AND visited_on BETWEEN :from AND :to""";
			case "residentsServed" -> """
					SELECT DISTINCT ON (resident_id) reference, reason AS kind, visited_on AS on_date, NULL AS detail,
					       NULL::numeric AS amount
					  FROM outreach_service_visit WHERE unit_id = ANY(:u) AND visited_on BETWEEN :from AND :to
					 ORDER BY resident_id, visited_on, reference""";
			case "publicityEvents", "attendance" -> """
					SELECT reference, topic AS kind, held_on AS on_date, title AS detail, attendance::numeric AS amount
					  FROM outreach_publicity_event WHERE unit_id = ANY(:u) AND held_on BETWEEN :from AND :to""";
			case "householdsVisited" -> """
					SELECT c.reference, 'HOUSEHOLD' AS kind, h.visited_on AS on_date, h.address AS detail, NULL::numeric AS amount
					  FROM outreach_household_visit h JOIN outreach_campaign c ON c.id = h.campaign_id
					 WHERE h.unit_id = ANY(:u) AND h.visited_on BETWEEN :from AND :to""";
			case "campaignTarget" -> """
					SELECT c.reference, 'CAMPAIGN' AS kind, c.starts_on AS on_date, c.name AS detail, %s AS amount
					  FROM outreach_campaign c WHERE c.unit_id = ANY(:u) AND c.starts_on <= :to AND c.ends_on >= :from"""
				.formatted(SHARE);
			case "issuesResolved" -> """
					SELECT c.reference, i.kind, i.resolved_on AS on_date, i.description AS detail, NULL::numeric AS amount
					  FROM outreach_issue i JOIN outreach_household_visit h ON h.id = i.household_visit_id
					  JOIN outreach_campaign c ON c.id = h.campaign_id
					 WHERE i.unit_id = ANY(:u) AND i.resolved_on BETWEEN :from AND :to""";
			default -> throw new IllegalArgumentException("No record set " + set);
		};
		var total = jdbc.sql("SELECT count(*) FROM (" + select + ") r");
		var page = jdbc.sql("SELECT * FROM (" + select + ") r ORDER BY on_date, reference, detail LIMIT :limit OFFSET :offset");
		for (var spec : List.of(total, page)) {
			spec.param("u", units.toArray(UUID[]::new)).param("from", from).param("to", to);
		}
		page.param("limit", limit).param("offset", offset);
		long count = total.query(Long.class).single();
		return new Page(count, page.query((rs, n) -> new Line(rs.getString("reference"), rs.getString("kind"),
				rs.getDate("on_date").toLocalDate(), rs.getString("detail"), rs.getBigDecimal("amount"))).list());
	}
}
