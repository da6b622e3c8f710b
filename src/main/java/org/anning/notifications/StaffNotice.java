package org.anning.notifications;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A notice on the staff desk as one reader sees it: a message key with its arguments, the desk page it is about,
 * and when this reader marked it read (null while unread).
 */
record StaffNotice(UUID id, String kind, String messageKey, List<String> args, String link, Instant createdAt,
		Instant readAt) {

	boolean read() {
		return readAt != null;
	}
}
