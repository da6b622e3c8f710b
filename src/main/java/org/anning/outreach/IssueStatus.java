package org.anning.outreach;

/** Where an issue stands: open, handed to mediation or the service hall, or resolved. */
public enum IssueStatus {

	OPEN, REFERRED_MEDIATION, REFERRED_SERVICE, RESOLVED;

	public String messageKey() {
		return "outreach.issue.status." + name();
	}
}
