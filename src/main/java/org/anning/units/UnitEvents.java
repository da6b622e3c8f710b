package org.anning.units;

/** What happens to units, as events that carry identifiers. */
public final class UnitEvents {

	private UnitEvents() {
	}

	public record UnitCreated(UnitId unit, UnitId parent) {
	}

	public record UnitRenamed(UnitId unit) {
	}

	public record UnitMoved(UnitId unit, UnitId from, UnitId to) {
	}

	public record UnitDeactivated(UnitId unit) {
	}

	public record UnitReactivated(UnitId unit) {
	}
}
