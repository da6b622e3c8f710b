package org.anning.notifications;

import org.anning.notifications.spi.Notice;
import org.anning.notifications.spi.NotificationChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default channels until a deployment plugs in its gateway: they only log that a notice would go out, with
 * its message key and reference, never the resident's name or numbers.
 */
class LoggingChannel implements NotificationChannel {

	private static final Logger log = LoggerFactory.getLogger(LoggingChannel.class);

	private final String name;

	LoggingChannel(String name) {
		this.name = name;
	}

	@Override
	public String name() {
		return name;
	}

	@Override
	public void send(Notice notice) {
		log.info("{} notice {} for application {}", name, notice.messageKey(),
				notice.args().isEmpty() ? "-" : notice.args().get(0));
	}
}
