package org.anning.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.anning.web.InvalidInputException;
import org.anning.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Residents' view of the trail: every staff access to their data. A station chief may defer an entry while an
 * investigation is open; the entry appears once the deferral ends, and the deferral itself is audited.
 */
@Component
public class DataAccessLog {

	private final JdbcClient jdbc;

	private final AuditTrail trail;

	private final Clock clock;

	DataAccessLog(JdbcClient jdbc, AuditTrail trail, Clock clock) {
		this.jdbc = jdbc;
		this.trail = trail;
		this.clock = clock;
	}

	/**
	 * Staff accesses to the resident's data that the resident may see today, newest first. Deferrals are about
	 * the resident too (so auditors find them) but are never shown to the resident.
	 */
	@Transactional(readOnly = true)
	public List<DataAccess> of(UUID resident) {
		return jdbc.sql("""
				SELECT e.seq, e.occurred_at, e.actor_unit, e.actor_roles, e.action, e.object_type, e.purpose, e.purpose_ref
				  FROM audit_event e
				 WHERE e.subject_resident = ? AND e.actor_kind = 'STAFF' AND e.action <> 'DEFERRED'
				   AND NOT EXISTS (SELECT 1 FROM audit_deferral d WHERE d.audit_seq = e.seq AND d.until >= ?)
				 ORDER BY e.seq DESC
				""").params(resident, LocalDate.now(clock)).query((rs, n) -> access(rs)).list();
	}

	/** Every staff access to the resident's data, deferred or not, for the staff who may defer them. */
	@Transactional(readOnly = true)
	public List<DeferrableAccess> allOf(UUID resident) {
		return jdbc.sql("""
				SELECT e.seq, e.occurred_at, e.actor_unit, e.actor_roles, e.action, e.object_type, e.purpose, e.purpose_ref,
				       (SELECT max(d.until) FROM audit_deferral d WHERE d.audit_seq = e.seq) AS deferred_until
				  FROM audit_event e
				 WHERE e.subject_resident = ? AND e.actor_kind = 'STAFF' AND e.action <> 'DEFERRED'
				 ORDER BY e.seq DESC
				""").param(resident).query((rs, n) -> {
					java.sql.Date until = rs.getDate("deferred_until");
					return new DeferrableAccess(access(rs), until == null ? null : until.toLocalDate());
				}).list();
	}

	/** An access and, if its visibility is deferred, until when. */
	public record DeferrableAccess(DataAccess access, LocalDate deferredUntil) {
	}

	/**
	 * Defers the resident's view of one access until the given date, for an open investigation. Only accesses by
	 * staff of {@code units} (the deferring chief's scope) can be deferred.
	 */
	@Transactional
	public void defer(long seq, String reason, LocalDate until, Set<UUID> units) {
		Optional<DataAccess> entry = jdbc.sql("""
				SELECT seq, occurred_at, actor_unit, actor_roles, action, object_type, purpose, purpose_ref
				  FROM audit_event WHERE seq = ? AND actor_kind = 'STAFF' AND subject_resident IS NOT NULL
				""").param(seq).query((rs, n) -> access(rs)).optional();
		UUID resident = entry.isEmpty() ? null
				: jdbc.sql("SELECT subject_resident FROM audit_event WHERE seq = ?").param(seq).query(UUID.class).single();
		if (entry.isEmpty() || entry.get().unit() == null || !units.contains(entry.get().unit())) {
			throw new NotFoundException("data access");
		}
		if (reason == null || reason.isBlank() || reason.length() > 500) {
			throw new InvalidInputException("reason", "audit.deferral.reason");
		}
		LocalDate today = LocalDate.now(clock);
		if (until == null || !until.isAfter(today) || until.isAfter(today.plusYears(1))) {
			throw new InvalidInputException("until", "audit.deferral.until");
		}
		jdbc.sql("INSERT INTO audit_deferral (id, audit_seq, reason, until, deferred_by, deferred_at) VALUES (?, ?, ?, ?, ?, ?)")
			.params(UUID.randomUUID(), seq, reason.strip(), until, String.valueOf(Actor.current().id()),
					Timestamp.from(clock.instant()))
			.update();
		trail.record(AuditEntry.of(AuditAction.DEFERRED, "audit-event", seq)
			.about(resident)
			.detail("until " + until + ": " + reason.strip()));
	}

	private static DataAccess access(java.sql.ResultSet rs) throws java.sql.SQLException {
		String purpose = rs.getString("purpose");
		return new DataAccess(rs.getLong("seq"), rs.getTimestamp("occurred_at").toInstant(),
				rs.getObject("actor_unit", UUID.class), rs.getString("actor_roles"),
				AuditAction.valueOf(rs.getString("action")), rs.getString("object_type"),
				purpose == null ? null : Purpose.valueOf(purpose), rs.getString("purpose_ref"));
	}
}
