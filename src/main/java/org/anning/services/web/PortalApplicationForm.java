package org.anning.services.web;

import org.anning.services.NewApplication;

/** The resident's new-application form; the key makes a repeated post return the same draft. */
class PortalApplicationForm {

	private String item;

	private String unit;

	private String delivery = "COLLECT";

	private String note;

	private String key;

	NewApplication toNewApplication() {
		return new NewApplication(item, unit, note, delivery);
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

	public String getDelivery() {
		return delivery;
	}

	public void setDelivery(String delivery) {
		this.delivery = delivery;
	}

	public String getNote() {
		return note;
	}

	public void setNote(String note) {
		this.note = note;
	}

	public String getKey() {
		return key;
	}

	public void setKey(String key) {
		this.key = key;
	}
}
