package org.anning.services;

/** The staff worklists of the service hall. */
public enum Queue {

	/** Submitted, waiting for the front desk to accept, return or refuse. */
	TO_ACCEPT,
	/** Accepted or under review, waiting for a decision. */
	TO_REVIEW,
	/** At or past 80 % of the committed time, not yet overdue. */
	DUE_SOON,
	/** Past the deadline, undecided. */
	OVERDUE,
	/** Returned to the resident for supplement; the clock stands still. */
	RETURNED,
	/** Approved or denied, waiting for collection, delivery or closing. */
	TO_CLOSE,
	/** Assigned to the signed-in staff member and not finished. */
	MINE,
	/** Everything, ended ones included. */
	ALL;

	public String messageKey() {
		return "services.queue." + name();
	}
}
