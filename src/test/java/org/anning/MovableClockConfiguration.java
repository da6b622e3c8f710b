package org.anning;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Puts the {@link MovableClock} in front of the application's clock for every test sharing the context. */
@TestConfiguration(proxyBeanMethods = false)
class MovableClockConfiguration {

	@Bean
	@Primary
	MovableClock movableClock(@Qualifier("clock") Clock clock) {
		return new MovableClock(clock);
	}
}
