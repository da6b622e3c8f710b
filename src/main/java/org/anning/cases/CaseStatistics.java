package org.anning.cases;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case figures the indicators are made of, computed here, next to the tables they count, exactly as the
 * indicator definitions say: registered and cleared by their own dates, fraud as TELECOM_FRAUD and every code
 * below it, money and apprehensions by the date of the event, homicide by the day it happened and cleared by the
 * end of the period.
 */
@Service
@Transactional(readOnly = true)
public class CaseStatistics {

	private final JdbcClient jdbc;

	private final Taxonomy taxonomy;

	CaseStatistics(JdbcClient jdbc, Taxonomy taxonomy) {
		this.jdbc = jdbc;
		this.taxonomy = taxonomy;
	}

	/** The counts and sums for the units (each counted once) and the period {@code [from, to]}. */
	public record Figures(long registered, long cleared, long fraudRegistered, long fraudCleared, long fraudApprehended,
			BigDecimal fraudStopPaid, BigDecimal fraudFrozen, BigDecimal fraudReturned, BigDecimal fraudLoss,
			long homicideRegistered, long homicideCleared) {
	}

	public Figures figures(Collection<UUID> units, LocalDate from, LocalDate to) {
		UUID[] ids = units.toArray(UUID[]::new);
		String[] fraud = taxonomy.codesUnder(Taxonomy.TELECOM_FRAUD);
		String[] homicide = taxonomy.codesUnder(Taxonomy.HOMICIDE);
		return jdbc.sql("""
				SELECT
				  (SELECT count(*) FROM case_file WHERE unit_id = ANY(:u) AND registered_on BETWEEN :from AND :to),
				  (SELECT count(*) FROM case_file WHERE unit_id = ANY(:u) AND cleared_on BETWEEN :from AND :to),
				  (SELECT count(*) FROM case_file WHERE unit_id = ANY(:u) AND category_code = ANY(:fraud)
				      AND registered_on BETWEEN :from AND :to),
				  (SELECT count(*) FROM case_file WHERE unit_id = ANY(:u) AND category_code = ANY(:fraud)
				      AND cleared_on BETWEEN :from AND :to),
				  (SELECT coalesce(sum(e.people), 0) FROM case_event e JOIN case_file c ON c.id = e.case_id
				    WHERE c.unit_id = ANY(:u) AND c.category_code = ANY(:fraud) AND e.event_type = 'APPREHENSION'
				      AND e.event_on BETWEEN :from AND :to),
				  (SELECT coalesce(sum(e.amount), 0) FROM case_event e JOIN case_file c ON c.id = e.case_id
				    WHERE c.unit_id = ANY(:u) AND c.category_code = ANY(:fraud) AND e.event_type = 'STOP_PAYMENT'
				      AND e.event_on BETWEEN :from AND :to),
				  (SELECT coalesce(sum(e.amount), 0) FROM case_event e JOIN case_file c ON c.id = e.case_id
				    WHERE c.unit_id = ANY(:u) AND c.category_code = ANY(:fraud) AND e.event_type = 'FREEZE'
				      AND e.event_on BETWEEN :from AND :to),
				  (SELECT coalesce(sum(e.amount), 0) FROM case_event e JOIN case_file c ON c.id = e.case_id
				    WHERE c.unit_id = ANY(:u) AND c.category_code = ANY(:fraud) AND e.event_type = 'RETURN'
				      AND e.event_on BETWEEN :from AND :to),
				  (SELECT coalesce(sum(loss_amount), 0) FROM case_file WHERE unit_id = ANY(:u)
				      AND category_code = ANY(:fraud) AND registered_on BETWEEN :from AND :to),
				  (SELECT count(*) FROM case_file WHERE unit_id = ANY(:u) AND category_code = ANY(:homicide)
				      AND occurred_on BETWEEN :from AND :to),
				  (SELECT count(*) FROM case_file WHERE unit_id = ANY(:u) AND category_code = ANY(:homicide)
				      AND occurred_on BETWEEN :from AND :to AND cleared_on <= :to)
				""")
			.param("u", ids).param("from", from).param("to", to).param("fraud", fraud).param("homicide", homicide)
			.query((rs, n) -> new Figures(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
					rs.getBigDecimal(6).setScale(2), rs.getBigDecimal(7).setScale(2), rs.getBigDecimal(8).setScale(2),
					rs.getBigDecimal(9).setScale(2), rs.getLong(10), rs.getLong(11)))
			.single();
	}

	// ---- Per unit and day, for the indicators' rollups

	/** What one unit counted on one day: cases registered and cleared that day, money and people by event date. */
	public record Day(UUID unit, LocalDate day, long registered, long cleared, long fraudRegistered, long fraudCleared,
			long fraudApprehended, BigDecimal fraudStopPaid, BigDecimal fraudFrozen, BigDecimal fraudReturned,
			BigDecimal fraudLoss) {
	}

	/** Homicide cases of a unit that happened on a day and were cleared on another (or not yet: null). */
	public record Homicides(UUID unit, LocalDate occurredOn, LocalDate clearedOn, long cases) {
	}

	/** The unit and the days a case counts on: registration, clearance and event days; and the day it happened. */
	public record CaseDays(UUID unit, java.util.Set<LocalDate> days, LocalDate occurredOn) {
	}

	/** The days the case with this id counts on, or empty when there is no such case. */
	public java.util.Optional<CaseDays> days(UUID caseId) {
		return jdbc.sql("""
				SELECT c.unit_id, c.occurred_on,
				  array_remove(array_cat(ARRAY[c.registered_on, c.cleared_on],
				    ARRAY(SELECT DISTINCT e.event_on FROM case_event e WHERE e.case_id = c.id)), NULL)::text[]
				FROM case_file c WHERE c.id = ?""")
			.param(caseId)
			.query((rs, n) -> {
				java.util.Set<LocalDate> days = new java.util.TreeSet<>();
				for (String d : (String[]) rs.getArray(3).getArray()) {
					days.add(LocalDate.parse(d));
				}
				return new CaseDays(rs.getObject(1, UUID.class), days, rs.getDate(2).toLocalDate());
			})
			.optional();
	}

	/**
	 * The figures of every unit in {@code units} (all units when null) for every day in {@code [from, to]} (all days
	 * when both are null) that counted anything.
	 */
	public void days(Collection<UUID> units, LocalDate from, LocalDate to, java.util.function.Consumer<Day> sink) {
		days(units, from, to, null, sink);
	}

	/** The figures of one unit for exactly these days (days that counted nothing are left out). */
	public java.util.List<Day> days(UUID unit, Collection<LocalDate> days) {
		java.util.List<Day> out = new java.util.ArrayList<>();
		if (!days.isEmpty()) {
			days(java.util.List.of(unit), null, null, days, out::add);
		}
		return out;
	}

	private void days(Collection<UUID> units, LocalDate from, LocalDate to, Collection<LocalDate> only,
			java.util.function.Consumer<Day> sink) {
		String sql = """
				SELECT unit_id, day, sum(registered), sum(cleared), sum(fraud_registered), sum(fraud_cleared),
				  sum(apprehended), sum(stop_paid), sum(frozen), sum(returned), sum(loss)
				FROM (
				  SELECT unit_id, registered_on AS day, 1 AS registered, 0 AS cleared,
				    (category_code = ANY(:fraud))::int AS fraud_registered, 0 AS fraud_cleared, 0 AS apprehended,
				    0::numeric AS stop_paid, 0::numeric AS frozen, 0::numeric AS returned,
				    CASE WHEN category_code = ANY(:fraud) THEN loss_amount ELSE 0 END AS loss
				  FROM case_file WHERE %s
				  UNION ALL
				  SELECT unit_id, cleared_on, 0, 1, 0, (category_code = ANY(:fraud))::int, 0, 0, 0, 0, 0
				  FROM case_file WHERE %s
				  UNION ALL
				  SELECT c.unit_id, e.event_on, 0, 0, 0, 0,
				    CASE WHEN e.event_type = 'APPREHENSION' THEN coalesce(e.people, 0) ELSE 0 END,
				    CASE WHEN e.event_type = 'STOP_PAYMENT' THEN coalesce(e.amount, 0) ELSE 0 END,
				    CASE WHEN e.event_type = 'FREEZE' THEN coalesce(e.amount, 0) ELSE 0 END,
				    CASE WHEN e.event_type = 'RETURN' THEN coalesce(e.amount, 0) ELSE 0 END, 0
				  FROM case_event e JOIN case_file c ON c.id = e.case_id
				  WHERE c.category_code = ANY(:fraud) AND %s
				) x GROUP BY unit_id, day"""
			.formatted(filter("unit_id", "registered_on", units, from, to, only),
					filter("unit_id", "cleared_on", units, from, to, only),
					filter("c.unit_id", "e.event_on", units, from, to, only));
		var spec = bind(jdbc.sql(sql), units, from, to, only).param("fraud", taxonomy.codesUnder(Taxonomy.TELECOM_FRAUD));
		spec.query(rs -> {
			sink.accept(new Day(rs.getObject(1, UUID.class), rs.getDate(2).toLocalDate(), rs.getLong(3), rs.getLong(4),
					rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getBigDecimal(8).setScale(2),
					rs.getBigDecimal(9).setScale(2), rs.getBigDecimal(10).setScale(2), rs.getBigDecimal(11).setScale(2)));
		});
	}

	/** Homicide cases of the units (all when null) by the day they happened in {@code [from, to]} (all when null). */
	public void homicides(Collection<UUID> units, LocalDate from, LocalDate to,
			java.util.function.Consumer<Homicides> sink) {
		homicides(units, from, to, null, sink);
	}

	/** Homicide cases of one unit that happened on one day, by the day they were cleared. */
	public java.util.List<Homicides> homicides(UUID unit, LocalDate occurredOn) {
		java.util.List<Homicides> out = new java.util.ArrayList<>();
		homicides(java.util.List.of(unit), null, null, java.util.List.of(occurredOn), out::add);
		return out;
	}

	private void homicides(Collection<UUID> units, LocalDate from, LocalDate to, Collection<LocalDate> only,
			java.util.function.Consumer<Homicides> sink) {
		String sql = """
				SELECT unit_id, occurred_on, cleared_on, count(*) FROM case_file
				WHERE category_code = ANY(:homicide) AND %s GROUP BY unit_id, occurred_on, cleared_on"""
			.formatted(filter("unit_id", "occurred_on", units, from, to, only));
		bind(jdbc.sql(sql), units, from, to, only).param("homicide", taxonomy.codesUnder(Taxonomy.HOMICIDE))
			.query(rs -> {
				java.sql.Date cleared = rs.getDate(3);
				sink.accept(new Homicides(rs.getObject(1, UUID.class), rs.getDate(2).toLocalDate(),
						cleared == null ? null : cleared.toLocalDate(), rs.getLong(4)));
			});
	}

	private static String filter(String unitColumn, String dayColumn, Collection<UUID> units, LocalDate from,
			LocalDate to, Collection<LocalDate> only) {
		StringBuilder where = new StringBuilder(dayColumn).append(" IS NOT NULL");
		if (units != null) {
			where.append(" AND ").append(unitColumn).append(" = ANY(:u)");
		}
		if (from != null) {
			where.append(" AND ").append(dayColumn).append(" >= :from");
		}
		if (to != null) {
			where.append(" AND ").append(dayColumn).append(" <= :to");
		}
		if (only != null) {
			where.append(" AND ").append(dayColumn).append(" = ANY(CAST(:days AS date[]))");
		}
		return where.toString();
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Collection<UUID> units, LocalDate from,
			LocalDate to, Collection<LocalDate> only) {
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
		return spec;
	}

	/** A record counted in a figure: a case, or a money or apprehension event of a case. */
	public record Line(String caseNumber, String category, LocalDate on, String eventType, BigDecimal amount, Integer people) {
	}

	/** One page of the records of a set, and how many there are in all. */
	public record Page(long total, java.util.List<Line> lines) {
	}

	/**
	 * The records behind a figure: {@code registered}, {@code cleared}, {@code fraud.registered},
	 * {@code fraud.cleared}, {@code fraud.event:<TYPE>}, {@code homicide.registered}, {@code homicide.cleared}.
	 * Their number always equals the figure (for event sums: the events summed).
	 */
	public Page records(String set, Collection<UUID> units, LocalDate from, LocalDate to, int offset, int limit) {
		String where;
		boolean events = false;
		String type = null;
		switch (set) {
			case "registered" -> where = "c.registered_on BETWEEN :from AND :to";
			case "cleared" -> where = "c.cleared_on BETWEEN :from AND :to";
			case "fraud.registered" -> where = "c.category_code = ANY(:fraud) AND c.registered_on BETWEEN :from AND :to";
			case "fraud.cleared" -> where = "c.category_code = ANY(:fraud) AND c.cleared_on BETWEEN :from AND :to";
			case "homicide.registered" -> where = "c.category_code = ANY(:homicide) AND c.occurred_on BETWEEN :from AND :to";
			case "homicide.cleared" -> where = "c.category_code = ANY(:homicide) AND c.occurred_on BETWEEN :from AND :to"
					+ " AND c.cleared_on <= :to";
			default -> {
				if (!set.startsWith("fraud.event:")) {
					throw new IllegalArgumentException("No record set " + set);
				}
				events = true;
				type = EventType.valueOf(set.substring("fraud.event:".length())).name();
				where = "c.category_code = ANY(:fraud) AND e.event_type = :type AND e.event_on BETWEEN :from AND :to";
			}
		}
		String from_ = events ? " FROM case_event e JOIN case_file c ON c.id = e.case_id WHERE c.unit_id = ANY(:u) AND "
				: " FROM case_file c WHERE c.unit_id = ANY(:u) AND ";
		var total = jdbc.sql("SELECT count(*)" + from_ + where);
		var page = jdbc.sql((events
				? "SELECT c.case_number, c.category_code, e.event_on AS on_date, e.event_type, e.amount, e.people"
				: "SELECT c.case_number, c.category_code, c.registered_on AS on_date, NULL AS event_type, c.loss_amount AS amount, NULL::int AS people")
				+ from_ + where + " ORDER BY on_date, c.case_number LIMIT :limit OFFSET :offset");
		for (var spec : java.util.List.of(total, page)) {
			spec.param("u", units.toArray(UUID[]::new)).param("from", from).param("to", to)
				.param("fraud", taxonomy.codesUnder(Taxonomy.TELECOM_FRAUD))
				.param("homicide", taxonomy.codesUnder(Taxonomy.HOMICIDE));
			if (type != null) {
				spec.param("type", type);
			}
		}
		page.param("limit", limit).param("offset", offset);
		long count = total.query(Long.class).single();
		return new Page(count, page.query((rs, n) -> new Line(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(),
				rs.getString(4), rs.getBigDecimal(5), (Integer) rs.getObject(6))).list());
	}
}
