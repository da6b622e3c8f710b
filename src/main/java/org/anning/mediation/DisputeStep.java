package org.anning.mediation;

import java.time.Instant;
import java.time.LocalDate;

/** One step in a dispute's history. */
public record DisputeStep(String step, LocalDate on, Instant at, String note) {

	public String messageKey() {
		return "mediation.step." + step;
	}
}
