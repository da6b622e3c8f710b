package org.anning.services;

/**
 * Where an application stands. Residents start with a draft; intake accepts, returns for supplement (one complete
 * notice) or refuses; review approves or denies; the result is collected or delivered; then the application
 * closes. Residents may withdraw before a decision.
 */
public enum ApplicationStatus {

	DRAFT, SUBMITTED, RETURNED, REFUSED, ACCEPTED, UNDER_REVIEW, APPROVED, DENIED, READY_FOR_COLLECTION, DELIVERED,
	CLOSED, WITHDRAWN;

	/** The message key of the status's name. */
	public String messageKey() {
		return "services.status." + name();
	}
}
