package org.anning.services.web;

/** A reason typed on the desk: why an application is refused at intake or denied after review. */
class DeskReasonForm {

	private String reason;

	public String getReason() {
		return reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}
}
