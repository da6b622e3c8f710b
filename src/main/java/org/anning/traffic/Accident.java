package org.anning.traffic;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A road-traffic accident as recorded: when (in the bureau's zone) and where, what happened, the people hurt as
 * counts only, the direct property loss in yuan, vehicles by type, contributing causes and conditions. The grade
 * is derived. {@code duplicateOf} is the accident this one may repeat (flagged) or was merged into.
 */
public record Accident(UUID id, String number, UUID unit, OffsetDateTime occurredAt, LocalDate occurredOn, String road,
		BigDecimal kmMarker, double latitude, double longitude, AccidentType type, int deaths, int deathsWithin7Days,
		int seriousInjuries, int minorInjuries, BigDecimal directLoss, Set<Cause> causes, Map<VehicleType, Integer> vehicles,
		Weather weather, Light light, RoadSurface surface, SeverityGrade grade, DuplicateStatus duplicateStatus,
		UUID duplicateOf, String source, int version) {

	public int injuries() {
		return seriousInjuries + minorInjuries;
	}

	/** Whether the accident counts in the figures: everything but a duplicate merged into another. */
	public boolean counted() {
		return duplicateStatus != DuplicateStatus.MERGED;
	}

	/** The last day its deaths may be updated: 30 days after the accident. */
	public LocalDate deathsUpdatableUntil() {
		return occurredOn.plusDays(Accidents.DEATHS_UPDATE_DAYS);
	}
}
