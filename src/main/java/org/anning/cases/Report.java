package org.anning.cases;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A report as stored, without the reporter's phone number (which only an audited read opens). */
public record Report(UUID id, String reference, Channel channel, ReportKind kind, UUID unit, UUID resident,
		String reporterName, String narrative, Instant occurredAt, String place, BigDecimal loss,
		PaymentChannel paymentMethod, ReportStatus status, String outcomeReason, UUID caseId, Instant createdAt,
		Instant triagedAt, int version) {
}
