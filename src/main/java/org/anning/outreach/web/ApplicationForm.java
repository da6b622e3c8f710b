package org.anning.outreach.web;

/** An application to open on a resident's behalf: the resident (for an issue), item, unit, note. */
public class ApplicationForm {

	private String resident;

	private String item;

	private String unit;

	private String note;

	public String getResident() {
		return resident;
	}

	public void setResident(String resident) {
		this.resident = resident;
	}

	public String getItem() {
		return item;
	}

	public void setItem(String item) {
		this.item = item;
	}

	public String getUnit() {
		return unit;
	}

	public void setUnit(String unit) {
		this.unit = unit;
	}

	public String getNote() {
		return note;
	}

	public void setNote(String note) {
		this.note = note;
	}
}
