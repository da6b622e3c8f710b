package org.anning.outreach;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** A household-visit campaign of a unit: a target number of households between two days (both included). */
public record Campaign(UUID id, String reference, UUID unit, String name, LocalDate startsOn, LocalDate endsOn,
		int target) {

	public long days() {
		return ChronoUnit.DAYS.between(startsOn, endsOn) + 1;
	}

	public boolean runsOn(LocalDate day) {
		return !day.isBefore(startsOn) && !day.isAfter(endsOn);
	}
}
