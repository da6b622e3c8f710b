package org.anning.services.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The station chief's answer to a rectification task; the date is kept as typed so a wrong one can be shown. */
class DeskAnswerForm {

	private String calledBackOn;

	private String callbackNote;

	private String actionTaken;

	public String getCalledBackOn() {
		return calledBackOn;
	}

	public void setCalledBackOn(String calledBackOn) {
		this.calledBackOn = calledBackOn;
	}

	public String getCallbackNote() {
		return callbackNote;
	}

	public void setCallbackNote(String callbackNote) {
		this.callbackNote = callbackNote;
	}

	public String getActionTaken() {
		return actionTaken;
	}

	public void setActionTaken(String actionTaken) {
		this.actionTaken = actionTaken;
	}

	/** The date, or null when none or no valid one was typed (the domain then says it is required). */
	LocalDate date() {
		if (calledBackOn == null || calledBackOn.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(calledBackOn.strip());
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}
}
