package org.anning.notifications;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.anning.accounts.Role;
import org.anning.mediation.Events.HighRiskDisputeReported;
import org.anning.mediation.Events.RequesterInformed;
import org.anning.notifications.spi.Notice;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * Mediation news: residents who asked for mediation online hear how their request moves on (stored and sent like
 * application notices), and a station chief is told on the desk when a dispute of the station is at high risk of
 * escalating. A redelivered event adds nothing to either.
 */
@Component
class MediationNotifications {

	static final String KIND = "mediation";

	static final String KIND_HIGH_RISK = "mediation-high-risk";

	private final Deliveries deliveries;

	private final StaffNotices notices;

	MediationNotifications(Deliveries deliveries, StaffNotices notices) {
		this.deliveries = deliveries;
		this.notices = notices;
	}

	@ApplicationModuleListener
	void on(RequesterInformed event) {
		deliveries.deliver(KIND, "mediation:" + event.reference() + ":" + event.topic(),
				new Notice(event.resident(), "notifications.mediation." + event.what(), List.of(event.reference()),
						"/me/mediation/" + encode(event.reference())));
	}

	/**
	 * One notice per dispute and day it was reported: the same event delivered again adds nothing, while a dispute
	 * lowered and raised again on a later day is news again.
	 */
	@ApplicationModuleListener
	void on(HighRiskDisputeReported event) {
		notices.post(KIND_HIGH_RISK, event.dispute() + ":" + event.on(), Role.STATION_CHIEF, event.unit(),
				"notifications.notices.mediation.highRisk", List.of(event.reference(), event.on().toString()),
				"/desk/mediation/" + encode(event.reference()));
	}

	private static String encode(String reference) {
		return UriUtils.encodePathSegment(reference, StandardCharsets.UTF_8);
	}
}
