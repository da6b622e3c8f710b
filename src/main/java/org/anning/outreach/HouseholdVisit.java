package org.anning.outreach;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A household visited in a campaign: an address and a day, and the issues found there. No people. */
public record HouseholdVisit(UUID id, UUID campaign, UUID unit, String address, LocalDate visitedOn, UUID officer,
		List<Issue> issues) {
}
