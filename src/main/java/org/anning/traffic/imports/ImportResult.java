package org.anning.traffic.imports;

import java.util.List;
import java.util.UUID;

/**
 * How an accident import ended: imported, or rejected with the errors of every bad line (the first
 * {@link #MAX_ERRORS}, {@code moreErrors} counts the rest), in which case nothing was stored.
 */
public record ImportResult(UUID id, int imported, int updated, List<LineError> errors, int moreErrors, int errorLines) {

	/** At most this many errors are reported; a file that bad is better fixed at its source. */
	public static final int MAX_ERRORS = 1000;

	public boolean rejected() {
		return !errors.isEmpty();
	}
}
