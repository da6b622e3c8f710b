package org.anning.mediation;

/** What was done after a follow-up visit: nothing needed, the dispute reopened, or referred on. */
public enum FollowUpAction {

	NONE, REOPENED, REFERRED;

	public String messageKey() {
		return "mediation.followUpAction." + name();
	}
}
