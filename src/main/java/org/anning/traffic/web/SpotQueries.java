package org.anning.traffic.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.anning.traffic.Accidents;
import org.anning.traffic.BlackSpots;
import org.anning.units.UnitScope;
import org.anning.web.InvalidInputException;
import org.anning.web.InvalidInputException.FieldProblem;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Reads a black-spot question from request parameters, the same for the page and the API: unit (a code of the
 * caller's scope; empty for the whole scope), from and to (ISO dates; default the last 365 days to today), radius
 * (metres, 10 to 5,000; default 250), minAccidents (2 to 100,000; default 3), fatalOnly.
 */
@Component
class SpotQueries {

	static final int RADIUS_MIN = 10;

	static final int RADIUS_MAX = 5000;

	static final int MIN_ACCIDENTS_MIN = 2;

	static final int MIN_ACCIDENTS_MAX = 100_000;

	private final Accidents accidents;

	SpotQueries(Accidents accidents) {
		this.accidents = accidents;
	}

	BlackSpots.Query read(String unit, String from, String to, String radius, String minAccidents, String fatalOnly,
			UnitScope scope) {
		UUID unitId = StringUtils.hasText(unit) ? accidents.unit(unit, scope).id().value() : null;
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate today = accidents.today();
		LocalDate end = date(problems, "to", to, today);
		LocalDate start = date(problems, "from", from, (end == null ? today : end).minusDays(364));
		if (start != null && end != null && start.isAfter(end)) {
			problems.add(new FieldProblem("from", "traffic.spots.from.afterTo"));
		}
		int r = number(problems, "radius", radius, BlackSpots.DEFAULT_RADIUS, RADIUS_MIN, RADIUS_MAX);
		int n = number(problems, "minAccidents", minAccidents, BlackSpots.DEFAULT_MIN_ACCIDENTS, MIN_ACCIDENTS_MIN,
				MIN_ACCIDENTS_MAX);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		boolean fatal = "true".equalsIgnoreCase(fatalOnly == null ? "" : fatalOnly.strip())
				|| "on".equalsIgnoreCase(fatalOnly == null ? "" : fatalOnly.strip());
		return new BlackSpots.Query(unitId, start, end, r, n, fatal);
	}

	private static LocalDate date(List<FieldProblem> problems, String field, String value, LocalDate fallback) {
		if (!StringUtils.hasText(value)) {
			return fallback;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			problems.add(new FieldProblem(field, "traffic.spots.date.format"));
			return null;
		}
	}

	private static int number(List<FieldProblem> problems, String field, String value, int fallback, int min,
			int max) {
		if (!StringUtils.hasText(value)) {
			return fallback;
		}
		try {
			int n = Integer.parseInt(value.strip());
			if (n < min || n > max) {
				throw new NumberFormatException();
			}
			return n;
		}
		catch (NumberFormatException e) {
			problems.add(new FieldProblem(field, "traffic.spots.range", min, max));
			return fallback;
		}
	}
}
