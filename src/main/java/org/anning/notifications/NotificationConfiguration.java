package org.anning.notifications;

import java.util.List;

import org.anning.notifications.spi.NotificationChannel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The default channels, {@code sms} and {@code email}, which only log; a deployment adds its own channel bean under
 * another name and selects it in {@code anning.notifications.channels}.
 */
@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

	@Bean
	NotificationChannel sms() {
		return new LoggingChannel("sms");
	}

	@Bean
	NotificationChannel email() {
		return new LoggingChannel("email");
	}

	@Bean
	Channels channels(List<NotificationChannel> channels, NotificationSettings settings) {
		return new Channels(channels, settings);
	}
}
