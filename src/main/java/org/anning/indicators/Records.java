package org.anning.indicators;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The records behind a figure: those counted in its numerator and, for rates, its denominator, a page at a time.
 * Their totals always equal the counts the figure was computed from.
 */
public record Records(String id, Part numerator, Part denominator) {

	/** One side of a figure: how many records, and one page of them. */
	public record Part(long total, List<Line> lines) {
	}

	/**
	 * A case, a case's event, an application, a rating, a dispute or a dispute's link to a case, with the page that
	 * shows it; {@code days} is the days a closed dispute took.
	 */
	public record Line(String type, String number, String code, LocalDate on, String event, BigDecimal amount,
			Integer people, Integer level, Integer days, String link) {
	}
}
