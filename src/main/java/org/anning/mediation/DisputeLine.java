package org.anning.mediation;

import java.time.LocalDate;
import java.util.UUID;

/** A dispute as a worklist shows it: no personal data of the parties. */
public record DisputeLine(String reference, UUID unit, IntakeChannel channel, Category category, Risk risk,
		DisputeStatus status, Outcome outcome, LocalDate receivedOn, LocalDate warnOn, LocalDate dueOn,
		LocalDate closedOn, LocalDate followUpDue) {

	private boolean running() {
		return status == DisputeStatus.IN_MEDIATION;
	}

	public boolean overdue(LocalDate today) {
		return running() && today.isAfter(dueOn);
	}

	public boolean dueSoon(LocalDate today) {
		return running() && !today.isBefore(warnOn) && !today.isAfter(dueOn);
	}

	public boolean highRisk() {
		return running() && risk == Risk.HIGH;
	}

	public boolean followUpDue(LocalDate today) {
		return followUpDue != null && !today.isBefore(followUpDue);
	}
}
