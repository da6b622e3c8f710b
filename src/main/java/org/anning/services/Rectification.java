package org.anning.services;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A task for the station chief after a poor rating: call the resident back and put things right by the due date.
 * The answer (call-back and what was done) is shown to the resident.
 */
public record Rectification(UUID id, UUID application, String reference, String itemNameZh, String itemNameEn,
		UUID unit, RatingLevel level, String comment, LocalDate openedOn, LocalDate dueOn, LocalDate calledBackOn,
		String callbackNote, String actionTaken, LocalDate doneOn) {

	public boolean done() {
		return doneOn != null;
	}

	public boolean overdue(LocalDate today) {
		return doneOn == null && today.isAfter(dueOn);
	}

	/** Done by its due date. */
	public boolean doneInTime() {
		return doneOn != null && !doneOn.isAfter(dueOn);
	}

	public String itemName(java.util.Locale locale) {
		return "en".equals(locale.getLanguage()) ? itemNameEn : itemNameZh;
	}
}
