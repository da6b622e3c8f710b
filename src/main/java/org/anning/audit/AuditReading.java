package org.anning.audit;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/** What auditors do with the trail, for the pages and the API alike; each look at the trail is itself audited. */
@Component
class AuditReading {

	private final AuditRepository events;

	private final ChainVerifier verifier;

	private final AuditTrail trail;

	AuditReading(AuditRepository events, ChainVerifier verifier, AuditTrail trail) {
		this.events = events;
		this.verifier = verifier;
		this.trail = trail;
	}

	@Transactional
	List<AuditRecord> latest(int limit, String actor, AuditAction action, UUID subject) {
		String actorId = StringUtils.hasText(actor) ? actor.strip() : null;
		List<AuditRecord> latest = events.latest(Math.max(1, Math.min(limit, 1000)), actorId, action, subject);
		trail.record(AuditEntry.of(AuditAction.AUDIT_VIEWED, "audit-event", null)
			.about(subject)
			.detail("filters actor=" + actorId + " action=" + action + " subject=" + subject));
		return latest;
	}

	Verification verify() {
		Verification result = verifier.verify();
		trail.record(AuditEntry.of(AuditAction.AUDIT_VERIFIED, "audit-chain", null).detail(result.summary()));
		return result;
	}
}
