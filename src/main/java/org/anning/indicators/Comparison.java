package org.anning.indicators;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a period is compared with: the same dates a year earlier (29 February becomes 28), the period of the same
 * length just before, or the same dates in a baseline year.
 */
public record Comparison(String kind, LocalDate from, LocalDate to) {

	static final Pattern BASELINE = Pattern.compile("baseline:(\\d{4})");

	/** The comparison period for {@code [from, to]}, or empty when {@code spec} names no comparison Anning knows. */
	public static Optional<Comparison> of(String spec, LocalDate from, LocalDate to) {
		if (spec == null || spec.isBlank() || spec.equals("previous-year")) {
			return Optional.of(new Comparison("previous-year", from.minusYears(1), to.minusYears(1)));
		}
		if (spec.equals("previous-period")) {
			long days = ChronoUnit.DAYS.between(from, to) + 1;
			return Optional.of(new Comparison("previous-period", from.minusDays(days), from.minusDays(1)));
		}
		Matcher m = BASELINE.matcher(spec);
		if (m.matches()) {
			int years = Integer.parseInt(m.group(1)) - from.getYear();
			return Optional.of(new Comparison(spec, from.plusYears(years), to.plusYears(years)));
		}
		return Optional.empty();
	}
}
