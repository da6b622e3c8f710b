package org.anning.notifications;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Staff notices as the reader sees them: the message in their language. */
@Component
class StaffNoticeLines {

	private final MessageSource messages;

	StaffNoticeLines(MessageSource messages) {
		this.messages = messages;
	}

	Line of(StaffNotice n, Locale locale) {
		String message = messages.getMessage(n.messageKey(), n.args().toArray(), n.messageKey(), locale);
		return new Line(n.id(), n.kind(), message, n.link(), n.createdAt(), n.read());
	}

	/** One notice, rendered. */
	record Line(UUID id, String kind, String message, String link, Instant createdAt, boolean read) {
	}
}
