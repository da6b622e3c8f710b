package org.anning.privacy;

import org.anning.database.DataDirectory;
import org.anning.database.DemoMode;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The keys personal data is protected with, resolved once at start-up so that a missing key stops it there. */
@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

	@Bean
	PrivacyKeys privacyKeys(PrivacySettings settings, DataDirectory data, DemoMode demo) {
		return PrivacyKeys.resolve(settings, data, demo);
	}
}
