package org.anning.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit table: append, read the head, stream in order. */
@Repository
class AuditRepository {

	/** Serialises appends across all nodes, so that the chain never forks. */
	static final long CHAIN_LOCK = 0x616e6e696e67L; // "anning"

	static final String COLUMNS = """
			seq, occurred_at, actor_kind, actor_id, actor_unit, actor_roles, action, object_type, object_id,
			subject_resident, purpose, purpose_ref, outcome, request_id, source_address, detail, hash_algorithm,
			prev_hash, hash""";

	private final JdbcClient jdbc;

	AuditRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Takes the chain lock until the end of the current transaction. */
	void lockChain() {
		jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query((rs, n) -> 1).list();
	}

	record Head(long seq, String hash) {
	}

	Head head() {
		return jdbc.sql("SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1")
			.query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
			.optional()
			.orElse(new Head(0, ChainHash.GENESIS));
	}

	void insert(AuditRecord r) {
		jdbc.sql("INSERT INTO audit_event (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
			.params(r.seq(), Timestamp.from(r.occurredAt()), r.actorKind().name(), r.actorId(), r.actorUnit(),
					r.actorRoles(), r.action().name(), r.objectType(), r.objectId(), r.subjectResident(),
					r.purpose() == null ? null : r.purpose().name(), r.purposeRef(), r.outcome().name(), r.requestId(),
					r.sourceAddress(), r.detail(), r.hashAlgorithm(), r.prevHash(), r.hash())
			.update();
	}

	Optional<AuditRecord> find(long seq) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM audit_event WHERE seq = ?").param(seq).query(AuditRepository::map).optional();
	}

	/** Every row in chain order, streamed, for the verifier. */
	void each(Consumer<AuditRecord> consumer) {
		jdbc.sql("SELECT " + COLUMNS + " FROM audit_event ORDER BY seq")
			.withFetchSize(5_000)
			.query((ResultSet rs) -> {
				while (rs.next()) {
					consumer.accept(map(rs, 0));
				}
				return Boolean.TRUE;
			});
	}

	List<AuditRecord> latest(int limit, String actorId, AuditAction action, UUID subject) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM audit_event
				 WHERE (CAST(:actor AS varchar) IS NULL OR actor_id = :actor)
				   AND (CAST(:action AS varchar) IS NULL OR action = :action)
				   AND (CAST(:subject AS uuid) IS NULL OR subject_resident = :subject)
				 ORDER BY seq DESC LIMIT :limit
				""")
			.param("actor", actorId)
			.param("action", action == null ? null : action.name())
			.param("subject", subject)
			.param("limit", limit)
			.query(AuditRepository::map)
			.list();
	}

	static AuditRecord map(ResultSet rs, int row) throws SQLException {
		String purpose = rs.getString("purpose");
		return new AuditRecord(rs.getLong("seq"), rs.getTimestamp("occurred_at").toInstant(),
				ActorKind.valueOf(rs.getString("actor_kind")), rs.getString("actor_id"),
				rs.getObject("actor_unit", UUID.class), rs.getString("actor_roles"),
				AuditAction.valueOf(rs.getString("action")), rs.getString("object_type"), rs.getString("object_id"),
				rs.getObject("subject_resident", UUID.class), purpose == null ? null : Purpose.valueOf(purpose),
				rs.getString("purpose_ref"), Outcome.valueOf(rs.getString("outcome")), rs.getString("request_id"),
				rs.getString("source_address"), rs.getString("detail"), rs.getString("hash_algorithm"),
				rs.getString("prev_hash"), rs.getString("hash"));
	}
}
