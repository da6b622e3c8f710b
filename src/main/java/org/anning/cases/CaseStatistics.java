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
