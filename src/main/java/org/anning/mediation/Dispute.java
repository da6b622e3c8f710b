package org.anning.mediation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.anning.web.ConflictException;

/**
 * A dispute and where it stands. It guards its own steps: sessions, the outcome and mediators only while in
 * mediation; a follow-up only after an agreement. An illegal step throws {@link ConflictException}.
 */
public record Dispute(UUID id, String reference, UUID unit, IntakeChannel channel, UUID referringUnit, UUID resident,
		Category category, String account, Risk risk, String riskReason, DisputeStatus status, Outcome outcome,
		Referral referral, String outcomeNote, LocalDate receivedOn, LocalDate warnOn, LocalDate dueOn,
		LocalDate closedOn, int reopened, Instant createdAt, int version) {

	/** The limit for mediation in calendar days, from receipt or from reopening. */
	public static final int LIMIT_DAYS = 30;

	/** Due soon from this many days before the limit (80 % of it). */
	public static final int WARN_DAYS = 6;

	public boolean inMediation() {
		return status == DisputeStatus.IN_MEDIATION;
	}

	public boolean overdue(LocalDate today) {
		return inMediation() && today.isAfter(dueOn);
	}

	public boolean dueSoon(LocalDate today) {
		return inMediation() && !today.isBefore(warnOn) && !today.isAfter(dueOn);
	}

	public boolean highRisk() {
		return risk == Risk.HIGH;
	}

	/** Days from receipt to close, once closed. */
	public Long days() {
		return closedOn == null ? null : java.time.temporal.ChronoUnit.DAYS.between(receivedOn, closedOn);
	}

	void requireInMediation() {
		if (!inMediation()) {
			throw new ConflictException("mediation.dispute.notInMediation", reference);
		}
	}
}
