package org.anning.services;

import java.util.UUID;

/** A resident rated the service of a closed application. */
public record ApplicationRated(UUID application, UUID unit) {
}
