package org.anning.accounts;

import java.io.Serializable;
import java.util.UUID;

/** Identifies a staff account; other modules record it as the actor of what they store. */
public record AccountId(UUID value) implements Serializable {

	public AccountId {
		java.util.Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
