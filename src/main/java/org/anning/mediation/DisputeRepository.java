package org.anning.mediation;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DisputeRepository {

	private final JdbcClient jdbc;

	DisputeRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long nextNumber() {
		return jdbc.sql("SELECT nextval('mediation_number_seq')").query(Long.class).single();
	}

	/** A sealed party: role, sealed and masked name and contact. */
	record StoredParty(PartyRole role, byte[] nameSealed, String nameMasked, byte[] contactSealed, String contactMasked) {
	}

	void insert(Dispute d, List<StoredParty> parties, UUID by) {
		jdbc.sql("""
				INSERT INTO mediation_dispute (id, reference, unit_id, channel, referring_unit_id, resident_id, category,
				  account, risk, risk_reason, status, received_on, warn_on, due_on, created_by, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""").params(d.id(), d.reference(), d.unit(), d.channel().name(), d.referringUnit(), d.resident(),
				d.category().name(), d.account(), d.risk().name(), d.riskReason(), d.status().name(), d.receivedOn(),
				d.warnOn(), d.dueOn(), by, Timestamp.from(d.createdAt()), Timestamp.from(d.createdAt())).update();
		int position = 0;
		for (StoredParty p : parties) {
			jdbc.sql("""
					INSERT INTO mediation_party (dispute_id, position, role, name_sealed, name_masked, contact_sealed, contact_masked)
					VALUES (?, ?, ?, ?, ?, ?, ?)
					""").params(d.id(), position++, p.role().name(), p.nameSealed(), p.nameMasked(), p.contactSealed(),
					p.contactMasked()).update();
		}
	}

	Optional<Dispute> findByReference(String reference) {
		return jdbc.sql("SELECT * FROM mediation_dispute WHERE reference = ?").param(reference)
			.query((rs, n) -> dispute(rs)).optional();
	}

	Optional<Dispute> findById(UUID id) {
		return jdbc.sql("SELECT * FROM mediation_dispute WHERE id = ?").param(id).query((rs, n) -> dispute(rs)).optional();
	}

	List<Dispute> findByResident(UUID resident) {
		return jdbc.sql("SELECT * FROM mediation_dispute WHERE resident_id = ? ORDER BY created_at DESC").param(resident)
			.query((rs, n) -> dispute(rs)).list();
	}

	List<Party> parties(UUID dispute) {
		return jdbc.sql("SELECT position, role, name_masked, contact_masked FROM mediation_party WHERE dispute_id = ? ORDER BY position")
			.param(dispute)
			.query((rs, n) -> new Party(rs.getInt(1), PartyRole.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4)))
			.list();
	}

	List<StoredParty> sealedParties(UUID dispute) {
		return jdbc.sql("SELECT role, name_sealed, name_masked, contact_sealed, contact_masked FROM mediation_party WHERE dispute_id = ? ORDER BY position")
			.param(dispute)
			.query((rs, n) -> new StoredParty(PartyRole.valueOf(rs.getString(1)), rs.getBytes(2), rs.getString(3),
					rs.getBytes(4), rs.getString(5)))
			.list();
	}

	/** Changes what the dispute's own row holds, if nobody changed it meanwhile. */
	boolean update(Dispute d, Instant at) {
		return jdbc.sql("""
				UPDATE mediation_dispute SET risk = ?, risk_reason = ?, status = ?, outcome = ?, referral = ?, outcome_note = ?,
				  warn_on = ?, due_on = ?, closed_on = ?, reopened = ?, updated_at = ?, version = version + 1
				 WHERE id = ? AND version = ?
				""").params(d.risk().name(), d.riskReason(), d.status().name(),
				d.outcome() == null ? null : d.outcome().name(), d.referral() == null ? null : d.referral().name(),
				d.outcomeNote(), d.warnOn(), d.dueOn(), d.closedOn(), d.reopened(), Timestamp.from(at), d.id(), d.version())
			.update() == 1;
	}

	void addStep(UUID dispute, String step, LocalDate on, Instant at, String actor, String note) {
		jdbc.sql("INSERT INTO mediation_step (dispute_id, step, on_date, at, actor, note) VALUES (?, ?, ?, ?, ?, ?)")
			.params(dispute, step, on, Timestamp.from(at), actor, note == null || note.length() <= 200 ? note : note.substring(0, 200))
			.update();
	}

	List<DisputeStep> steps(UUID dispute) {
		return jdbc.sql("SELECT step, on_date, at, note FROM mediation_step WHERE dispute_id = ? ORDER BY seq")
			.param(dispute)
			.query((rs, n) -> new DisputeStep(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getTimestamp(3).toInstant(),
					rs.getString(4)))
			.list();
	}

	// ---- Mediators of a dispute

	List<UUID> mediatorsOf(UUID dispute) {
		return jdbc.sql("SELECT mediator_id FROM mediation_dispute_mediator WHERE dispute_id = ? ORDER BY added_at, mediator_id")
			.param(dispute).query(UUID.class).list();
	}

	boolean addMediator(UUID dispute, UUID mediator, Instant at) {
		return jdbc.sql("""
				INSERT INTO mediation_dispute_mediator (dispute_id, mediator_id, added_at) VALUES (?, ?, ?)
				ON CONFLICT DO NOTHING
				""").params(dispute, mediator, Timestamp.from(at)).update() == 1;
	}

	boolean removeMediator(UUID dispute, UUID mediator) {
		return jdbc.sql("DELETE FROM mediation_dispute_mediator WHERE dispute_id = ? AND mediator_id = ?")
			.params(dispute, mediator).update() == 1;
	}

	// ---- Sessions

	void addSession(UUID dispute, Session s, UUID by, Instant at) {
		jdbc.sql("""
				INSERT INTO mediation_session (id, dispute_id, held_on, attended, mediator_ids, notes, recorded_by, recorded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)
				""").params(s.id(), dispute, s.heldOn(), s.attended(), s.mediators().toArray(UUID[]::new), s.notes(), by,
				Timestamp.from(at)).update();
	}

	List<Session> sessions(UUID dispute) {
		return jdbc.sql("SELECT id, held_on, attended, mediator_ids, notes FROM mediation_session WHERE dispute_id = ? ORDER BY held_on, recorded_at")
			.param(dispute)
			.query((rs, n) -> new Session(rs.getObject(1, UUID.class), rs.getDate(2).toLocalDate(), rs.getString(3),
					uuids(rs.getArray(4)), rs.getString(5)))
			.list();
	}

	// ---- Agreements

	void addAgreement(UUID id, UUID dispute, UUID unit, LocalDate agreedOn, LocalDate followUpDue, List<Term> terms,
			Instant at) {
		jdbc.sql("""
				INSERT INTO mediation_agreement (id, dispute_id, unit_id, agreed_on, follow_up_due, created_at)
				VALUES (?, ?, ?, ?, ?, ?)
				""").params(id, dispute, unit, agreedOn, followUpDue, Timestamp.from(at)).update();
		int position = 0;
		for (Term t : terms) {
			jdbc.sql("INSERT INTO mediation_term (agreement_id, position, party, obligation, due_by) VALUES (?, ?, ?, ?, ?)")
				.params(id, position++, t.party(), t.obligation(), t.dueBy()).update();
		}
	}

	List<Agreement> agreements(UUID dispute) {
		List<Agreement> bare = jdbc.sql("""
				SELECT id, agreed_on, follow_up_due, followed_up_on, carried_out, follow_up_note, follow_up_action, follow_up_referral
				  FROM mediation_agreement WHERE dispute_id = ? ORDER BY agreed_on, created_at
				""").param(dispute).query((rs, n) -> agreement(rs, List.of())).list();
		List<Agreement> result = new ArrayList<>();
		for (Agreement a : bare) {
			List<Term> terms = jdbc.sql("SELECT party, obligation, due_by FROM mediation_term WHERE agreement_id = ? ORDER BY position")
				.param(a.id())
				.query((rs, n) -> new Term(rs.getString(1), rs.getString(2), date(rs, 3)))
				.list();
			result.add(new Agreement(a.id(), a.agreedOn(), a.followUpDue(), a.followedUpOn(), a.carriedOut(),
					a.followUpNote(), a.followUpAction(), a.followUpReferral(), terms));
		}
		return result;
	}

	boolean recordFollowUp(UUID agreement, LocalDate on, boolean carriedOut, String note, FollowUpAction action,
			Referral referral) {
		return jdbc.sql("""
				UPDATE mediation_agreement SET followed_up_on = ?, carried_out = ?, follow_up_note = ?, follow_up_action = ?,
				  follow_up_referral = ? WHERE id = ? AND followed_up_on IS NULL
				""").params(on, carriedOut, note, action.name(), referral == null ? null : referral.name(), agreement)
			.update() == 1;
	}

	// ---- Case links

	boolean link(UUID dispute, String caseNumber, UUID unit, LocalDate on, UUID by, Instant at) {
		return jdbc.sql("""
				INSERT INTO mediation_case_link (dispute_id, case_number, unit_id, linked_on, linked_by, linked_at)
				VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
				""").params(dispute, caseNumber, unit, on, by, Timestamp.from(at)).update() == 1;
	}

	List<CaseLink> links(UUID dispute) {
		return jdbc.sql("SELECT case_number, linked_on FROM mediation_case_link WHERE dispute_id = ? ORDER BY linked_at")
			.param(dispute).query((rs, n) -> new CaseLink(rs.getString(1), rs.getDate(2).toLocalDate())).list();
	}

	// ---- Mapping

	static Dispute dispute(ResultSet rs) throws SQLException {
		String outcome = rs.getString("outcome");
		String referral = rs.getString("referral");
		return new Dispute(rs.getObject("id", UUID.class), rs.getString("reference"), rs.getObject("unit_id", UUID.class),
				IntakeChannel.valueOf(rs.getString("channel")), rs.getObject("referring_unit_id", UUID.class),
				rs.getObject("resident_id", UUID.class), Category.valueOf(rs.getString("category")), rs.getString("account"),
				Risk.valueOf(rs.getString("risk")), rs.getString("risk_reason"), DisputeStatus.valueOf(rs.getString("status")),
				outcome == null ? null : Outcome.valueOf(outcome), referral == null ? null : Referral.valueOf(referral),
				rs.getString("outcome_note"), date(rs, "received_on"), date(rs, "warn_on"), date(rs, "due_on"),
				date(rs, "closed_on"), rs.getInt("reopened"), rs.getTimestamp("created_at").toInstant(), rs.getInt("version"));
	}

	private static Agreement agreement(ResultSet rs, List<Term> terms) throws SQLException {
		String action = rs.getString(7);
		String referral = rs.getString(8);
		Object carried = rs.getObject(5);
		return new Agreement(rs.getObject(1, UUID.class), date(rs, 2), date(rs, 3), date(rs, 4), (Boolean) carried,
				rs.getString(6), action == null ? null : FollowUpAction.valueOf(action),
				referral == null ? null : Referral.valueOf(referral), terms);
	}

	static LocalDate date(ResultSet rs, String column) throws SQLException {
		Date d = rs.getDate(column);
		return d == null ? null : d.toLocalDate();
	}

	static LocalDate date(ResultSet rs, int column) throws SQLException {
		Date d = rs.getDate(column);
		return d == null ? null : d.toLocalDate();
	}

	private static List<UUID> uuids(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((UUID[]) array.getArray());
	}
}
