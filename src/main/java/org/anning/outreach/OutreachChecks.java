package org.anning.outreach;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import org.anning.units.Organisation;
import org.anning.units.Unit;
import org.anning.units.UnitId;
import org.anning.units.UnitScope;
import org.anning.web.InvalidInputException.FieldProblem;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** OutreachChecks of typed values shared by the outreach records: each adds a problem for its field and returns null. */
@Component
class OutreachChecks {

	/** How far back a record may be dated: two years and a bit, so that last year's paper can be entered. */
	static final int DAYS_BACK = 800;

	private final Organisation organisation;

	OutreachChecks(Organisation organisation) {
		this.organisation = organisation;
	}

	/** The unit by code if active and in scope, or the user's own unit when none is given. */
	UUID unit(String code, UUID own, UnitScope scope, List<FieldProblem> problems) {
		if (!StringUtils.hasText(code)) {
			if (own == null || !scope.covers(new UnitId(own))) {
				problems.add(new FieldProblem("unit", "outreach.unit.unknown"));
				return null;
			}
			return own;
		}
		Unit unit = organisation.findByCode(code.strip()).filter(Unit::active).filter(u -> scope.covers(u.id())).orElse(null);
		if (unit == null) {
			problems.add(new FieldProblem("unit", "outreach.unit.unknown"));
			return null;
		}
		return unit.id().value();
	}

	static String text(String value, String field, int max, boolean required, List<FieldProblem> problems) {
		String stripped = value == null ? "" : value.strip();
		if (stripped.isEmpty()) {
			if (required) {
				problems.add(new FieldProblem(field, "outreach.field.required"));
			}
			return null;
		}
		if (stripped.codePointCount(0, stripped.length()) > max) {
			problems.add(new FieldProblem(field, "outreach.field.tooLong", max));
			return null;
		}
		return stripped;
	}

	/** A day not in the future and not more than {@link #DAYS_BACK} days ago. */
	static LocalDate pastDay(String value, String field, LocalDate today, List<FieldProblem> problems) {
		LocalDate day = day(value, field, problems);
		if (day == null) {
			return null;
		}
		if (day.isAfter(today)) {
			problems.add(new FieldProblem(field, "outreach.date.future"));
			return null;
		}
		if (day.isBefore(today.minusDays(DAYS_BACK))) {
			problems.add(new FieldProblem(field, "outreach.date.tooOld", DAYS_BACK));
			return null;
		}
		return day;
	}

	static LocalDate day(String value, String field, List<FieldProblem> problems) {
		if (!StringUtils.hasText(value)) {
			problems.add(new FieldProblem(field, "outreach.date.required"));
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			problems.add(new FieldProblem(field, "outreach.date.invalid"));
			return null;
		}
	}

	static Integer number(String value, String field, int min, int max, boolean required, List<FieldProblem> problems) {
		if (!StringUtils.hasText(value)) {
			if (required) {
				problems.add(new FieldProblem(field, "outreach.field.required"));
			}
			return null;
		}
		try {
			int n = Integer.parseInt(value.strip());
			if (n < min || n > max) {
				problems.add(new FieldProblem(field, "outreach.number.range", min, max));
				return null;
			}
			return n;
		}
		catch (NumberFormatException e) {
			problems.add(new FieldProblem(field, "outreach.number.invalid"));
			return null;
		}
	}

	static <E extends Enum<E>> E choice(Class<E> type, String value, String field, List<FieldProblem> problems) {
		if (!StringUtils.hasText(value)) {
			problems.add(new FieldProblem(field, "outreach.choice.required"));
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip());
		}
		catch (IllegalArgumentException e) {
			problems.add(new FieldProblem(field, "outreach.choice.invalid"));
			return null;
		}
	}

	static UUID uuid(String value) {
		if (!StringUtils.hasText(value)) {
			return null;
		}
		try {
			return UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	/** A reference as typed: upper case, without surrounding spaces. */
	static String reference(String value) {
		return value == null ? "" : value.strip().toUpperCase(java.util.Locale.ROOT);
	}
}
