package org.anning.accounts;

import java.time.Clock;
import java.util.OptionalLong;

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

	SecondFactor(StaffAccountRepository accounts, Lockout lockout, ApplicationEventPublisher events, Clock clock) {
		this.accounts = accounts;
		this.lockout = lockout;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	Outcome verify(AccountId account, String code) {
		if (!usable(account)) {
			return Outcome.LOCKED;
		}
		var state = accounts.secondFactor(account).orElseThrow();
		OptionalLong step = state.secret() == null ? OptionalLong.empty()
				: Totp.verify(state.secret(), code, clock.instant(), state.lastStep());
		if (step.isPresent() && accounts.useStep(account, step.getAsLong())) {
			succeeded(account);
			return Outcome.ACCEPTED;
		}
		return lockout.recordFailure(account) ? Outcome.LOCKED : Outcome.WRONG;
	}

	/** Confirms enrolment with a first code from the new secret, which the user's app now holds. */
	@Transactional
	Outcome enrol(AccountId account, String secret, String code) {
		if (!usable(account)) {
			return Outcome.LOCKED;
		}
		OptionalLong step = Totp.verify(secret, code, clock.instant(), Long.MIN_VALUE);
		if (step.isPresent()) {
			accounts.setSecondFactor(account, secret, step.getAsLong(), clock.instant());
			events.publishEvent(new AccountEvents.SecondFactorEnrolled(account));
			succeeded(account);
			return Outcome.ACCEPTED;
		}
		return lockout.recordFailure(account) ? Outcome.LOCKED : Outcome.WRONG;
	}

	boolean enrolled(AccountId account) {
		return accounts.secondFactor(account).map(s -> s.secret() != null).orElse(false);
	}

	private boolean usable(AccountId account) {
		return accounts.findById(account).filter(a -> a.active() && !a.locked()).isPresent();
	}

	private void succeeded(AccountId account) {
		accounts.clearFailures(account);
		events.publishEvent(new AccountEvents.SignedIn(account));
	}
}
