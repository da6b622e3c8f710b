package org.anning.mediation.web;

import org.anning.mediation.NewParty;

/** One party row of an intake form. */
public class PartyRow {

	private String role;

	private String name;

	private String contact;

	public PartyRow() {
	}

	PartyRow(String role) {
		this.role = role;
	}

	NewParty toParty() {
		return new NewParty(role, name, contact);
	}

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
