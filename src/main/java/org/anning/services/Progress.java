package org.anning.services;

import java.time.LocalDate;
import java.util.List;

/**
 * What anyone with the reference number and the last six characters of the applicant's identity number may see:
 * status, deadline and the dates of every step, and nothing personal.
 */
public record Progress(String reference, String itemCode, String itemNameZh, String itemNameEn, String unitCode,
		ApplicationStatus status, LocalDate receivedOn, LocalDate acceptedOn, LocalDate dueOn, boolean clockStopped,
		List<Stage> timeline) {

	public Progress {
		timeline = List.copyOf(timeline);
	}

	/** A step and its date. */
	public record Stage(Step step, LocalDate on) {
	}
}
