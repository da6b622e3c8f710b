package org.anning.cases;

/** A case's status: registered (立案) → under investigation → cleared (破案) | suspended | closed (撤案). */
public enum CaseStatus {

	REGISTERED, UNDER_INVESTIGATION, CLEARED, SUSPENDED, CLOSED;

	public boolean open() {
		return this == REGISTERED || this == UNDER_INVESTIGATION || this == SUSPENDED;
	}

	public String messageKey() {
		return "cases.status." + name();
	}
}
