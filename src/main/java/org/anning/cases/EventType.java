package org.anning.cases;

/** What happened in a case: money stopped, frozen or returned (with an amount), or people apprehended (a count). */
public enum EventType {

	STOP_PAYMENT, FREEZE, RETURN, APPREHENSION;

	public boolean money() {
		return this != APPREHENSION;
	}

	public String messageKey() {
		return "cases.event." + name();
	}
}
