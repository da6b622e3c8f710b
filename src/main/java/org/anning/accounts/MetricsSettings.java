package org.anning.accounts;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code token}: the secret a Prometheus scraper sends as a bearer token to read {@code /actuator/prometheus}
 * without a staff account (from {@code ANNING_METRICS_TOKEN}); empty means no such token is accepted, and only
 * administrators may read the metrics.
 */
@ConfigurationProperties("anning.metrics")
record MetricsSettings(String token) {

	/** Shorter secrets could be guessed; the check fails at start-up rather than accept one. */
	static final int MIN_LENGTH = 32;

	MetricsSettings {
		token = token == null ? "" : token.strip();
		if (!token.isEmpty() && token.length() < MIN_LENGTH) {
			throw new IllegalArgumentException("anning.metrics.token (ANNING_METRICS_TOKEN) must have at least "
					+ MIN_LENGTH + " characters, for example the output of: openssl rand -base64 32");
		}
	}
}
