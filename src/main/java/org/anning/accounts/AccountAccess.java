package org.anning.accounts;

/**
 * Who may see and who may change staff accounts, for {@code @PreAuthorize} on the pages and the API alike. Seeing
 * is further limited by the unit scope; only administrators change anything.
 */
final class AccountAccess {

	static final String VIEW = "hasAnyRole('ADMINISTRATOR', 'STATION_CHIEF', 'COMMAND', 'AUDITOR')";

	static final String MANAGE = "hasRole('ADMINISTRATOR')";

	/** Any fully signed-in staff user, for what concerns only their own account. */
	static final String STAFF = "hasAuthority('" + Role.STAFF + "')";

	private AccountAccess() {
	}
}
