package org.anning.mediation;

/** How a dispute reached the unit. */
public enum IntakeChannel {

	WALK_IN, CALL_110, HOUSEHOLD_VISIT, ONLINE, UNIT_REFERRAL;

	public String messageKey() {
		return "mediation.channel." + name();
	}
}
