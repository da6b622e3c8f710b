package org.anning.privacy;

/**
 * A reason personal data cannot be protected, found at start-up, with one sentence that says what to set.
 */
class PrivacyStartupException extends RuntimeException {

	private final String action;

	PrivacyStartupException(String description, String action, Throwable cause) {
		super(description, cause);
		this.action = action;
	}

	String action() {
		return action;
	}
}
