package org.anning.units;

import java.util.UUID;

/** Identifies a unit; other modules keep it to say which unit a record belongs to. */
public record UnitId(UUID value) {

	public UnitId {
		java.util.Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
