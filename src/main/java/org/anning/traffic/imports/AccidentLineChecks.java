package org.anning.traffic.imports;

import org.anning.web.CsvRecords;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import org.anning.traffic.Cause;
import org.anning.traffic.SeverityGrade;

/**
 * The checks of one accident line that need nothing but the line and the reference data (units, the bureau's zone,
 * now), and the line's normalised row in PostgreSQL's COPY text format for the rows that pass. The grade is
 * derived here, and the day the accident counts on is the day of its time in the bureau's zone. Checks against the
 * database (numbers repeated in the file, accidents kept at the desk) are made in SQL after the rows are copied.
 */
final class AccidentLineChecks {

	static final List<String> COLUMNS = List.of("accident_number", "unit_code", "occurred_at", "latitude", "longitude",
			"road", "km_marker", "deaths", "serious_injuries", "minor_injuries", "direct_loss", "cause_code");

	static final int MAX_NUMBER = 40;

	private static final Pattern AMOUNT = Pattern.compile("\\d{1,14}(\\.\\d{1,2})?");

	private static final Pattern NEGATIVE = Pattern.compile("-\\d+(\\.\\d+)?");

	private static final Pattern TOO_PRECISE = Pattern.compile("\\d{1,14}\\.\\d{3,}");

	private static final Pattern COUNT = Pattern.compile("\\d{1,5}");

	private static final Pattern COORDINATE = Pattern.compile("-?\\d{1,3}(\\.\\d{1,6})?");

	private static final Pattern KM = Pattern.compile("\\d{1,6}(\\.\\d{1,3})?");

	/** Date, time and a zone offset (or Z), e.g. 2024-03-05T18:40:00+08:00. */
	private static final Pattern WITH_OFFSET = Pattern.compile(".*T.*([+-]\\d{2}:?\\d{2}|Z)$");

	private final Map<String, UUID> units;

	private final ZoneId zone;

	private final Instant now;

	private final ImportErrors errors;

	AccidentLineChecks(Map<String, UUID> units, ZoneId zone, Instant now, ImportErrors errors) {
		this.units = units;
		this.zone = zone;
		this.now = now;
		this.errors = errors;
	}

	/** Checks the header row; false if it is not the expected one, when nothing else can be read. */
	boolean header(CsvRecords.Row row) {
		String expected = String.join(",", COLUMNS);
		if (row == null) {
			errors.add(1, "header", "traffic.imports.header.missing", expected);
			return false;
		}
		List<String> names = row.fields().stream().map(f -> f.strip().toLowerCase(Locale.ROOT)).toList();
		if (row.problem() != null || !names.equals(COLUMNS)) {
			errors.add(row.line(), "header", "traffic.imports.header.wrong", expected);
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
		if (row.fields().size() != COLUMNS.size()) {
			errors.add(row.line(), "line", "traffic.imports.columns", COLUMNS.size(), row.fields().size());
			return;
		}
		int line = row.line();
		int before = errors.total();
		List<String> f = row.fields();
		String number = number(line, f.get(0));
		String unitCode = f.get(1).strip();
		UUID unit = null;
		if (unitCode.isEmpty()) {
			errors.add(line, "unit_code", "traffic.imports.required");
		}
		else if ((unit = units.get(unitCode)) == null) {
			errors.add(line, "unit_code", "traffic.imports.unit.unknown", unitCode);
		}
		OffsetDateTime at = time(line, f.get(2));
		String latitude = coordinate(line, "latitude", f.get(3), 90);
		String longitude = coordinate(line, "longitude", f.get(4), 180);
		String road = f.get(5).strip();
		if (road.length() > 100 || road.chars().anyMatch(Character::isISOControl)) {
			errors.add(line, "road", "traffic.imports.road.invalid", 100);
		}
		String km = f.get(6).strip();
		if (!km.isEmpty() && !KM.matcher(km).matches()) {
			errors.add(line, "km_marker", "traffic.imports.km.invalid", km);
		}
		Integer deaths = count(line, "deaths", f.get(7));
		Integer serious = count(line, "serious_injuries", f.get(8));
		Integer minor = count(line, "minor_injuries", f.get(9));
		BigDecimal loss = amount(line, f.get(10));
		TreeSet<String> causes = new TreeSet<>();
		for (String code : f.get(11).split("[;|]")) {
			String c = code.strip();
			if (c.isEmpty()) {
				continue;
			}
			if (Cause.parse(c) == null) {
				errors.add(line, "cause_code", "traffic.imports.cause.unknown", c);
			}
			else {
				causes.add(c);
			}
		}
		if (errors.total() != before) {
			return;
		}
		SeverityGrade grade = SeverityGrade.of(deaths, serious, loss);
		StringBuilder copy = new StringBuilder(200);
		copy.append(line).append('\t');
		text(copy, number).append('\t').append(unit).append('\t').append(at).append('\t')
			.append(at.atZoneSameInstant(zone).toLocalDate()).append('\t').append(latitude).append('\t')
			.append(longitude).append('\t');
		if (road.isEmpty()) {
			copy.append("\\N");
		}
		else {
			text(copy, road);
		}
		copy.append('\t').append(km.isEmpty() ? "\\N" : km).append('\t').append(deaths).append('\t').append(serious)
			.append('\t').append(minor).append('\t').append(loss.toPlainString()).append('\t')
			.append('{').append(String.join(",", causes)).append('}').append('\t').append(grade.name()).append('\n');
		out.append(copy);
	}

	private String number(int line, String value) {
		String number = value.strip();
		if (number.isEmpty()) {
			errors.add(line, "accident_number", "traffic.imports.required");
		}
		else if (number.length() > MAX_NUMBER) {
			errors.add(line, "accident_number", "traffic.imports.number.tooLong", MAX_NUMBER);
		}
		else if (number.chars().anyMatch(Character::isISOControl)) {
			errors.add(line, "accident_number", "traffic.imports.number.control");
		}
		else if (number.chars().anyMatch(c -> c == '/' || c == '\\' || c == '%' || c == ';' || c == '?' || c == '#')) {
			// The number is a path segment of the accident's page and API address.
			errors.add(line, "accident_number", "traffic.imports.number.characters");
		}
		return number;
	}

	/** An ISO-8601 date and time with its offset; without one the moment is ambiguous and the line is refused. */
	private OffsetDateTime time(int line, String value) {
		String text = value.strip();
		if (text.isEmpty()) {
			errors.add(line, "occurred_at", "traffic.imports.required");
			return null;
		}
		if (!WITH_OFFSET.matcher(text).matches()) {
			errors.add(line, "occurred_at", "traffic.imports.time.noOffset", text);
			return null;
		}
		OffsetDateTime at;
		try {
			at = OffsetDateTime.parse(text);
		}
		catch (DateTimeParseException e) {
			errors.add(line, "occurred_at", "traffic.imports.time.invalid", text);
			return null;
		}
		if (at.toInstant().isAfter(now)) {
			errors.add(line, "occurred_at", "traffic.imports.time.future");
			return null;
		}
		return at;
	}

	private String coordinate(int line, String field, String value, int max) {
		String text = value.strip();
		if (text.isEmpty()) {
			errors.add(line, field, "traffic.imports.required");
			return null;
		}
		if (!COORDINATE.matcher(text).matches() || new BigDecimal(text).abs().compareTo(BigDecimal.valueOf(max)) > 0) {
			errors.add(line, field, "traffic.imports.coordinate.invalid", text, max);
			return null;
		}
		return text;
	}

	private Integer count(int line, String field, String value) {
		String text = value.strip();
		if (text.isEmpty()) {
			errors.add(line, field, "traffic.imports.required");
			return null;
		}
		if (!COUNT.matcher(text).matches()) {
			errors.add(line, field, "traffic.imports.count.invalid", text);
			return null;
		}
		return Integer.valueOf(text);
	}

	private BigDecimal amount(int line, String value) {
		String text = value.strip();
		if (text.isEmpty()) {
			return BigDecimal.ZERO.setScale(2);
		}
		if (AMOUNT.matcher(text).matches()) {
			return new BigDecimal(text).setScale(2);
		}
		if (NEGATIVE.matcher(text).matches()) {
			errors.add(line, "direct_loss", "traffic.imports.amount.negative");
		}
		else if (TOO_PRECISE.matcher(text).matches()) {
			errors.add(line, "direct_loss", "traffic.imports.amount.cents");
		}
		else {
			errors.add(line, "direct_loss", "traffic.imports.amount.invalid", text);
		}
		return null;
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
