package org.anning.cases;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** Money stopped, frozen or returned, or a number of people apprehended, on a date. */
public record CaseEvent(UUID id, UUID victim, EventType type, LocalDate on, BigDecimal amount, Integer people,
		String note, String source) {
}
