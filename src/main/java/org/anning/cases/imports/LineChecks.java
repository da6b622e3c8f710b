package org.anning.cases.imports;

import org.anning.web.CsvRecords;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.anning.cases.EventType;
import org.anning.cases.SearchTokens;

/**
 * The checks of one line that need nothing but the line and the reference data (units, categories, today), and
 * the line's normalised row in PostgreSQL's COPY text format for the rows that pass. Checks against records in
 * the database (existing cases, duplicates in the file) are made in SQL after the rows are copied.
 */
final class LineChecks {

	static final int MAX_NUMBER = 40;

	private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private static final Pattern AMOUNT = Pattern.compile("\\d{1,12}(\\.\\d{1,2})?");

	private static final Pattern NEGATIVE = Pattern.compile("-\\d+(\\.\\d+)?");

	private static final Pattern TOO_PRECISE = Pattern.compile("\\d{1,12}\\.\\d{3,}");

	private static final Pattern PEOPLE = Pattern.compile("\\d{1,6}");

	private final ImportKind kind;

	private final Map<String, UUID> units;

	private final Set<String> categories;

	private final LocalDate today;

	private final ImportErrors errors;

	LineChecks(ImportKind kind, Map<String, UUID> units, Set<String> categories, LocalDate today, ImportErrors errors) {
		this.kind = kind;
		this.units = units;
		this.categories = categories;
		this.today = today;
		this.errors = errors;
	}

	/** Checks the header row; false if it is not the kind's, when nothing else can be read. */
	boolean header(CsvRecords.Row row) {
		String expected = String.join(",", kind.columns());
		if (row == null) {
			errors.add(1, "header", "cases.imports.header.missing", expected);
			return false;
		}
		List<String> names = row.fields().stream().map(f -> f.strip().toLowerCase(java.util.Locale.ROOT)).toList();
		if (row.problem() != null || !names.equals(kind.columns())) {
			errors.add(row.line(), "header", "cases.imports.header.wrong", expected);
			return false;
		}
		return true;
	}

	/** Checks a data line; writes its row to {@code out} if it is good. */
	void line(CsvRecords.Row row, Writer out) throws IOException {
		if (row.problem() != null) {
			errors.add(row.line(), "line", row.problem());
			return;
		}
		if (row.fields().size() != kind.columns().size()) {
			errors.add(row.line(), "line", "cases.imports.columns", kind.columns().size(), row.fields().size());
			return;
		}
		if (kind == ImportKind.CASES) {
			caseLine(row, out);
		}
		else {
			eventLine(row, out);
		}
	}

	private void caseLine(CsvRecords.Row row, Writer out) throws IOException {
		int line = row.line();
		int before = errors.total();
		List<String> f = row.fields();
		String number = number(line, f.get(0));
		String unitCode = f.get(1).strip();
		UUID unit = null;
		if (unitCode.isEmpty()) {
			errors.add(line, "unit_code", "cases.imports.required");
		}
		else if ((unit = units.get(unitCode)) == null) {
			errors.add(line, "unit_code", "cases.imports.unit.unknown", unitCode);
		}
		String category = f.get(2).strip();
		if (category.isEmpty()) {
			errors.add(line, "category_code", "cases.imports.required");
		}
		else if (!categories.contains(category)) {
			errors.add(line, "category_code", "cases.imports.category.unknown", category);
		}
		LocalDate occurred = date(line, "occurred_on", f.get(3), true);
		LocalDate registered = date(line, "registered_on", f.get(4), true);
		LocalDate cleared = date(line, "cleared_on", f.get(5), false);
		LocalDate closed = date(line, "closed_on", f.get(6), false);
		BigDecimal loss = amount(line, "loss_amount", f.get(7), false);
		if (occurred != null && registered != null && occurred.isAfter(registered)) {
			errors.add(line, "occurred_on", "cases.imports.occurred.afterRegistered");
		}
		if (registered != null && cleared != null && cleared.isBefore(registered)) {
			errors.add(line, "cleared_on", "cases.imports.beforeRegistered");
		}
		if (registered != null && closed != null && closed.isBefore(registered)) {
			errors.add(line, "closed_on", "cases.imports.beforeRegistered");
		}
		if (cleared != null && closed != null) {
			errors.add(line, "closed_on", "cases.imports.clearedAndClosed");
		}
		if (errors.total() != before) {
			return;
		}
		String status = cleared != null ? "CLEARED" : closed != null ? "CLOSED" : "REGISTERED";
		StringBuilder tokens = new StringBuilder("{");
		for (String token : SearchTokens.of(number)) {
			tokens.append(tokens.length() > 1 ? ",\"" : "\"").append(token).append('"');
		}
		tokens.append('}');
		StringBuilder copy = new StringBuilder(160);
		copy.append(line).append('\t');
		text(copy, number).append('\t').append(unit).append('\t');
		text(copy, category).append('\t').append(occurred).append('\t').append(registered).append('\t');
		nullable(copy, cleared).append('\t');
		nullable(copy, closed).append('\t');
		copy.append(loss == null ? "0.00" : loss.toPlainString()).append('\t').append(status).append('\t');
		text(copy, tokens.toString()).append('\n');
		out.append(copy);
	}

	private void eventLine(CsvRecords.Row row, Writer out) throws IOException {
		int line = row.line();
		int before = errors.total();
		List<String> f = row.fields();
		String number = number(line, f.get(0));
		String typeName = f.get(1).strip();
		EventType type = null;
		if (typeName.isEmpty()) {
			errors.add(line, "event_type", "cases.imports.required");
		}
		else {
			try {
				type = EventType.valueOf(typeName);
			}
			catch (IllegalArgumentException e) {
				errors.add(line, "event_type", "cases.imports.eventType.unknown", typeName);
			}
		}
		LocalDate on = date(line, "event_on", f.get(2), true);
		BigDecimal amount = null;
		Integer people = null;
		if (type != null && type.money()) {
			amount = amount(line, "amount", f.get(3), true);
			if (!f.get(4).isBlank()) {
				errors.add(line, "people", "cases.imports.people.notForMoney");
			}
		}
		else if (type != null) {
			people = people(line, f.get(4));
			if (!f.get(3).isBlank()) {
				errors.add(line, "amount", "cases.imports.amount.notForPeople");
			}
		}
		if (errors.total() != before) {
			return;
		}
		StringBuilder copy = new StringBuilder(80);
		copy.append(line).append('\t');
		text(copy, number).append('\t').append(type.name()).append('\t').append(on).append('\t');
		copy.append(amount == null ? "\\N" : amount.toPlainString()).append('\t');
		copy.append(people == null ? "\\N" : people.toString()).append('\n');
		out.append(copy);
	}

	private String number(int line, String value) {
		String number = value.strip();
		if (number.isEmpty()) {
			errors.add(line, "case_number", "cases.imports.required");
		}
		else if (number.length() > MAX_NUMBER) {
			errors.add(line, "case_number", "cases.imports.number.tooLong", MAX_NUMBER);
		}
		else if (number.chars().anyMatch(Character::isISOControl)) {
			errors.add(line, "case_number", "cases.imports.number.control");
		}
		else if (number.chars().anyMatch(c -> c == '/' || c == '\\' || c == '%' || c == ';' || c == '?' || c == '#')) {
			// The number is a path segment of the case's page and API address.
			errors.add(line, "case_number", "cases.imports.number.characters");
		}
		return number;
	}

	private LocalDate date(int line, String field, String value, boolean required) {
		String text = value.strip();
		if (text.isEmpty()) {
			if (required) {
				errors.add(line, field, "cases.imports.required");
			}
			return null;
		}
		LocalDate date;
		try {
			if (!DATE.matcher(text).matches()) {
				throw new DateTimeParseException("not YYYY-MM-DD", text, 0);
			}
			date = LocalDate.parse(text);
		}
		catch (DateTimeParseException e) {
			errors.add(line, field, "cases.imports.date.invalid", text);
			return null;
		}
		if (date.isAfter(today)) {
			errors.add(line, field, "cases.imports.date.future");
			return null;
		}
		return date;
	}

	private BigDecimal amount(int line, String field, String value, boolean required) {
		String text = value.strip();
		if (text.isEmpty()) {
			if (required) {
				errors.add(line, field, "cases.imports.required");
			}
			return null;
		}
		if (AMOUNT.matcher(text).matches()) {
			return new BigDecimal(text).setScale(2);
		}
		if (NEGATIVE.matcher(text).matches()) {
			errors.add(line, field, "cases.imports.amount.negative");
		}
		else if (TOO_PRECISE.matcher(text).matches()) {
			errors.add(line, field, "cases.imports.amount.cents");
		}
		else {
			errors.add(line, field, "cases.imports.amount.invalid", text);
		}
		return null;
	}

	private Integer people(int line, String value) {
		String text = value.strip();
		if (text.isEmpty()) {
			errors.add(line, "people", "cases.imports.required");
			return null;
		}
		if (!PEOPLE.matcher(text).matches() || Integer.parseInt(text) < 1) {
			errors.add(line, "people", "cases.imports.people.invalid", text);
			return null;
		}
		return Integer.valueOf(text);
	}

	private static StringBuilder nullable(StringBuilder out, Object value) {
		return out.append(value == null ? "\\N" : value.toString());
	}

	/** A value in COPY's text format: backslash, tab and line breaks escaped. */
	private static StringBuilder text(StringBuilder out, String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> out.append("\\\\");
				case '\t' -> out.append("\\t");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				default -> out.append(c);
			}
		}
		return out;
	}
}
