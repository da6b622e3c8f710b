package org.anning.mediation.web;

import java.util.ArrayList;
import java.util.List;

import org.anning.mediation.NewDispute;

/**
 * A resident's request for mediation: the station, the kind of dispute, what happened, and the parties: the
 * resident first (as applicant), then the other side, and anyone else concerned.
 */
public class PortalDisputeForm {

	private String unit;

	private String category;

	private String account;

	private List<PartyRow> parties = new ArrayList<>(
			List.of(new PartyRow("APPLICANT"), new PartyRow("RESPONDENT"), new PartyRow("INTERESTED")));

	NewDispute toNewDispute() {
		List<PartyRow> rows = new ArrayList<>(parties);
		// The roles are fixed by the row: the resident, the other side, someone else concerned.
		String[] roles = { "APPLICANT", "RESPONDENT", "INTERESTED" };
		for (int i = 0; i < rows.size() && i < roles.length; i++) {
			if (rows.get(i) != null) {
				rows.get(i).setRole(roles[i]);
			}
		}
		return new NewDispute("ONLINE", unit, null, category, account, null, null, null,
				rows.stream().map(p -> p == null ? null : p.toParty()).toList());
	}

	public String getUnit() {
		return unit;
	}

	public void setUnit(String unit) {
		this.unit = unit;
	}

	public String getCategory() {
		return category;
	}

	public void setCategory(String category) {
		this.category = category;
	}

	public String getAccount() {
		return account;
	}

	public void setAccount(String account) {
		this.account = account;
	}

	public List<PartyRow> getParties() {
		return parties;
	}

	public void setParties(List<PartyRow> parties) {
		this.parties = parties;
	}
}
