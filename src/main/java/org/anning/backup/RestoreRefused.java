package org.anning.backup;

/** A restore that did not start or was rolled back, with a sentence that says why and what to do. */
class RestoreRefused extends RuntimeException {

	RestoreRefused(String message) {
		super(message);
	}

	RestoreRefused(String message, Throwable cause) {
		super(message, cause);
	}
}
