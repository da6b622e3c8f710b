package org.anning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The application's clock in tests: the real one, unless a test moves it forward to a later day (a follow-up
 * falling due); every test that moves it resets it afterwards.
 */
public final class MovableClock extends Clock {

	private final Clock system;

	private volatile Duration offset = Duration.ZERO;

	MovableClock(Clock system) {
		this.system = system;
	}

	/** Moves the clock forward by whole days so that today is {@code day} in the clock's zone. */
	public void moveTo(LocalDate day) {
		offset = offset.plusDays(ChronoUnit.DAYS.between(LocalDate.now(this), day));
	}

	public void reset() {
		offset = Duration.ZERO;
	}

	@Override
	public ZoneId getZone() {
		return system.getZone();
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.offset(system.withZone(zone), offset);
	}

	@Override
	public Instant instant() {
		return system.instant().plus(offset);
	}
}
