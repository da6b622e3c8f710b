package org.anning.outreach.web;

/** Who may do what in community policing, as {@code @PreAuthorize} expressions. */
final class OutreachRoles {

	/** Community officers and station chiefs record for their unit scope. */
	static final String RECORD = "hasAnyRole('COMMUNITY_OFFICER','STATION_CHIEF')";

	/** Command and auditors read as well. */
	static final String READ = "hasAnyRole('COMMUNITY_OFFICER','STATION_CHIEF','COMMAND','AUDITOR')";

	/** The header that carries a client-generated key, as in the service hall's API. */
	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private OutreachRoles() {
	}
}
