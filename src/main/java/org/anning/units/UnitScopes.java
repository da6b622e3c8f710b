package org.anning.units;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one place that works out which units the current staff user may see. Every module that lists or opens
 * records of a unit asks it.
 */
@Component
public class UnitScopes {

	private final UnitRepository units;

	UnitScopes(UnitRepository units) {
		this.units = units;
	}

	/** The scope of the signed-in staff user; empty for anyone else. */
	public UnitScope current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof UnitMember member)) {
			return UnitScope.none();
		}
		return of(member);
	}

	public UnitScope of(UnitMember member) {
		return new UnitScope(member.seesAllUnits() ? units.allIds() : units.subtreeIds(member.unitId()));
	}
}
