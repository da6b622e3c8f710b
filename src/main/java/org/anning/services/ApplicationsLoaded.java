package org.anning.services;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * Past applications were loaded in bulk (the demo history): the units and the span of days they cover, so that
 * figures kept elsewhere can be brought up to date in one pass rather than one event per application.
 */
public record ApplicationsLoaded(Set<UUID> units, LocalDate from, LocalDate to) {
}
