package org.anning.notifications;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.anning.cases.Events.ReportTriaged;
import org.anning.cases.Events.ReporterInformed;
import org.anning.cases.ReportStatus;
import org.anning.notifications.spi.Notice;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.util.UriUtils;

/**
 * Tells residents who reported online what became of their report: triaged to a case or found not criminal,
 * and later the case's new status or money returned to them. Stored and sent like application notices.
 */
@Component
class ReportNotifications {

	static final String KIND = "report";

	private final Inbox inbox;

	private final Channels channels;

	ReportNotifications(Inbox inbox, Channels channels) {
		this.inbox = inbox;
		this.channels = channels;
	}

	@ApplicationModuleListener
	void on(ReportTriaged event) {
		if (event.resident() == null || event.status() == ReportStatus.RECEIVED) {
			return; // taken by staff from a call or a walk-in: no inbox to write to
		}
		deliver("report:" + event.reference(), new Notice(event.resident(), "notifications.report." + event.status().name(),
				event.caseNumber() == null ? List.of(event.reference()) : List.of(event.reference(), event.caseNumber()),
				link(event.reference())));
	}

	@ApplicationModuleListener
	void on(ReporterInformed event) {
		deliver("report:" + event.reportReference() + ":" + event.topic(), new Notice(event.resident(), "notifications.case." + event.what(),
				List.of(event.reportReference(), event.caseNumber()), link(event.reportReference())));
	}

	private static String link(String reference) {
		return "/me/reports/" + UriUtils.encodePathSegment(reference, StandardCharsets.UTF_8);
	}

	private void deliver(String subject, Notice notice) {
		if (!inbox.store(KIND, subject, notice)) {
			return;
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					channels.send(notice);
				}
			});
		}
		else {
			channels.send(notice);
		}
	}
}
