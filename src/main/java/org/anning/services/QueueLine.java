package org.anning.services;

import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

/** An application as a worklist shows it: no personal data of the applicant. */
public record QueueLine(String reference, String itemCode, String itemNameZh, String itemNameEn, UUID unit,
		ApplicationStatus status, LocalDate receivedOn, LocalDate acceptedOn, LocalDate warnOn, LocalDate dueOn,
		boolean impliedAcceptance, boolean clockStopped, UUID assignee) {

	public String itemName(Locale locale) {
		return "en".equals(locale.getLanguage()) ? itemNameEn : itemNameZh;
	}

	private boolean running() {
		return (status == ApplicationStatus.ACCEPTED || status == ApplicationStatus.UNDER_REVIEW) && dueOn != null;
	}

	public boolean overdue(LocalDate today) {
		return running() && today.isAfter(dueOn);
	}

	public boolean dueSoon(LocalDate today) {
		return running() && !today.isBefore(warnOn) && !today.isAfter(dueOn);
	}
}
