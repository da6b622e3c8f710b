package org.anning.cases;

/** A case as staff register it: unit (code; empty for one's own), category, dates (yyyy-mm-dd), place, narrative. */
public record NewCase(String unit, String category, String occurredOn, String registeredOn, String place,
		String narrative) {
}
