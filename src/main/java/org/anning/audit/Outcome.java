package org.anning.audit;

/** How the audited action ended. */
public enum Outcome {
	SUCCESS, DENIED, FAILED
}
