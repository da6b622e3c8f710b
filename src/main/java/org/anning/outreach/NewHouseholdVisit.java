package org.anning.outreach;

import java.util.List;

/** A household visit as typed: the campaign reference, the address, the day, and the issues found. */
public record NewHouseholdVisit(String campaign, String address, String visitedOn, List<NewIssue> issues) {

	/** An issue as typed: its kind and what it is. */
	public record NewIssue(String kind, String description) {
	}
}
