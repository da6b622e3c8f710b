package org.anning.residents;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code tokenLifetime}: how long a resident's API token works after sign-in (default 12 hours). */
@ConfigurationProperties("anning.residents")
record ResidentSettings(Duration tokenLifetime) {

	ResidentSettings {
		tokenLifetime = tokenLifetime == null || tokenLifetime.isNegative() || tokenLifetime.isZero()
				? Duration.ofHours(12) : tokenLifetime;
	}
}
