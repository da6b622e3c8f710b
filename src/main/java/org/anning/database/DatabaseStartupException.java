package org.anning.database;

/**
 * A reason the database cannot be reached or started, with one sentence that says what to fix.
 */
class DatabaseStartupException extends RuntimeException {

	private final String action;

	DatabaseStartupException(String description, String action, Throwable cause) {
		super(description, cause);
		this.action = action;
	}

	String action() {
		return action;
	}
}
