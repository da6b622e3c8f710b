package org.anning.notifications;

import java.util.List;
import java.util.UUID;

import org.anning.notifications.spi.Notice;
import org.anning.services.ApplicationStatus;
import org.anning.services.ApplicationStatusChanged;
import org.anning.services.RectificationAnswered;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * Tells applicants when their application moves on, and when the station chief has answered a poor rating. The
 * inbox entry is stored in the listener's transaction; the channels send only after it is committed, so that a
 * failing gateway loses no entry, and only for a new entry, so that a redelivered event sends nothing twice.
 */
@Component
class ApplicationNotifications {

	static final String KIND_STATUS = "application-status";

	static final String KIND_RECTIFICATION = "rectification";

	private final Deliveries deliveries;

	ApplicationNotifications(Deliveries deliveries) {
		this.deliveries = deliveries;
	}

	@ApplicationModuleListener
	void on(ApplicationStatusChanged event) {
		if (event.status() == ApplicationStatus.DRAFT) {
			return; // the resident's own draft: nothing to tell them
		}
		deliveries.deliver(KIND_STATUS, "application:" + event.application(), notice(event.resident(), event.reference(),
				"notifications.application." + event.status().name()));
	}

	@ApplicationModuleListener
	void on(RectificationAnswered event) {
		// Its own subject: one answer per rating, whatever the application's status does meanwhile.
		deliveries.deliver(KIND_RECTIFICATION, "rectification:" + event.application(),
				notice(event.resident(), event.reference(), "notifications.application.RECTIFICATION"));
	}

	private static Notice notice(UUID resident, String reference, String messageKey) {
		return new Notice(resident, messageKey, List.of(reference),
				"/me/applications/" + UriUtils.encodePathSegment(reference, java.nio.charset.StandardCharsets.UTF_8));
	}
}
