package org.anning.cases;

/** How a report reached the police: a resident online, a 110 call, or in person at a station. */
public enum Channel {

	ONLINE, CALL_110, WALK_IN;

	public String messageKey() {
		return "cases.report.channel." + name();
	}
}
