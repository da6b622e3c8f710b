package org.anning.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.anning.audit.Actor;
import org.anning.audit.AuditAction;
import org.anning.audit.AuditEntry;
import org.anning.audit.AuditTrail;
import org.anning.audit.Outcome;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Five failed sign-in steps (password or second factor) within fifteen minutes lock a staff account until an
 * administrator unlocks it.
 */
@Component
class Lockout {

	static final int MAX_FAILURES = 5;

	static final Duration WINDOW = Duration.ofMinutes(15);

	private final StaffAccountRepository accounts;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final AuditTrail audit;

	Lockout(StaffAccountRepository accounts, ApplicationEventPublisher events, AuditTrail audit, Clock clock) {
		this.accounts = accounts;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	/** Records a failure, in its own transaction so that it stays when the sign-in fails; true if now locked. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	boolean recordFailure(StaffPrincipal who, String step) {
		AccountId account = who.accountId();
		Instant now = clock.instant();
		accounts.recordFailure(account, now);
		audit.record(AuditEntry.of(AuditAction.SIGN_IN_FAILED, "staff-account", account)
			.outcome(Outcome.FAILED)
			.detail(step)
			.by(who.actor()));
		events.publishEvent(new AccountEvents.SignInFailed(account));
		if (accounts.failuresSince(account, now.minus(WINDOW)) >= MAX_FAILURES && accounts.lock(account, now)) {
			audit.record(AuditEntry.of(AuditAction.LOCKED, "staff-account", account)
				.detail(MAX_FAILURES + " failures within " + WINDOW.toMinutes() + " minutes")
				.by(Actor.SYSTEM));
			events.publishEvent(new AccountEvents.AccountLocked(account));
			return true;
		}
		return false;
	}
}
