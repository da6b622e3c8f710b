package org.anning.outreach.web;

/** One party of a dispute handed to mediation: role, name, and a phone number or nothing. */
public class PartyRow {

	private String role;

	private String name;

	private String contact;

	public String getRole() {
		return role;
	}

	public void setRole(String role) {
		this.role = role;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getContact() {
		return contact;
	}

	public void setContact(String contact) {
		this.contact = contact;
	}
}
