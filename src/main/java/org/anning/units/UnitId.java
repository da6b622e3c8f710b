package org.anning.units;

import java.io.Serializable;
import java.util.UUID;

/**
 * Identifies a unit; other modules keep it to say which unit a record belongs to. Serializable: a signed-in staff
 * user's unit is part of the session, which the database keeps for every node.
 */
public record UnitId(UUID value) implements Serializable {

	public UnitId {
		java.util.Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
