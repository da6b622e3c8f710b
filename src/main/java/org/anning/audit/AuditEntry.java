package org.anning.audit;

import java.util.UUID;

/**
 * One thing to record: the action, the object it concerns, whose personal data that is, the stated purpose,
 * and the outcome. Actor, time, request and address are filled in by the {@link AuditTrail}. {@code detail} is a
 * short note for auditors and must never hold personal data, passwords, codes or tokens.
 */
public record AuditEntry(AuditAction action, String objectType, String objectId, UUID subjectResident,
		Purpose purpose, String purposeRef, Outcome outcome, String detail, Actor actor) {

	public static AuditEntry of(AuditAction action, String objectType, Object objectId) {
		return new AuditEntry(action, objectType, objectId == null ? null : objectId.toString(), null, null, null,
				Outcome.SUCCESS, null, null);
	}

	/** The resident whose personal data this is. */
	public AuditEntry about(UUID resident) {
		return new AuditEntry(action, objectType, objectId, resident, purpose, purposeRef, outcome, detail, actor);
	}

	/** Why it was accessed, and the record in hand (an application, a case…). */
	public AuditEntry purpose(Purpose why, String reference) {
		return new AuditEntry(action, objectType, objectId, subjectResident, why, reference, outcome, detail, actor);
	}

	public AuditEntry outcome(Outcome how) {
		return new AuditEntry(action, objectType, objectId, subjectResident, purpose, purposeRef, how, detail, actor);
	}

	public AuditEntry detail(String note) {
		return new AuditEntry(action, objectType, objectId, subjectResident, purpose, purposeRef, outcome, note, actor);
	}

	/** Who acted, when it is not the signed-in user of the request (a sign-in in progress, the system). */
	public AuditEntry by(Actor who) {
		return new AuditEntry(action, objectType, objectId, subjectResident, purpose, purposeRef, outcome, detail, who);
	}
}
