package org.anning.cases.web;

/** A clearance (破案): the date and how the case was cleared. */
class DeskClearForm {

	private String clearedOn;

	private String clearedHow;

	public String getClearedOn() {
		return clearedOn;
	}

	public void setClearedOn(String clearedOn) {
		this.clearedOn = clearedOn;
	}

	public String getClearedHow() {
		return clearedHow;
	}

	public void setClearedHow(String clearedHow) {
		this.clearedHow = clearedHow;
	}
}
