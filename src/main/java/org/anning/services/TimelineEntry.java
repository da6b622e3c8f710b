package org.anning.services;

import java.time.Instant;
import java.time.LocalDate;

/** One step on an application's timeline, with when it happened and any reason given. */
public record TimelineEntry(Step step, Instant at, LocalDate on, String actorKind, String actorId, String note) {
}
