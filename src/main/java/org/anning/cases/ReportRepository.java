package org.anning.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ReportRepository {

	private final JdbcClient jdbc;

	ReportRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long nextNumber() {
		return jdbc.sql("SELECT nextval('report_number_seq')").query(Long.class).single();
	}

	void insert(Report r, byte[] phoneSealed, List<ReceivingAccount> accounts, Set<String> tokens) {
		jdbc.sql("""
				INSERT INTO report (id, reference, channel, kind, unit_id, resident_id, reporter_name, reporter_phone_sealed,
				  narrative, occurred_at, place, loss, payment_method, status, created_at, search_tokens)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""").params(r.id(), r.reference(), r.channel().name(), r.kind().name(), r.unit(), r.resident(),
				r.reporterName(), phoneSealed, r.narrative(), Timestamp.from(r.occurredAt()), r.place(), r.loss(),
				r.paymentMethod() == null ? null : r.paymentMethod().name(), r.status().name(), Timestamp.from(r.createdAt()),
				tokens.toArray(String[]::new)).update();
		int position = 0;
		for (ReceivingAccount a : accounts) {
			jdbc.sql("""
					INSERT INTO report_account (report_id, position, channel, institution, account, holder, amount)
					VALUES (?, ?, ?, ?, ?, ?, ?)
					""").params(r.id(), position++, a.channel().name(), a.institution(), a.account(), a.holder(), a.amount())
				.update();
		}
	}

	boolean triage(UUID id, int version, ReportStatus status, String reason, UUID caseId, UUID by, Instant at) {
		return jdbc.sql("""
				UPDATE report SET status = ?, outcome_reason = ?, case_id = ?, triaged_at = ?, triaged_by = ?, version = version + 1
				 WHERE id = ? AND version = ?
				""").params(status.name(), reason, caseId, Timestamp.from(at), by, id, version).update() == 1;
	}

	Optional<Report> findByReference(String reference) {
		return jdbc.sql("SELECT * FROM report WHERE reference = ?").param(reference).query((rs, n) -> report(rs)).optional();
	}

	List<Report> findByResident(UUID resident) {
		return jdbc.sql("SELECT * FROM report WHERE resident_id = ? ORDER BY created_at DESC").param(resident)
			.query((rs, n) -> report(rs)).list();
	}

	List<Report> findByCase(UUID caseId) {
		return jdbc.sql("SELECT * FROM report WHERE case_id = ? ORDER BY created_at").param(caseId)
			.query((rs, n) -> report(rs)).list();
	}

	List<Report> list(UUID[] units, ReportStatus status, int limit) {
		return jdbc.sql("SELECT * FROM report WHERE unit_id = ANY(?) AND (?::text IS NULL OR status = ?) ORDER BY created_at DESC LIMIT " + limit)
			.params(units, status == null ? null : status.name(), status == null ? null : status.name())
			.query((rs, n) -> report(rs)).list();
	}

	Optional<byte[]> phoneSealed(UUID id) {
		return jdbc.sql("SELECT reporter_phone_sealed FROM report WHERE id = ?").param(id).query((rs, n) -> rs.getBytes(1))
			.optional().filter(b -> b != null);
	}

	List<ReceivingAccount> accounts(UUID report) {
		return jdbc.sql("SELECT channel, institution, account, holder, amount FROM report_account WHERE report_id = ? ORDER BY position")
			.param(report)
			.query((rs, n) -> new ReceivingAccount(PaymentChannel.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getBigDecimal(5)))
			.list();
	}

	void addAttachment(UUID id, UUID report, String fileName, String contentType, byte[] content, String sha256, Instant at) {
		jdbc.sql("""
				INSERT INTO report_attachment (id, report_id, file_name, content_type, size_bytes, sha256, content, uploaded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)
				""").params(id, report, fileName, contentType, content.length, sha256, content, Timestamp.from(at)).update();
	}

	List<Attachment> attachments(UUID report) {
		return jdbc.sql("SELECT id, file_name, content_type, size_bytes, sha256 FROM report_attachment WHERE report_id = ? ORDER BY uploaded_at, id")
			.param(report)
			.query((rs, n) -> new Attachment(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4),
					rs.getString(5)))
			.list();
	}

	Optional<byte[]> attachmentContent(UUID report, UUID attachment) {
		return jdbc.sql("SELECT content FROM report_attachment WHERE report_id = ? AND id = ?").params(report, attachment)
			.query((rs, n) -> rs.getBytes(1)).optional();
	}

	static Report report(ResultSet rs) throws SQLException {
		Timestamp triaged = rs.getTimestamp("triaged_at");
		String payment = rs.getString("payment_method");
		return new Report(rs.getObject("id", UUID.class), rs.getString("reference"), Channel.valueOf(rs.getString("channel")),
				ReportKind.valueOf(rs.getString("kind")), rs.getObject("unit_id", UUID.class),
				rs.getObject("resident_id", UUID.class), rs.getString("reporter_name"), rs.getString("narrative"),
				rs.getTimestamp("occurred_at").toInstant(), rs.getString("place"), rs.getBigDecimal("loss"),
				payment == null ? null : PaymentChannel.valueOf(payment), ReportStatus.valueOf(rs.getString("status")),
				rs.getString("outcome_reason"), rs.getObject("case_id", UUID.class), rs.getTimestamp("created_at").toInstant(),
				triaged == null ? null : triaged.toInstant(), rs.getInt("version"));
	}
}
