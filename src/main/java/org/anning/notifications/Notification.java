package org.anning.notifications;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One entry of a resident's inbox: a message key with its arguments, the page it is about, and whether read. */
record Notification(UUID id, String kind, String messageKey, List<String> args, String link, Instant createdAt,
		Instant readAt) {

	boolean read() {
		return readAt != null;
	}
}
