package org.anning.cases.web;

/** Another case of the scope to link into one series. */
class DeskLinkForm {

	private String otherCase;

	public String getOtherCase() {
		return otherCase;
	}

	public void setOtherCase(String otherCase) {
		this.otherCase = otherCase;
	}
}
