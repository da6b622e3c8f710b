package org.anning.outreach;

/** How the resident's consent to the visit and to what was done was given. */
public enum ConsentHow {

	SIGNED, VERBAL, GUARDIAN;

	public String messageKey() {
		return "outreach.consent." + name();
	}
}
