package org.anning.notifications;

import java.util.ArrayList;
import java.util.List;

import org.anning.notifications.spi.Notice;
import org.anning.notifications.spi.NotificationChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The channels in use, as configured; sends a notice through each, and one failing channel stops no other. */
class Channels {

	private static final Logger log = LoggerFactory.getLogger(Channels.class);

	private final List<NotificationChannel> selected = new ArrayList<>();

	Channels(List<NotificationChannel> available, NotificationSettings settings) {
		for (String name : settings.channels()) {
			available.stream()
				.filter(c -> c.name().equals(name))
				.findFirst()
				.ifPresentOrElse(selected::add,
						() -> log.warn("Notification channel {} is configured but no bean provides it", name));
		}
	}

	List<String> names() {
		return selected.stream().map(NotificationChannel::name).toList();
	}

	void send(Notice notice) {
		for (NotificationChannel channel : selected) {
			try {
				channel.send(notice);
			}
			catch (RuntimeException e) {
				// The class only: a gateway's message may quote the recipient's number.
				log.warn("{} channel failed to send notice {}: {}", channel.name(), notice.messageKey(),
						e.getClass().getName());
			}
		}
	}
}
