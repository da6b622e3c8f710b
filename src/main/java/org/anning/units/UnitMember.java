package org.anning.units;

/**
 * A signed-in staff principal as far as unit scope is concerned: the unit it belongs to, and whether its roles
 * see every unit (command, auditor). The accounts module's principal implements it.
 */
public interface UnitMember {

	UnitId unitId();

	boolean seesAllUnits();
}
