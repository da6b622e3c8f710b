package org.anning.mediation;

import java.time.LocalDate;
import java.util.UUID;

/** What the mediation module tells other modules. Identifiers, units and days only. */
public final class Events {

	private Events() {
	}

	/** A dispute was received at a unit on a day (counted in mediation.received). */
	public record DisputeReceived(UUID dispute, UUID unit, LocalDate on, IntakeChannel channel, Risk risk) {
	}

	/**
	 * A dispute of a unit is at high risk of escalating, at intake or on reassessment: its station chief should be
	 * told. {@code reference} is the TJ number the desk shows.
	 */
	public record HighRiskDisputeReported(UUID dispute, UUID unit, String reference, LocalDate on) {
	}

	/** A dispute was closed on a day with an outcome (counted in mediation.closed; days from receivedOn). */
	public record DisputeClosed(UUID dispute, UUID unit, LocalDate on, Outcome outcome, LocalDate receivedOn) {
	}

	/** An agreement was reached on a day; its follow-up visit is due on followUpDue. */
	public record AgreementReached(UUID dispute, UUID agreement, UUID unit, LocalDate on, LocalDate followUpDue) {
	}

	/** A follow-up visit was recorded on a day for an agreement whose follow-up was due on {@code due}. */
	public record FollowUpRecorded(UUID dispute, UUID agreement, UUID unit, LocalDate on, LocalDate due,
			boolean carriedOut, FollowUpAction action) {
	}

	/** A closed dispute went back into mediation (its earlier close, on wasClosedOn, no longer counts). */
	public record DisputeReopened(UUID dispute, UUID unit, LocalDate on, LocalDate wasClosedOn) {
	}

	/** A dispute turned into a criminal case (民转刑), linked on a day (counted in mediation.escalatedToCases). */
	public record DisputeEscalated(UUID dispute, UUID unit, LocalDate on, String caseNumber) {
	}

	/**
	 * Something a resident who asked for mediation online should hear about: {@code what} is RECEIVED, SESSION,
	 * AGREEMENT, NO_AGREEMENT, WITHDRAWN, FOLLOWED_UP or REOPENED; {@code topic} tells redeliveries from news.
	 */
	public record RequesterInformed(UUID resident, String reference, String what, String topic) {
	}
}
