package org.anning.outreach.web;

import java.util.ArrayList;
import java.util.List;

/** A household visit as typed on the desk: campaign, address, day, and up to three issues. */
public class HouseholdForm {

	static final int ROWS = 3;

	private String campaign;

	private String address;

	private String visitedOn;

	private List<IssueRow> issues = new ArrayList<>();

	public HouseholdForm() {
		for (int i = 0; i < ROWS; i++) {
			issues.add(new IssueRow());
		}
	}

	public String getCampaign() {
		return campaign;
	}

	public void setCampaign(String campaign) {
		this.campaign = campaign;
	}

	public String getAddress() {
		return address;
	}

	public void setAddress(String address) {
		this.address = address;
	}

	public String getVisitedOn() {
		return visitedOn;
	}

	public void setVisitedOn(String visitedOn) {
		this.visitedOn = visitedOn;
	}

	public List<IssueRow> getIssues() {
		return issues;
	}

	public void setIssues(List<IssueRow> issues) {
		this.issues = issues;
	}
}
