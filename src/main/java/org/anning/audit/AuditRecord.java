package org.anning.audit;

import java.time.Instant;
import java.util.UUID;

/** One stored audit event, as the verifier and the auditor's pages read it. */
public record AuditRecord(long seq, Instant occurredAt, ActorKind actorKind, String actorId, UUID actorUnit,
		String actorRoles, AuditAction action, String objectType, String objectId, UUID subjectResident,
		Purpose purpose, String purposeRef, Outcome outcome, String requestId, String sourceAddress, String detail,
		String hashAlgorithm, String prevHash, String hash) {
}
