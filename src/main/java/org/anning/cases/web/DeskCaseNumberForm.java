package org.anning.cases.web;

/** The number of an existing case a report is added to. */
class DeskCaseNumberForm {

	private String caseNumber;

	public String getCaseNumber() {
		return caseNumber;
	}

	public void setCaseNumber(String caseNumber) {
		this.caseNumber = caseNumber;
	}
}
