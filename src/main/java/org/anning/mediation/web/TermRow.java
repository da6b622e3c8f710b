package org.anning.mediation.web;

import org.anning.mediation.Disputes;

/** One term row of the agreement form: who does what by when. */
public class TermRow {

	private String party;

	private String obligation;

	private String dueBy;

	Disputes.NewTerm toTerm() {
		return new Disputes.NewTerm(party, obligation, dueBy);
	}

	public String getParty() {
		return party;
	}

	public void setParty(String party) {
		this.party = party;
	}

	public String getObligation() {
		return obligation;
	}

	public void setObligation(String obligation) {
		this.obligation = obligation;
	}

	public String getDueBy() {
		return dueBy;
	}

	public void setDueBy(String dueBy) {
		this.dueBy = dueBy;
	}
}
