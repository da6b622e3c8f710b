package org.anning.traffic;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/** What the traffic module tells other modules. Identifiers only. */
public final class Events {

	private Events() {
	}

	/** An accident was recorded at the desk or over the API. */
	public record AccidentRecorded(UUID accidentId, UUID unit) {
	}

	/** An accident changed in a way the figures see: deaths updated, merged into another, a flag dismissed. */
	public record AccidentChanged(UUID accidentId, UUID unit) {
	}

	/**
	 * Accidents were loaded in bulk (from an import file, or the demo data when {@code importId} is null): the units
	 * and the span of days the load may have touched, before and after ({@code from} and {@code to} are null when
	 * it touched nothing).
	 */
	public record AccidentsImported(UUID importId, Set<UUID> units, LocalDate from, LocalDate to) {
	}
}
