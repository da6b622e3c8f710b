package org.anning.mediation;

/** Where parties without an agreement (or with one not carried out) are referred. */
public enum Referral {

	COURT, ARBITRATION, JUDICIAL_OFFICE, LABOUR_INSPECTION;

	public String messageKey() {
		return "mediation.referral." + name();
	}
}
