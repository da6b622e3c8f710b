package org.anning.outreach;

/** Why the resident is served at home: they cannot come to the station. */
public enum VisitReason {

	ELDERLY, DISABLED, ILL, OTHER;

	public String messageKey() {
		return "outreach.reason." + name();
	}
}
