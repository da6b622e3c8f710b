package org.anning.mediation;

import java.util.UUID;

/** Someone who mediates for a unit; {@code account} is the staff account of a police mediator. */
public record Mediator(UUID id, UUID unit, MediatorKind kind, String name, String organisation, UUID account,
		boolean active) {
}
