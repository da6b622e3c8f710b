package org.anning.indicators;

import java.math.BigDecimal;

/**
 * One indicator's value for the period and the comparison period, with the changes: relative change in percent
 * (null when the comparison value is 0 or null) and, for rates, the change in percentage points. Computed from
 * unrounded values, rounded half-up to two decimals at the end; counts are whole numbers.
 */
public record Figure(String id, BigDecimal value, BigDecimal comparisonValue, BigDecimal relativeChangePercent,
		BigDecimal percentagePointChange) {
}
