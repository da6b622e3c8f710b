package org.anning.outreach.web;

import java.util.ArrayList;
import java.util.List;

/** What mediation needs to take an issue in: category, risk and why, and the parties (three rows). */
public class MediationForm {

	static final int ROWS = 3;

	private String category;

	private String risk;

	private String riskReason;

	private List<PartyRow> parties = new ArrayList<>();

	public MediationForm() {
		for (int i = 0; i < ROWS; i++) {
			PartyRow row = new PartyRow();
			row.setRole(i == 0 ? "APPLICANT" : i == 1 ? "RESPONDENT" : null);
			parties.add(row);
		}
	}

	public String getCategory() {
		return category;
	}

	public void setCategory(String category) {
		this.category = category;
	}

	public String getRisk() {
		return risk;
	}

	public void setRisk(String risk) {
		this.risk = risk;
	}

	public String getRiskReason() {
		return riskReason;
	}

	public void setRiskReason(String riskReason) {
		this.riskReason = riskReason;
	}

	public List<PartyRow> getParties() {
		return parties;
	}

	public void setParties(List<PartyRow> parties) {
		this.parties = parties;
	}
}
