package org.anning.mediation;

import java.util.List;

/**
 * A dispute as typed, every value a string so that a bad one is reported by field: channel, unit (code; empty for
 * the acting unit), referringUnit (code, for a referral from another unit), category, account (what happened),
 * risk and riskReason (what makes it MEDIUM or HIGH), receivedOn (ISO date; empty for today), and the parties.
 */
public record NewDispute(String channel, String unit, String referringUnit, String category, String account,
		String risk, String riskReason, String receivedOn, List<NewParty> parties) {

	public NewDispute {
		parties = parties == null ? List.of() : parties;
	}
}
