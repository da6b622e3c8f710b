package org.anning.traffic;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The road-traffic figures the indicators are made of, computed next to the table they count: accidents by the day
 * they happened in the bureau's zone (the stored {@code occurred_on}), duplicates merged into another accident left
 * out. Fatal accidents have at least one death; injuries are serious plus minor; major accidents are graded
 * relatively serious or above; direct loss is in yuan.
 */
@Service
@Transactional(readOnly = true)
public class TrafficStatistics {

	/** The sets of records behind the figures, for {@link #records}. */
	public static final List<String> SETS = List.of("accidents", "fatalAccidents", "deaths", "injuries",
			"majorAccidents", "directLoss");

	private static final String COUNTED = "duplicate_status IS DISTINCT FROM 'MERGED'";

	private final JdbcClient jdbc;

	TrafficStatistics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The counts and sums for the units (each counted once) and the period {@code [from, to]}. */
	public record Figures(long accidents, long fatalAccidents, long deaths, long injuries, long majorAccidents,
			BigDecimal directLoss) {
	}

	public Figures figures(Collection<UUID> units, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				SELECT count(*), count(*) FILTER (WHERE deaths > 0), coalesce(sum(deaths), 0),
				  coalesce(sum(serious_injuries + minor_injuries), 0), count(*) FILTER (WHERE grade = ANY(:major)),
				  coalesce(sum(direct_loss), 0)
				FROM accident WHERE unit_id = ANY(:u) AND occurred_on BETWEEN :from AND :to""" + " AND " + COUNTED)
			.param("u", units.stream().distinct().toArray(UUID[]::new)).param("from", from).param("to", to)
			.param("major", SeverityGrade.majorNames())
			.query((rs, n) -> new Figures(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
					rs.getBigDecimal(6).setScale(2)))
			.single();
	}

	// ---- Per unit and day, for the indicators' rollups

	/** What one unit counted on one day (the day the accidents happened, in the bureau's zone). */
	public record Day(UUID unit, LocalDate day, long accidents, long fatalAccidents, long deaths, long injuries,
			long majorAccidents, BigDecimal directLoss) {
	}

	/**
	 * The units and days the accident with this id counts on (one unit and day; empty when there is no such
	 * accident). A merged duplicate still names its day, which its merge changed.
	 */
	public Map<UUID, Set<LocalDate>> days(UUID accidentId) {
		Map<UUID, Set<LocalDate>> days = new TreeMap<>();
		jdbc.sql("SELECT unit_id, occurred_on FROM accident WHERE id = ?").param(accidentId)
			.query(rs -> {
				days.computeIfAbsent(rs.getObject(1, UUID.class), u -> new TreeSet<>()).add(rs.getDate(2).toLocalDate());
			});
		return days;
	}

	/**
	 * The figures of every unit in {@code units} (all units when null) for every day in {@code [from, to]} (all days
	 * when both are null) that counted anything.
	 */
	public void days(Collection<UUID> units, LocalDate from, LocalDate to, Consumer<Day> sink) {
		days(units, from, to, null, sink);
	}

	/** The figures of one unit for exactly these days (days that counted nothing are left out). */
	public List<Day> days(UUID unit, Collection<LocalDate> days) {
		List<Day> out = new ArrayList<>();
		if (!days.isEmpty()) {
			days(List.of(unit), null, null, days, out::add);
		}
		return out;
	}

	private void days(Collection<UUID> units, LocalDate from, LocalDate to, Collection<LocalDate> only,
			Consumer<Day> sink) {
		StringBuilder where = new StringBuilder(COUNTED);
		if (units != null) {
			where.append(" AND unit_id = ANY(:u)");
		}
		if (from != null) {
			where.append(" AND occurred_on >= :from");
		}
		if (to != null) {
			where.append(" AND occurred_on <= :to");
		}
		if (only != null) {
			where.append(" AND occurred_on = ANY(CAST(:days AS date[]))");
		}
		var spec = jdbc.sql("""
				SELECT unit_id, occurred_on, count(*), count(*) FILTER (WHERE deaths > 0), sum(deaths),
				  sum(serious_injuries + minor_injuries), count(*) FILTER (WHERE grade = ANY(:major)), sum(direct_loss)
				FROM accident WHERE %s GROUP BY unit_id, occurred_on""".formatted(where))
			.param("major", SeverityGrade.majorNames());
		if (units != null) {
			spec = spec.param("u", units.toArray(UUID[]::new));
		}
		if (from != null) {
			spec = spec.param("from", from);
		}
		if (to != null) {
			spec = spec.param("to", to);
		}
		if (only != null) {
			spec = spec.param("days", only.stream().map(LocalDate::toString).toArray(String[]::new));
		}
		spec.query(rs -> {
			sink.accept(new Day(rs.getObject(1, UUID.class), rs.getDate(2).toLocalDate(), rs.getLong(3), rs.getLong(4),
					rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getBigDecimal(8).setScale(2)));
		});
	}

	/**
	 * An accident counted in a figure, with what it adds to it: 1 for the counts, its deaths, its injuries or its
	 * direct loss.
	 */
	public record Line(String accidentNumber, LocalDate on, String road, SeverityGrade grade, int deaths, int injuries,
			BigDecimal directLoss, BigDecimal value) {
	}

	/** One page of the records of a set, how many there are in all, and what they add up to (the figure). */
	public record Page(long total, BigDecimal sum, List<Line> lines) {
	}

	/**
	 * The records behind a figure: {@code accidents}, {@code fatalAccidents}, {@code deaths} (fatal accidents, each
	 * adding its deaths), {@code injuries} (accidents with injuries, each adding them), {@code majorAccidents},
	 * {@code directLoss} (accidents with a loss, each adding it). Their number equals the figure for the counts, and
	 * their values add up to it for the sums.
	 */
	public Page records(String set, Collection<UUID> units, LocalDate from, LocalDate to, int offset, int limit) {
		String where;
		String value;
		switch (set) {
			case "accidents" -> {
				where = "TRUE";
				value = "1";
			}
			case "fatalAccidents" -> {
				where = "deaths > 0";
				value = "1";
			}
			case "deaths" -> {
				where = "deaths > 0";
				value = "deaths";
			}
			case "injuries" -> {
				where = "serious_injuries + minor_injuries > 0";
				value = "serious_injuries + minor_injuries";
			}
			case "majorAccidents" -> {
				where = "grade = ANY(:major)";
				value = "1";
			}
			case "directLoss" -> {
				where = "direct_loss > 0";
				value = "direct_loss";
			}
			default -> throw new IllegalArgumentException("No record set " + set);
		}
		String from_ = " FROM accident WHERE unit_id = ANY(:u) AND occurred_on BETWEEN :from AND :to AND " + COUNTED
				+ " AND " + where;
		var total = jdbc.sql("SELECT count(*), coalesce(sum(" + value + "), 0)" + from_);
		var page = jdbc.sql("SELECT accident_number, occurred_on, road, grade, deaths, serious_injuries + minor_injuries,"
				+ " direct_loss, " + value + from_ + " ORDER BY occurred_on, accident_number LIMIT :limit OFFSET :offset");
		UUID[] ids = units.stream().distinct().toArray(UUID[]::new);
		total = total.param("u", ids).param("from", from).param("to", to).param("major", SeverityGrade.majorNames());
		page = page.param("u", ids).param("from", from).param("to", to).param("major", SeverityGrade.majorNames())
			.param("limit", Math.max(0, limit)).param("offset", Math.max(0, offset));
		Object[] totals = total.query((rs, n) -> new Object[] { rs.getLong(1), rs.getBigDecimal(2) }).single();
		boolean money = set.equals("directLoss");
		List<Line> lines = page.query((rs, n) -> new Line(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getString(3),
				SeverityGrade.valueOf(rs.getString(4)), rs.getInt(5), rs.getInt(6), rs.getBigDecimal(7).setScale(2),
				money ? rs.getBigDecimal(8).setScale(2) : rs.getBigDecimal(8).setScale(0))).list();
		BigDecimal sum = (BigDecimal) totals[1];
		return new Page((Long) totals[0], money ? sum.setScale(2) : sum.setScale(0), lines);
	}
}
