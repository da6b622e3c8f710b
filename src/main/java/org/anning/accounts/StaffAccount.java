package org.anning.accounts;

import java.time.Instant;
import java.util.Set;

import org.anning.units.UnitId;

/** A staff account as administrators see it. No secret ever leaves the module. */
public record StaffAccount(AccountId id, String username, String displayName, UnitId unitId, Set<Role> roles,
		boolean active, Instant lockedAt, boolean secondFactorEnrolled, Instant createdAt) {

	public boolean locked() {
		return lockedAt != null;
	}

	StaffPrincipal principal() {
		return new StaffPrincipal(id, username, displayName, unitId, roles);
	}
}
