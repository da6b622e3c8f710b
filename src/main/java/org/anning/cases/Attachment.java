package org.anning.cases;

import java.util.UUID;

/** A file sent with a report, checked by content and kept with its SHA-256. */
public record Attachment(UUID id, String fileName, String contentType, int size, String sha256) {
}
