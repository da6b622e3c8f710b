package org.anning.residents;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.anning.audit.Actor;
import org.anning.audit.AuditAction;
import org.anning.audit.AuditEntry;
import org.anning.audit.AuditTrail;
import org.anning.audit.Outcome;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Five failed sign-ins within fifteen minutes lock a resident out for fifteen minutes. Unlike staff accounts no
 * administrator is needed: residents have nobody to ask at night, and the pause is enough to stop guessing.
 */
@Component
class ResidentLockout {

	static final int MAX_FAILURES = 5;

	static final Duration WINDOW = Duration.ofMinutes(15);

	static final Duration LOCK = Duration.ofMinutes(15);

	private final ResidentRepository residents;

	private final AuditTrail audit;

	private final Clock clock;

	ResidentLockout(ResidentRepository residents, AuditTrail audit, Clock clock) {
		this.residents = residents;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Records a failure and its audit event, in their own transaction so that they stay when the sign-in fails;
	 * true if now locked.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	boolean recordFailure(ResidentId resident) {
		Instant now = clock.instant();
		residents.recordFailure(resident, now);
		audit.record(signInEvent(AuditAction.SIGN_IN_FAILED, resident).outcome(Outcome.FAILED));
		if (residents.failuresSince(resident, now.minus(WINDOW)) >= MAX_FAILURES) {
			residents.lockUntil(resident, now.plus(LOCK));
			audit.record(signInEvent(AuditAction.LOCKED, resident).detail("until " + now.plus(LOCK)));
			return true;
		}
		return false;
	}

	/** A right password while locked out: audited, but not counted, since the lock already holds. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void recordLockedAttempt(ResidentId resident) {
		audit.record(signInEvent(AuditAction.SIGN_IN_FAILED, resident).outcome(Outcome.FAILED).detail("locked"));
	}

	/** A successful sign-in forgives earlier mistakes, and is audited in the same transaction. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void recordSuccess(ResidentId resident) {
		residents.clearFailures(resident);
		audit.record(signInEvent(AuditAction.SIGN_IN, resident));
	}

	/** A sign-in by no known resident: anonymous, and without what was typed, which may be someone's number. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void recordUnknown(String why) {
		audit.record(AuditEntry.of(AuditAction.SIGN_IN_FAILED, "resident", null)
			.outcome(Outcome.FAILED)
			.detail(why)
			.by(Actor.ANONYMOUS));
	}

	// The request is not signed in yet, so the actor is named rather than taken from the security context.
	private static AuditEntry signInEvent(AuditAction action, ResidentId resident) {
		return AuditEntry.of(action, "resident", resident).about(resident.value()).by(Actor.resident(resident.value()));
	}
}
