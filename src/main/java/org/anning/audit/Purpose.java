package org.anning.audit;

/**
 * Why a staff user opens a resident's personal data; stated before the data is shown and tied to the record in
 * hand.
 */
public enum Purpose {

	APPLICATION, CASE, DISPUTE, ACCIDENT, VISIT, DATA_RIGHTS, AUDIT;

	public String messageKey() {
		return "audit.purpose." + name();
	}
}
