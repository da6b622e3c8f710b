package org.anning.services;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code rectificationDays}: working days a station chief has to answer a poor rating (default 5).
 * {@code lookupsPerMinute}: public progress lookups allowed per address and minute (default 20).
 * {@code deadlineWatch}: how often the deadline watch runs (default 10 minutes; once per cluster).
 */
@ConfigurationProperties("anning.services")
record ServiceHallSettings(Integer rectificationDays, Integer lookupsPerMinute, Duration deadlineWatch) {

	ServiceHallSettings {
		rectificationDays = rectificationDays == null || rectificationDays < 1 ? 5 : rectificationDays;
		lookupsPerMinute = lookupsPerMinute == null || lookupsPerMinute < 1 ? 20 : lookupsPerMinute;
		deadlineWatch = deadlineWatch == null ? Duration.ofMinutes(10) : deadlineWatch;
	}
}
