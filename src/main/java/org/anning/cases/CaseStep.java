package org.anning.cases;

import java.time.Instant;
import java.time.LocalDate;

/** One line of a case's history. */
public record CaseStep(String step, Instant at, LocalDate on, String actor, String note) {

	public String messageKey() {
		return "cases.step." + step;
	}
}
