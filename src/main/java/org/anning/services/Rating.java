package org.anning.services;

import java.time.Instant;
import java.util.UUID;

/** A resident's rating of a closed application: the first one, or the one after a rectification answer. */
public record Rating(UUID id, int round, RatingLevel level, String comment, Instant ratedAt) {
}
