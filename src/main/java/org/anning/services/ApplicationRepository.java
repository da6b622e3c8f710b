package org.anning.services;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ApplicationRepository {

	private final JdbcClient jdbc;

	ApplicationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long nextNumber() {
		return jdbc.sql("SELECT nextval('application_number_seq')").query(Long.class).single();
	}

	void insert(Application a, List<MaterialRequirement> requirements) {
		jdbc.sql("""
				INSERT INTO application (id, reference, resident_id, item_id, item_code, item_name_zh, item_name_en,
				  committed_days, statutory_days, unit_id, status, note, delivery, created_at, round, version)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
				""").params(a.id, a.reference, a.resident, a.item, a.itemCode, a.itemNameZh, a.itemNameEn, a.committedDays,
				a.statutoryDays, a.unit, a.status.name(), a.note, a.delivery.name(), Timestamp.from(a.createdAt), a.round)
			.update();
		if (requirements.isEmpty()) {
			return;
		}
		// One statement for all of the item's requirements: a round trip each was a good part of a submission.
		int n = requirements.size();
		String[] codes = new String[n], namesZh = new String[n], namesEn = new String[n], mandatory = new String[n],
				formats = new String[n];
		for (int i = 0; i < n; i++) {
			MaterialRequirement m = requirements.get(i);
			codes[i] = m.code();
			namesZh[i] = m.nameZh();
			namesEn[i] = m.nameEn();
			mandatory[i] = Boolean.toString(m.mandatory());
			formats[i] = MaterialFormat.format(m.formats());
		}
		jdbc.sql("""
				INSERT INTO application_requirement (application_id, code, name_zh, name_en, mandatory, formats, position)
				SELECT ?, r.code, r.name_zh, r.name_en, r.mandatory::boolean, r.formats, (r.n - 1)::int
				  FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]))
				       WITH ORDINALITY AS r (code, name_zh, name_en, mandatory, formats, n)
				""").params(a.id, codes, namesZh, namesEn, mandatory, formats).update();
	}

	/** Saves the changes if nobody else saved the application since it was read; false otherwise. */
	boolean update(Application a) {
		return jdbc.sql("""
				UPDATE application SET status = ?, note = ?, delivery = ?, submitted_at = ?, received_on = ?, accepted_on = ?,
				  implied_acceptance = ?, stopped_on = ?, stopped_days = ?, warn_on = ?, due_on = ?, warned_at = ?,
				  overdue_at = ?, decided_on = ?, decision_reason = ?, closed_on = ?, assignee_id = ?, round = ?,
				  version = version + 1
				 WHERE id = ? AND version = ?
				""").params(a.status.name(), a.note, a.delivery.name(), ts(a.submittedAt), a.receivedOn, a.acceptedOn,
				a.impliedAcceptance, a.stoppedOn, a.stoppedDays, a.warnOn, a.dueOn, ts(a.warnedAt), ts(a.overdueAt),
				a.decidedOn, a.decisionReason, a.closedOn, a.assignee, a.round, a.id, a.version).update() == 1;
	}

	Optional<Application> findById(UUID id) {
		return jdbc.sql("SELECT * FROM application WHERE id = ?").param(id).query((rs, n) -> application(rs)).optional();
	}

	Optional<Application> findByReference(String reference) {
		return jdbc.sql("SELECT * FROM application WHERE reference = ?").param(reference)
			.query((rs, n) -> application(rs)).optional();
	}

	List<Application> findByResident(UUID resident) {
		return jdbc.sql("SELECT * FROM application WHERE resident_id = ? ORDER BY created_at DESC").param(resident)
			.query((rs, n) -> application(rs)).list();
	}

	/** Submissions still waiting for intake that were received on or before the day. */
	List<Application> submittedReceivedOnOrBefore(LocalDate day) {
		return jdbc.sql("SELECT * FROM application WHERE status = 'SUBMITTED' AND received_on <= ? ORDER BY received_on")
			.param(day).query((rs, n) -> application(rs)).list();
	}

	/** Applications whose deadline runs and whose warning day has come, not yet flagged both ways. */
	List<Application> runningWarnOnOrBefore(LocalDate day) {
		return jdbc.sql("""
				SELECT * FROM application
				 WHERE status IN ('ACCEPTED', 'UNDER_REVIEW') AND warn_on <= ? AND (warned_at IS NULL OR overdue_at IS NULL)
				 ORDER BY due_on
				""").param(day).query((rs, n) -> application(rs)).list();
	}

	Optional<UUID> findBySubmissionKey(UUID resident, String key) {
		return jdbc.sql("SELECT application_id FROM application_submission WHERE resident_id = ? AND idempotency_key = ?")
			.params(resident, key).query(UUID.class).optional();
	}

	/** Claims the key for the application; false if another request claimed it first. */
	boolean claimSubmissionKey(UUID resident, String key, UUID application, Instant now) {
		return jdbc.sql("""
				INSERT INTO application_submission (resident_id, idempotency_key, application_id, created_at)
				VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING
				""").params(resident, key, application, Timestamp.from(now)).update() == 1;
	}

	List<MaterialRequirement> requirements(UUID application) {
		return jdbc.sql("SELECT * FROM application_requirement WHERE application_id = ? ORDER BY position")
			.param(application).query((rs, n) -> CatalogueRepository.material(rs)).list();
	}

	// Timeline

	void addStep(UUID application, Step step, Instant at, LocalDate on, String actorKind, String actorId, String note) {
		jdbc.sql("""
				INSERT INTO application_step (id, application_id, step, at, on_date, actor_kind, actor_id, note)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)
				""").params(UUID.randomUUID(), application, step.name(), Timestamp.from(at), on, actorKind, actorId, note)
			.update();
	}

	List<TimelineEntry> steps(UUID application) {
		return jdbc.sql("SELECT step, at, on_date, actor_kind, actor_id, note FROM application_step WHERE application_id = ? ORDER BY at, id")
			.param(application)
			.query((rs, n) -> new TimelineEntry(Step.valueOf(rs.getString("step")), rs.getTimestamp("at").toInstant(),
					rs.getDate("on_date").toLocalDate(), rs.getString("actor_kind"), rs.getString("actor_id"),
					rs.getString("note")))
			.list();
	}

	// Materials

	void addMaterial(UUID id, UUID application, String requirement, String fileName, MaterialFormat format, byte[] content,
			String sha256, int round, Instant at) {
		jdbc.sql("""
				INSERT INTO application_material (id, application_id, requirement_code, file_name, content_type, size_bytes,
				  sha256, content, round, uploaded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""").params(id, application, requirement, fileName, format.contentType(), content.length, sha256, content,
				round, Timestamp.from(at)).update();
	}

	List<Material> materials(UUID application) {
		return jdbc.sql("""
				SELECT id, requirement_code, file_name, content_type, size_bytes, sha256, round, uploaded_at
				  FROM application_material WHERE application_id = ? ORDER BY uploaded_at, id
				""").param(application)
			.query((rs, n) -> new Material(rs.getObject("id", UUID.class), rs.getString("requirement_code"),
					rs.getString("file_name"), rs.getString("content_type"), rs.getInt("size_bytes"), rs.getString("sha256"),
					rs.getInt("round"), rs.getTimestamp("uploaded_at").toInstant()))
			.list();
	}

	Optional<byte[]> materialContent(UUID application, UUID material) {
		return jdbc.sql("SELECT content FROM application_material WHERE application_id = ? AND id = ?")
			.params(application, material).query((rs, n) -> rs.getBytes(1)).optional();
	}

	int removeMaterial(UUID application, UUID material, int round) {
		return jdbc.sql("DELETE FROM application_material WHERE application_id = ? AND id = ? AND round = ?")
			.params(application, material, round).update();
	}

	// Notices

	void addNotice(UUID application, int round, Instant at, UUID by, String remarks, List<SupplementNotice.Item> items) {
		UUID id = UUID.randomUUID();
		jdbc.sql("INSERT INTO application_notice (id, application_id, round, issued_at, issued_by, remarks) VALUES (?, ?, ?, ?, ?, ?)")
			.params(id, application, round, Timestamp.from(at), by, remarks).update();
		int position = 0;
		for (SupplementNotice.Item item : items) {
			jdbc.sql("INSERT INTO application_notice_item (notice_id, position, requirement_code, problem, note) VALUES (?, ?, ?, ?, ?)")
				.params(id, position++, item.requirement(), item.problem().name(), item.note()).update();
		}
	}

	List<SupplementNotice> notices(UUID application) {
		List<SupplementNotice> notices = new ArrayList<>();
		jdbc.sql("SELECT id, round, issued_at, remarks FROM application_notice WHERE application_id = ? ORDER BY round")
			.param(application)
			.query(rs -> {
				UUID id = rs.getObject("id", UUID.class);
				notices.add(new SupplementNotice(rs.getInt("round"), rs.getTimestamp("issued_at").toInstant(),
						rs.getString("remarks"), jdbc.sql("SELECT requirement_code, problem, note FROM application_notice_item WHERE notice_id = ? ORDER BY position")
							.param(id)
							.query((r, n) -> new SupplementNotice.Item(r.getString(1), SupplementNotice.Problem.valueOf(r.getString(2)), r.getString(3)))
							.list()));
			});
		return notices;
	}

	static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	static Application application(ResultSet rs) throws SQLException {
		var a = new Application(rs.getObject("id", UUID.class), rs.getString("reference"),
				rs.getObject("resident_id", UUID.class), rs.getObject("item_id", UUID.class), rs.getString("item_code"),
				rs.getString("item_name_zh"), rs.getString("item_name_en"), rs.getInt("committed_days"),
				rs.getInt("statutory_days"), rs.getObject("unit_id", UUID.class),
				ApplicationStatus.valueOf(rs.getString("status")), rs.getString("note"),
				Application.Delivery.valueOf(rs.getString("delivery")), rs.getTimestamp("created_at").toInstant(),
				rs.getInt("round"), rs.getInt("version"));
		a.submittedAt = instant(rs, "submitted_at");
		a.receivedOn = date(rs, "received_on");
		a.acceptedOn = date(rs, "accepted_on");
		a.impliedAcceptance = rs.getBoolean("implied_acceptance");
		a.stoppedOn = date(rs, "stopped_on");
		a.stoppedDays = rs.getInt("stopped_days");
		a.warnOn = date(rs, "warn_on");
		a.dueOn = date(rs, "due_on");
		a.warnedAt = instant(rs, "warned_at");
		a.overdueAt = instant(rs, "overdue_at");
		a.decidedOn = date(rs, "decided_on");
		a.decisionReason = rs.getString("decision_reason");
		a.closedOn = date(rs, "closed_on");
		a.assignee = rs.getObject("assignee_id", UUID.class);
		return a;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	private static LocalDate date(ResultSet rs, String column) throws SQLException {
		Date d = rs.getDate(column);
		return d == null ? null : d.toLocalDate();
	}
}
