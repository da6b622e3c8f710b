package org.anning.mediation;

/** A party as typed: role (APPLICANT, RESPONDENT, INTERESTED), name, and a contact (a phone number) or nothing. */
public record NewParty(String role, String name, String contact) {

	boolean blank() {
		return (name == null || name.isBlank()) && (contact == null || contact.isBlank());
	}
}
