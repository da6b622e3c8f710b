package org.anning.accounts;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.anning.units.UnitId;
import org.anning.units.UnitMember;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The signed-in staff user: who, in which unit, with which roles. */
public record StaffPrincipal(AccountId accountId, String username, String displayName, UnitId unitId,
		Set<Role> roles) implements UnitMember, Serializable {

	public StaffPrincipal {
		roles = Set.copyOf(roles);
	}

	@Override
	public boolean seesAllUnits() {
		return roles.stream().anyMatch(Role::seesAllUnits);
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	/** Authorities of a user who has passed both factors (or holds an API token). */
	Collection<GrantedAuthority> authorities() {
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority(Role.STAFF));
		roles.stream().sorted().map(Role::authority).forEach(authorities::add);
		return authorities;
	}

	@Override
	public String toString() {
		return username;
	}
}
