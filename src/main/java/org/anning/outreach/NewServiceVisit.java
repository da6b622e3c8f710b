package org.anning.outreach;

import java.util.List;

/**
 * A service visit as typed: the unit code (empty for the officer's own unit), the resident's record identifier,
 * why they are served at home, consent (yes or no, how, on which day), what was done, note, place, day, and
 * optionally a plan to visit again every N weeks.
 */
public record NewServiceVisit(String unit, String resident, String reason, Boolean consent, String consentHow,
		String consentOn, List<String> services, String note, String place, String visitedOn, String everyWeeks) {
}
