package org.anning.outreach;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A service visit to a resident who cannot come: the resident by identifier only (their personal data is read
 * through an audited open), their consent, what was done, the officer, day and place.
 */
public record ServiceVisit(UUID id, String reference, UUID unit, UUID resident, VisitReason reason, boolean consent,
		ConsentHow consentHow, LocalDate consentOn, List<VisitService> services, String note, String place,
		LocalDate visitedOn, UUID officer, String applicationReference, Instant createdAt) {
}
