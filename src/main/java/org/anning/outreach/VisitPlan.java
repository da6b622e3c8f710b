package org.anning.outreach;

import java.time.LocalDate;
import java.util.UUID;

/** A recurring visit: the unit visits the resident every {@code everyWeeks} weeks; the next falls due on a day. */
public record VisitPlan(UUID id, UUID unit, UUID resident, int everyWeeks, LocalDate nextDueOn, UUID lastVisit,
		boolean active) {

	/** Due on or before the day. */
	public boolean dueBy(LocalDate day) {
		return active && !nextDueOn.isAfter(day);
	}
}
