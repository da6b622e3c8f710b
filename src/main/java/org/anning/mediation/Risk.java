package org.anning.mediation;

/** How likely a dispute is to escalate (into violence or a crime); staff say what makes it so above LOW. */
public enum Risk {

	LOW, MEDIUM, HIGH;

	public String messageKey() {
		return "mediation.risk." + name();
	}
}
