package org.anning.cases;

import java.math.BigDecimal;
import java.util.UUID;

/** A victim of a case with their loss; linked to the report (and resident) they came from, if any. */
public record Victim(UUID id, UUID report, UUID resident, String label, BigDecimal loss) {
}
