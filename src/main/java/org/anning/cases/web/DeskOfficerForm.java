package org.anning.cases.web;

/** The responsible officer of a case, by account identifier. */
class DeskOfficerForm {

	private String officer;

	public String getOfficer() {
		return officer;
	}

	public void setOfficer(String officer) {
		this.officer = officer;
	}
}
