package org.anning.outreach;

/** What was done at a service visit. */
public enum VisitService {

	ID_PHOTO, DOCUMENTS_DELIVERED, APPLICATION_TAKEN, ADVICE, OTHER;

	public String messageKey() {
		return "outreach.service." + name();
	}
}
