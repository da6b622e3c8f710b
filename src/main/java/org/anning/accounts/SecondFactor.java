package org.anning.accounts;

import java.time.Clock;
import java.util.OptionalLong;

import org.anning.audit.AuditAction;
import org.anning.audit.AuditEntry;
import org.anning.audit.AuditTrail;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second factor: a TOTP code from the user's authenticator app. Each code is accepted once; a wrong code
 * counts towards the lockout like a wrong password.
 */
@Component
class SecondFactor {

	enum Outcome {
		ACCEPTED, WRONG, LOCKED
	}

	private final StaffAccountRepository accounts;

	private final Lockout lockout;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final AuditTrail audit;

	SecondFactor(StaffAccountRepository accounts, Lockout lockout, ApplicationEventPublisher events, AuditTrail audit,
			Clock clock) {
		this.accounts = accounts;
		this.lockout = lockout;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	Outcome verify(StaffPrincipal who, String code) {
		AccountId account = who.accountId();
		if (!usable(account)) {
			return Outcome.LOCKED;
		}
		var state = accounts.secondFactor(account).orElseThrow();
		OptionalLong step = state.secret() == null ? OptionalLong.empty()
				: Totp.verify(state.secret(), code, clock.instant(), state.lastStep());
		if (step.isPresent() && accounts.useStep(account, step.getAsLong())) {
			succeeded(who);
			return Outcome.ACCEPTED;
		}
		return lockout.recordFailure(who, "second factor") ? Outcome.LOCKED : Outcome.WRONG;
	}

	/** Confirms enrolment with a first code from the new secret, which the user's app now holds. */
	@Transactional
	Outcome enrol(StaffPrincipal who, String secret, String code) {
		AccountId account = who.accountId();
		if (!usable(account)) {
			return Outcome.LOCKED;
		}
		OptionalLong step = Totp.verify(secret, code, clock.instant(), Long.MIN_VALUE);
		if (step.isPresent()) {
			accounts.setSecondFactor(account, secret, step.getAsLong(), clock.instant());
			audit.record(AuditEntry.of(AuditAction.MFA_ENROLLED, "staff-account", account).by(who.actor()));
			events.publishEvent(new AccountEvents.SecondFactorEnrolled(account));
			succeeded(who);
			return Outcome.ACCEPTED;
		}
		return lockout.recordFailure(who, "second factor enrolment") ? Outcome.LOCKED : Outcome.WRONG;
	}

	boolean enrolled(AccountId account) {
		return accounts.secondFactor(account).map(s -> s.secret() != null).orElse(false);
	}

	private boolean usable(AccountId account) {
		return accounts.findById(account).filter(a -> a.active() && !a.locked()).isPresent();
	}

	private void succeeded(StaffPrincipal who) {
		accounts.clearFailures(who.accountId());
		audit.record(AuditEntry.of(AuditAction.SIGN_IN, "staff-account", who.accountId()).by(who.actor()));
		events.publishEvent(new AccountEvents.SignedIn(who.accountId()));
	}
}
