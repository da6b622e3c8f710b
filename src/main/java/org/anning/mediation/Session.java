package org.anning.mediation;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A mediation session: when, who attended (as typed, and the mediators present), and notes. */
public record Session(UUID id, LocalDate heldOn, String attended, List<UUID> mediators, String notes) {
}
