package org.anning.services;

import java.util.UUID;

/** The station chief recorded the call-back and what was done about a poor rating; the resident may read it. */
public record RectificationAnswered(UUID application, UUID resident, String reference) {
}
