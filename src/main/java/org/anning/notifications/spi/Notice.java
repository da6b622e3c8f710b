package org.anning.notifications.spi;

import java.util.List;
import java.util.UUID;

/**
 * What a resident is to be told: a message key of the notifications bundle with its arguments (references, never
 * personal data) and the portal page it is about.
 */
public record Notice(UUID resident, String messageKey, List<String> args, String link) {

	public Notice {
		args = List.copyOf(args);
	}
}
