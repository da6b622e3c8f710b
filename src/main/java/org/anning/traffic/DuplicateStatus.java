package org.anning.traffic;

/**
 * Where an accident stands in the duplicate review: flagged as a possible duplicate of another (within 200 m and
 * 2 hours), merged into the other (no longer counted), or dismissed as a separate accident.
 */
public enum DuplicateStatus {

	FLAGGED, MERGED, DISMISSED;

	public String messageKey() {
		return "traffic.duplicate." + name();
	}
}
