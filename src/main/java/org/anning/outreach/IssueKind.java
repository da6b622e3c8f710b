package org.anning.outreach;

/** What kind of issue a household visit found. */
public enum IssueKind {

	DISPUTE, SERVICE_NEED, SAFETY_HAZARD, OTHER;

	public String messageKey() {
		return "outreach.issue.kind." + name();
	}
}
