package org.anning.accounts;

import java.io.Serializable;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.anning.audit.ActingUnit;
import org.anning.audit.Actor;
import org.anning.units.UnitId;
import org.anning.units.UnitMember;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The signed-in staff user: who, in which unit, with which roles. Its name is the account's identifier, which is
 * what the audit trail records as the actor.
 */
public record StaffPrincipal(AccountId accountId, String username, String displayName, UnitId unitId,
		Set<Role> roles) implements UnitMember, ActingUnit, Principal, Serializable {

	public StaffPrincipal {
		roles = Set.copyOf(roles);
	}

	@Override
	public java.util.UUID actingUnit() {
		return unitId.value();
	}

	@Override
	public String getName() {
		return accountId.toString();
	}

	/** The roles as the audit trail records them. */
	String roleNames() {
		return String.join(",", roles.stream().map(Role::name).sorted().toList());
	}

	/** This user as the actor of an audit event recorded outside their signed-in request. */
	Actor actor() {
		return Actor.staff(accountId.value(), unitId.value(), roleNames());
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
