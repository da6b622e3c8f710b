package org.anning.mediation;

/** A party's role in the dispute: who asked for mediation, the other side, or someone else concerned. */
public enum PartyRole {

	APPLICANT, RESPONDENT, INTERESTED;

	public String messageKey() {
		return "mediation.role." + name();
	}
}
