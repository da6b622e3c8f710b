package org.anning.mediation.web;

import java.util.ArrayList;
import java.util.List;

import org.anning.mediation.NewDispute;

/** The desk's intake form: a dispute taken from a walk-in, a 110 referral, a household visit or another unit. */
public class DeskDisputeForm {

	static final int PARTY_ROWS = 4;

	private String channel;

	private String unit;

	private String referringUnit;

	private String category;

	private String account;

	private String risk;

	private String riskReason;

	private String receivedOn;

	private List<PartyRow> parties = new ArrayList<>(List.of(new PartyRow("APPLICANT"), new PartyRow("RESPONDENT"),
			new PartyRow("RESPONDENT"), new PartyRow("INTERESTED")));

	NewDispute toNewDispute() {
		return new NewDispute(channel, unit, referringUnit, category, account, risk, riskReason, receivedOn,
				parties.stream().map(p -> p == null ? null : p.toParty()).toList());
	}

	public String getChannel() {
		return channel;
	}

	public void setChannel(String channel) {
		this.channel = channel;
	}

	public String getUnit() {
		return unit;
	}

	public void setUnit(String unit) {
		this.unit = unit;
	}

	public String getReferringUnit() {
		return referringUnit;
	}

	public void setReferringUnit(String referringUnit) {
		this.referringUnit = referringUnit;
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

	public String getReceivedOn() {
		return receivedOn;
	}

	public void setReceivedOn(String receivedOn) {
		this.receivedOn = receivedOn;
	}

	public List<PartyRow> getParties() {
		return parties;
	}

	public void setParties(List<PartyRow> parties) {
		this.parties = parties;
	}
}
