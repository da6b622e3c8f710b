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
}
