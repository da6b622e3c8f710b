package org.anning.services;

import java.time.Instant;
import java.util.UUID;

/** A file a resident sent for one of the application's requirements. */
public record Material(UUID id, String requirement, String fileName, String contentType, int size, String sha256,
		int round, Instant uploadedAt) {

	/** The largest file a resident may send. */
	public static final int MAX_BYTES = 10 * 1024 * 1024;
}
