package org.anning.residents;

import java.io.Serializable;
import java.security.Principal;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The signed-in resident. Kept in the session, so it holds only what pages need on every request. */
public record ResidentPrincipal(ResidentId id, String name) implements Principal, Serializable {

	/** The one authority of a signed-in resident; staff never hold it. */
	public static final String ROLE = "ROLE_RESIDENT";

	List<GrantedAuthority> authorities() {
		return List.of(new SimpleGrantedAuthority(ROLE));
	}

	/** The identifier, which the audit trail records as the actor; the resident's name stays out of the trail. */
	@Override
	public String getName() {
		return id.toString();
	}

	/** The identifier, not the name: a principal's text ends up in logs. */
	@Override
	public String toString() {
		return id.toString();
	}
}
