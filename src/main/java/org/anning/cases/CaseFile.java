package org.anning.cases;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A case (案件) as other modules and pages see it. */
public record CaseFile(UUID id, String caseNumber, UUID unit, String category, LocalDate occurredOn,
		LocalDate registeredOn, CaseStatus status, LocalDate clearedOn, String clearedHow, LocalDate suspendedOn,
		LocalDate closedOn, String closedReason, UUID officer, String narrative, String place, BigDecimal loss,
		UUID series, String source, int version) {
}
