package org.anning.mediation;

/** How mediation ended. */
public enum Outcome {

	AGREEMENT, NO_AGREEMENT, WITHDRAWN;

	public String messageKey() {
		return "mediation.outcome." + name();
	}
}
