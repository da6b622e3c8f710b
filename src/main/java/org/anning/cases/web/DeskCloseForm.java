package org.anning.cases.web;

/** A closure (撤案): the date and the reason. */
class DeskCloseForm {

	private String closedOn;

	private String reason;

	public String getClosedOn() {
		return closedOn;
	}

	public void setClosedOn(String closedOn) {
		this.closedOn = closedOn;
	}

	public String getReason() {
		return reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}
}
