package org.anning.audit;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

import org.anning.web.RequestIds;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records audit events. Call it inside the transaction of the read or write it records: the event commits or
 * rolls back with it, and if it cannot be written the whole request fails closed.
 */
@Component
public class AuditTrail {

	private final AuditRepository events;

	private final AuditSettings settings;

	private final Clock clock;

	AuditTrail(AuditRepository events, AuditSettings settings, Clock clock) {
		this.events = events;
		this.settings = settings;
		this.clock = clock;
	}

	/** Appends the entry to the chain and returns its sequence number. */
	@Transactional
	public long record(AuditEntry entry) {
		Actor actor = entry.actor() != null ? entry.actor() : Actor.current();
		try {
			events.lockChain();
			AuditRepository.Head head = events.head();
			var unsealed = new AuditRecord(head.seq() + 1, clock.instant().truncatedTo(ChronoUnit.MILLIS), actor.kind(),
					actor.id(), actor.unit(), actor.roles(), entry.action(), entry.objectType(), entry.objectId(),
					entry.subjectResident(), entry.purpose(), clip(entry.purposeRef(), 100), entry.outcome(),
					RequestIds.current().orElse(null), RequestIds.sourceAddress().orElse(null), clip(entry.detail(), 500),
					settings.hash(), head.hash(), null);
			AuditRecord sealed = withHash(unsealed, ChainHash.of(unsealed));
			events.insert(sealed);
			return sealed.seq();
		}
		catch (DataAccessException e) {
			throw new AuditUnavailableException(e);
		}
	}

	static AuditRecord withHash(AuditRecord r, String hash) {
		return new AuditRecord(r.seq(), r.occurredAt(), r.actorKind(), r.actorId(), r.actorUnit(), r.actorRoles(),
				r.action(), r.objectType(), r.objectId(), r.subjectResident(), r.purpose(), r.purposeRef(), r.outcome(),
				r.requestId(), r.sourceAddress(), r.detail(), r.hashAlgorithm(), r.prevHash(), hash);
	}

	private static String clip(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}
}
