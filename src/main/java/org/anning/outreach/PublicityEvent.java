package org.anning.outreach;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A publicity event: topic, title, place, day, attendance, materials handed out and partner organisations. */
public record PublicityEvent(UUID id, String reference, UUID unit, PublicityTopic topic, String title, String place,
		LocalDate heldOn, int attendance, int materialsCount, String materials, String partners, UUID officer,
		Instant createdAt) {
}
