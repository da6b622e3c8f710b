package org.anning.residents;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Identifies a resident; other modules record it with what a resident asks for. */
public record ResidentId(UUID value) implements Serializable {

	public ResidentId {
		Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
