package org.anning.mediation;

/** The staff worklists of mediation. */
public enum MediationQueue {

	/** In mediation, high-risk ones first, then by deadline. */
	IN_MEDIATION,
	/** In mediation at high risk of escalating. */
	HIGH_RISK,
	/** In mediation, within the last six days of the 30-day limit. */
	DUE_SOON,
	/** In mediation past the 30-day limit. */
	OVERDUE,
	/** Closed with an agreement whose follow-up visit is due or past due and not yet made. */
	FOLLOW_UP_DUE,
	/** Closed, newest first. */
	CLOSED,
	/** Everything, newest first. */
	ALL;

	public String messageKey() {
		return "mediation.queue." + name();
	}
}
