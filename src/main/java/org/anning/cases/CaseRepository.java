package org.anning.cases;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CaseRepository {

	private final JdbcClient jdbc;

	CaseRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long nextNumber() {
		return jdbc.sql("SELECT nextval('case_number_seq')").query(Long.class).single();
	}

	void insert(CaseFile c, Set<String> tokens, Instant now) {
		jdbc.sql("""
				INSERT INTO case_file (id, case_number, unit_id, category_code, occurred_on, registered_on, status, officer_id,
				  narrative, place, loss_amount, source, created_at, updated_at, search_tokens)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""").params(c.id(), c.caseNumber(), c.unit(), c.category(), c.occurredOn(), c.registeredOn(), c.status().name(),
				c.officer(), c.narrative(), c.place(), c.loss(), c.source(), Timestamp.from(now), Timestamp.from(now),
				tokens.toArray(String[]::new)).update();
	}

	/** Saves status, dates, officer, narrative and series if the case is still at {@code version}. */
	boolean update(CaseFile c, Set<String> tokens, Instant now) {
		return jdbc.sql("""
				UPDATE case_file SET category_code = ?, status = ?, cleared_on = ?, cleared_how = ?, suspended_on = ?,
				  closed_on = ?, closed_reason = ?, officer_id = ?, narrative = ?, place = ?, series_id = ?, updated_at = ?,
				  search_tokens = ?, version = version + 1
				 WHERE id = ? AND version = ?
				""").params(c.category(), c.status().name(), c.clearedOn(), c.clearedHow(), c.suspendedOn(), c.closedOn(),
				c.closedReason(), c.officer(), c.narrative(), c.place(), c.series(), Timestamp.from(now),
				tokens.toArray(String[]::new), c.id(), c.version()).update() == 1;
	}

	Optional<CaseFile> findByNumber(String number) {
		return jdbc.sql("SELECT * FROM case_file WHERE case_number = ?").param(number).query((rs, n) -> caseFile(rs)).optional();
	}

	Optional<CaseFile> findById(UUID id) {
		return jdbc.sql("SELECT * FROM case_file WHERE id = ?").param(id).query((rs, n) -> caseFile(rs)).optional();
	}

	List<CaseFile> findInSeries(UUID series) {
		return jdbc.sql("SELECT * FROM case_file WHERE series_id = ? ORDER BY registered_on, case_number").param(series)
			.query((rs, n) -> caseFile(rs)).list();
	}

	/** Cases of the units, newest registrations first, optionally of one status and category subtree. */
	List<CaseFile> list(UUID[] units, CaseStatus status, String[] categories, int limit) {
		StringBuilder sql = new StringBuilder("SELECT * FROM case_file WHERE unit_id = ANY(?)");
		java.util.ArrayList<Object> params = new java.util.ArrayList<>();
		params.add(units);
		if (status != null) {
			sql.append(" AND status = ?");
			params.add(status.name());
		}
		if (categories != null) {
			sql.append(" AND category_code = ANY(?)");
			params.add(categories);
		}
		sql.append(" ORDER BY registered_on DESC, case_number DESC LIMIT ").append(limit);
		return jdbc.sql(sql.toString()).params(params).query((rs, n) -> caseFile(rs)).list();
	}

	UUID newSeries(String name, Instant now) {
		UUID id = UUID.randomUUID();
		jdbc.sql("INSERT INTO case_series (id, name, created_at) VALUES (?, ?, ?)").params(id, name, Timestamp.from(now)).update();
		return id;
	}

	// Victims and the ledger

	UUID addVictim(UUID caseId, UUID report, UUID resident, String label, BigDecimal loss, Instant now) {
		UUID id = UUID.randomUUID();
		jdbc.sql("INSERT INTO case_victim (id, case_id, report_id, resident_id, label, loss, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(id, caseId, report, resident, label, loss, Timestamp.from(now)).update();
		refreshLoss(caseId);
		return id;
	}

	boolean setVictimLoss(UUID caseId, UUID victim, BigDecimal loss) {
		boolean changed = jdbc.sql("UPDATE case_victim SET loss = ? WHERE case_id = ? AND id = ?").params(loss, caseId, victim)
			.update() == 1;
		refreshLoss(caseId);
		return changed;
	}

	private void refreshLoss(UUID caseId) {
		jdbc.sql("UPDATE case_file SET loss_amount = (SELECT COALESCE(sum(loss), 0) FROM case_victim WHERE case_id = ?) WHERE id = ?")
			.params(caseId, caseId).update();
	}

	List<Victim> victims(UUID caseId) {
		return jdbc.sql("SELECT id, report_id, resident_id, label, loss FROM case_victim WHERE case_id = ? ORDER BY created_at, id")
			.param(caseId)
			.query((rs, n) -> new Victim(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
					rs.getString(4), rs.getBigDecimal(5)))
			.list();
	}

	/** Records the event; empty if the same event (case, type, date, amount or people, victim) is there already. */
	Optional<CaseEvent> addEvent(UUID caseId, UUID victim, EventType type, LocalDate on, BigDecimal amount, Integer people,
			String note, UUID by, Instant now) {
		UUID id = UUID.randomUUID();
		boolean added = jdbc.sql("""
				INSERT INTO case_event (id, case_id, victim_id, event_type, event_on, amount, people, note, source, created_at, created_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'DESK', ?, ?) ON CONFLICT DO NOTHING
				""").params(id, caseId, victim, type.name(), on, amount, people, note, Timestamp.from(now), by)
			.update() == 1;
		return added ? Optional.of(new CaseEvent(id, victim, type, on, amount, people, note, "DESK")) : Optional.empty();
	}

	List<CaseEvent> events(UUID caseId) {
		return jdbc.sql("SELECT id, victim_id, event_type, event_on, amount, people, note, source FROM case_event WHERE case_id = ? ORDER BY event_on, created_at")
			.param(caseId)
			.query((rs, n) -> new CaseEvent(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					EventType.valueOf(rs.getString(3)), rs.getDate(4).toLocalDate(), rs.getBigDecimal(5),
					(Integer) rs.getObject(6), rs.getString(7), rs.getString(8)))
			.list();
	}

	/** Residents who reported online and are victims of the case, with their report's reference. */
	List<String[]> residentReports(UUID caseId, UUID onlyVictim) {
		return jdbc.sql("""
				SELECT v.resident_id, r.reference FROM case_victim v JOIN report r ON r.id = v.report_id
				 WHERE v.case_id = ? AND v.resident_id IS NOT NULL AND (?::uuid IS NULL OR v.id = ?::uuid)
				""").params(caseId, onlyVictim, onlyVictim).query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) }).list();
	}

	void moveToSeries(UUID caseId, UUID series) {
		jdbc.sql("UPDATE case_file SET series_id = ?, version = version + 1 WHERE id = ?").params(series, caseId).update();
	}

	// History

	void addStep(UUID caseId, String step, Instant at, LocalDate on, String actor, String note) {
		jdbc.sql("INSERT INTO case_step (id, case_id, step, at, on_date, actor_id, note) VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(UUID.randomUUID(), caseId, step, Timestamp.from(at), on, actor, note).update();
	}

	List<CaseStep> steps(UUID caseId) {
		return jdbc.sql("SELECT step, at, on_date, actor_id, note FROM case_step WHERE case_id = ? ORDER BY at, id").param(caseId)
			.query((rs, n) -> new CaseStep(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getDate(3).toLocalDate(),
					rs.getString(4), rs.getString(5)))
			.list();
	}

	static CaseFile caseFile(ResultSet rs) throws SQLException {
		return new CaseFile(rs.getObject("id", UUID.class), rs.getString("case_number"), rs.getObject("unit_id", UUID.class),
				rs.getString("category_code"), date(rs, "occurred_on"), date(rs, "registered_on"),
				CaseStatus.valueOf(rs.getString("status")), date(rs, "cleared_on"), rs.getString("cleared_how"),
				date(rs, "suspended_on"), date(rs, "closed_on"), rs.getString("closed_reason"),
				rs.getObject("officer_id", UUID.class), rs.getString("narrative"), rs.getString("place"),
				rs.getBigDecimal("loss_amount"), rs.getObject("series_id", UUID.class), rs.getString("source"),
				rs.getInt("version"));
	}

	static LocalDate date(ResultSet rs, String column) throws SQLException {
		Date d = rs.getDate(column);
		return d == null ? null : d.toLocalDate();
	}
}
