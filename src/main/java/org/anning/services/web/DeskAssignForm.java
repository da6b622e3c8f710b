package org.anning.services.web;

/** The staff member an application is assigned to, by account identifier. */
class DeskAssignForm {

	private String staff;

	public String getStaff() {
		return staff;
	}

	public void setStaff(String staff) {
		this.staff = staff;
	}
}
