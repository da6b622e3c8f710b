package org.anning.units;

import java.util.Set;
import java.util.UUID;

/**
 * The units whose records a staff user may see: their own unit and its descendants, or all units for command
 * and audit roles. Queries filter with {@code unit_id = ANY(:scope)} using {@link #ids()}; single records are
 * checked with {@link #covers(UnitId)}, and a record outside the scope is reported as not found.
 */
public record UnitScope(Set<UnitId> units) {

	public UnitScope {
		units = Set.copyOf(units);
	}

	public static UnitScope none() {
		return new UnitScope(Set.of());
	}

	public boolean covers(UnitId unit) {
		return unit != null && units.contains(unit);
	}

	/** The unit identifiers as an array for a SQL {@code = ANY(?)} parameter. */
	public UUID[] ids() {
		return units.stream().map(UnitId::value).toArray(UUID[]::new);
	}
}
