package org.anning.services;

/** A step on an application's timeline. Assignments are for staff; every other step is shown to the resident. */
public enum Step {

	CREATED, SUBMITTED, RETURNED, RESUBMITTED, ACCEPTED, ACCEPTED_IMPLIED, REFUSED, REVIEW_STARTED, ASSIGNED,
	APPROVED, DENIED, READY_FOR_COLLECTION, DELIVERED, CLOSED, WITHDRAWN, DEADLINE_WARNING, OVERDUE, RATED,
	RECTIFIED;

	/** Whether the resident and the public lookup see the step. */
	public boolean shownToResident() {
		return this != ASSIGNED && this != DEADLINE_WARNING && this != OVERDUE && this != CREATED;
	}

	public String messageKey() {
		return "services.step." + name();
	}
}
