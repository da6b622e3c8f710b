package org.anning.audit;

import java.util.UUID;

/** A signed-in principal that acts for a unit; the audit trail records that unit with each of its events. */
public interface ActingUnit {

	UUID actingUnit();
}
