package org.anning.mediation.web;

/** Who may do what with disputes: workers act on the disputes of their unit scope; command and audit read. */
final class MediationRoles {

	static final String READ = "hasAnyRole('MEDIATOR','COMMUNITY_OFFICER','STATION_CHIEF','COMMAND','AUDITOR')";

	static final String WORK = "hasAnyRole('MEDIATOR','COMMUNITY_OFFICER','STATION_CHIEF')";

	/** Opening parties' full names and contacts, and printing the agreement, which carries them. */
	static final String OPEN = "hasAnyRole('MEDIATOR','COMMUNITY_OFFICER','STATION_CHIEF','AUDITOR')";

	/** Adding and deactivating the mediators of a unit. */
	static final String ROSTER = "hasAnyRole('MEDIATOR','STATION_CHIEF')";

	private MediationRoles() {
	}
}
