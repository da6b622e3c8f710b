package org.anning.outreach;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What the outreach module tells other modules, identifiers only: the record, its unit and the day that counts
 * for the indicators, so that rollups can be kept current.
 */
public final class OutreachEvents {

	private OutreachEvents() {
	}

	/** A service visit was recorded for a resident on a day. */
	public record ServiceVisitRecorded(UUID visit, UUID unit, UUID resident, LocalDate on) {
	}

	/** An application was opened on a resident's behalf at a service visit. */
	public record ApplicationTakenAtVisit(UUID visit, UUID unit, String applicationReference, LocalDate on) {
	}

	/** A publicity event was recorded. */
	public record PublicityEventRecorded(UUID event, UUID unit, LocalDate on) {
	}

	/** A campaign was opened or its dates or target changed; figures of every day from {@code from} to {@code to} may move. */
	public record CampaignChanged(UUID campaign, UUID unit, LocalDate from, LocalDate to) {
	}

	/** A household was visited in a campaign on a day. */
	public record HouseholdVisited(UUID householdVisit, UUID campaign, UUID unit, LocalDate on) {
	}

	/** An issue found at a household was resolved on a day. */
	public record IssueResolved(UUID issue, UUID unit, LocalDate on) {
	}

	/** An issue found at a household was taken in by mediation as the dispute with the reference. */
	public record IssueReferredToMediation(UUID issue, UUID householdVisit, UUID unit, String disputeReference,
			LocalDate on) {
	}

	/** An issue was turned into a service-hall application on a resident's behalf. */
	public record IssueReferredToServiceHall(UUID issue, UUID unit, String applicationReference, LocalDate on) {
	}
}
