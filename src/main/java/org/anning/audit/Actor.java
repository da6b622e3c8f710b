package org.anning.audit;

import java.util.Collection;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who an audit event is about as actor: kind, identifier (an account or resident id), their unit and roles at
 * the time. Taken from the signed-in principal, whose name is its identifier.
 */
public record Actor(ActorKind kind, String id, UUID unit, String roles) {

	public static final Actor SYSTEM = new Actor(ActorKind.SYSTEM, "system", null, null);

	public static final Actor ANONYMOUS = new Actor(ActorKind.ANONYMOUS, null, null, null);

	/** A staff account acting outside a signed-in request (for example while it signs in). */
	public static Actor staff(UUID account, UUID unit, String roles) {
		return new Actor(ActorKind.STAFF, account.toString(), unit, roles);
	}

	public static Actor resident(UUID resident) {
		return new Actor(ActorKind.RESIDENT, resident.toString(), null, null);
	}

	/** The signed-in user of this thread's request, or anonymous. */
	public static Actor current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return ANONYMOUS;
		}
		Collection<? extends GrantedAuthority> authorities = authentication.getAuthorities();
		boolean resident = authorities.stream().anyMatch(a -> "ROLE_RESIDENT".equals(a.getAuthority()));
		UUID unit = authentication.getPrincipal() instanceof ActingUnit acting ? acting.actingUnit() : null;
		String roles = authorities.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(a -> a.startsWith("ROLE_") && !a.equals("ROLE_STAFF") && !a.equals("ROLE_RESIDENT"))
			.map(a -> a.substring(5))
			.sorted()
			.collect(Collectors.joining(","));
		return new Actor(resident ? ActorKind.RESIDENT : ActorKind.STAFF, authentication.getName(), unit,
				roles.isEmpty() ? null : roles);
	}
}
