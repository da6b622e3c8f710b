package org.anning.mediation;

/** In mediation, or closed with an outcome (a failed follow-up may reopen it). */
public enum DisputeStatus {

	IN_MEDIATION, CLOSED;

	public String messageKey() {
		return "mediation.status." + name();
	}
}
