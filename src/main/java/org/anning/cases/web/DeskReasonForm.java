package org.anning.cases.web;

/** Why a report is not a criminal matter; the reporter is told. */
class DeskReasonForm {

	private String reason;

	public String getReason() {
		return reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}
}
