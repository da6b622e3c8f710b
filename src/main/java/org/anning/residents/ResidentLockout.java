package org.anning.residents;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

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

	private final Clock clock;

	ResidentLockout(ResidentRepository residents, Clock clock) {
		this.residents = residents;
		this.clock = clock;
	}

	/** Records a failure, in its own transaction so that it stays when the sign-in fails; true if now locked. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	boolean recordFailure(ResidentId resident) {
		Instant now = clock.instant();
		residents.recordFailure(resident, now);
		if (residents.failuresSince(resident, now.minus(WINDOW)) >= MAX_FAILURES) {
			residents.lockUntil(resident, now.plus(LOCK));
			return true;
		}
		return false;
	}

	/** A successful sign-in forgives earlier mistakes. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void recordSuccess(ResidentId resident) {
		residents.clearFailures(resident);
	}
}
