package org.anning.mediation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code followUpDays}: calendar days from an agreement to its follow-up visit (default 15;
 * ANNING_MEDIATION_FOLLOW_UP_DAYS).
 */
@ConfigurationProperties("anning.mediation")
record MediationSettings(Integer followUpDays) {

	MediationSettings {
		followUpDays = followUpDays == null || followUpDays < 1 ? 15 : followUpDays;
	}
}
