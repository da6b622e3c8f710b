package org.anning.notifications;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Inbox entries as the reader sees them: the message in their language. */
@Component
class NotificationLines {

	private final MessageSource messages;

	NotificationLines(MessageSource messages) {
		this.messages = messages;
	}

	Line of(Notification n, Locale locale) {
		return new Line(n.id(), messages.getMessage(n.messageKey(), n.args().toArray(), n.messageKey(), locale),
				n.link(), n.createdAt(), n.read());
	}

	/** One entry, rendered. */
	record Line(UUID id, String message, String link, Instant createdAt, boolean read) {
	}
}
