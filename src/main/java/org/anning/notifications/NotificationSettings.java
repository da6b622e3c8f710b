package org.anning.notifications;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code channels}: the channels that send notices besides the inbox, by name (default {@code sms,email}). */
@ConfigurationProperties("anning.notifications")
record NotificationSettings(List<String> channels) {

	NotificationSettings {
		channels = channels == null ? List.of("sms", "email")
				: channels.stream().map(String::strip).filter(c -> !c.isEmpty()).toList();
	}
}
