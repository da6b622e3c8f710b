package org.anning.mediation;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An agreement reached in mediation, its terms, and its follow-up visit: due on {@code followUpDue}, done on
 * {@code followedUpOn} (or not yet), carried out or not, and what followed.
 */
public record Agreement(UUID id, LocalDate agreedOn, LocalDate followUpDue, LocalDate followedUpOn, Boolean carriedOut,
		String followUpNote, FollowUpAction followUpAction, Referral followUpReferral, List<Term> terms) {

	public boolean followedUp() {
		return followedUpOn != null;
	}

	public boolean followUpDue(LocalDate today) {
		return followedUpOn == null && !today.isBefore(followUpDue);
	}

	public boolean followedUpOnTime() {
		return followedUpOn != null && !followedUpOn.isAfter(followUpDue);
	}
}
