package org.anning.outreach;

import java.time.LocalDate;
import java.util.UUID;

/** An issue found at a household, and where it went. */
public record Issue(UUID id, UUID householdVisit, UUID unit, IssueKind kind, String description, LocalDate raisedOn,
		IssueStatus status, LocalDate referredOn, String referredReference, LocalDate resolvedOn, String resolution) {
}
