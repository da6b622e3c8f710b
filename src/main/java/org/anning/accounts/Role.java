package org.anning.accounts;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** What a staff account may do; PRODUCT.md's users. Command and audit roles see every unit. */
public enum Role {

	ADMINISTRATOR, FRONT_DESK, REVIEWER, CASE_OFFICER, MEDIATOR, TRAFFIC_OFFICER, COMMUNITY_OFFICER, STATION_CHIEF,
	COMMAND, AUDITOR;

	/** Granted to every fully signed-in staff user, whatever their roles. */
	public static final String STAFF = "ROLE_STAFF";

	public boolean seesAllUnits() {
		return this == COMMAND || this == AUDITOR;
	}

	public GrantedAuthority authority() {
		return new SimpleGrantedAuthority("ROLE_" + name());
	}

	/** The message key of the role's name. */
	public String messageKey() {
		return "accounts.role." + name();
	}
}
