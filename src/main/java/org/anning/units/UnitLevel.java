package org.anning.units;

/** How high a unit stands; a unit sits at its parent's level or below it. */
public enum UnitLevel {

	BUREAU, SUB_BUREAU, STATION, POST;

	boolean mayBeUnder(UnitLevel parent) {
		return compareTo(parent) >= 0;
	}
}
