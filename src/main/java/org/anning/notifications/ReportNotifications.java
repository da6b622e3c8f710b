package org.anning.notifications;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.anning.cases.Events.ReportTriaged;
import org.anning.cases.Events.ReporterInformed;
import org.anning.cases.ReportStatus;
import org.anning.notifications.spi.Notice;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * Tells residents who reported online what became of their report: triaged to a case or found not criminal,
 * and later the case's new status or money returned to them. Stored and sent like application notices.
 */
@Component
class ReportNotifications {

	static final String KIND = "report";

	private final Deliveries deliveries;

	ReportNotifications(Deliveries deliveries) {
		this.deliveries = deliveries;
	}

	@ApplicationModuleListener
	void on(ReportTriaged event) {
		if (event.resident() == null || event.status() == ReportStatus.RECEIVED) {
			return; // taken by staff from a call or a walk-in: no inbox to write to
		}
		deliveries.deliver(KIND, "report:" + event.reference(), new Notice(event.resident(), "notifications.report." + event.status().name(),
				event.caseNumber() == null ? List.of(event.reference()) : List.of(event.reference(), event.caseNumber()),
				link(event.reference())));
	}

	@ApplicationModuleListener
	void on(ReporterInformed event) {
		deliveries.deliver(KIND, "report:" + event.reportReference() + ":" + event.topic(), new Notice(event.resident(), "notifications.case." + event.what(),
				List.of(event.reportReference(), event.caseNumber()), link(event.reportReference())));
	}

	private static String link(String reference) {
		return "/me/reports/" + UriUtils.encodePathSegment(reference, StandardCharsets.UTF_8);
	}
}
