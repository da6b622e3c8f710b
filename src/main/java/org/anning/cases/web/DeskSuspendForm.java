package org.anning.cases.web;

/** A suspension of the investigation: the date and the reason. */
class DeskSuspendForm {

	private String suspendedOn;

	private String reason;

	public String getSuspendedOn() {
		return suspendedOn;
	}

	public void setSuspendedOn(String suspendedOn) {
		this.suspendedOn = suspendedOn;
	}

	public String getReason() {
		return reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}
}
