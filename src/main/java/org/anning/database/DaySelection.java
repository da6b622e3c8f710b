package org.anning.database;

import java.time.LocalDate;
import java.util.Collection;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which units and days a per-day figure query covers: some units or all (null), a span of days with open ends
 * (null), and optionally exactly these days. Modules that keep records by unit and day use it to answer the
 * indicators' rollups with one SQL condition, bound by name ({@code :u}, {@code :from}, {@code :to}, {@code :days}).
 */
public record DaySelection(Collection<UUID> units, LocalDate from, LocalDate to, Collection<LocalDate> only) {

	/** Every day of every unit. */
	public static DaySelection all() {
		return new DaySelection(null, null, null, null);
	}

	/** The days of {@code [from, to]} (open ends when null) of these units (all when null). */
	public static DaySelection span(Collection<UUID> units, LocalDate from, LocalDate to) {
		return new DaySelection(units, from, to, null);
	}

	/** Exactly these days of one unit. */
	public static DaySelection days(UUID unit, Collection<LocalDate> days) {
		return new DaySelection(java.util.List.of(unit), null, null, days);
	}

	/** The SQL condition on a unit column and a day column (a date, or a date expression). */
	public String where(String unitColumn, String dayColumn) {
		StringBuilder where = new StringBuilder("(").append(dayColumn).append(") IS NOT NULL");
		if (units != null) {
			where.append(" AND ").append(unitColumn).append(" = ANY(:u)");
		}
		if (from != null) {
			where.append(" AND (").append(dayColumn).append(") >= :from");
		}
		if (to != null) {
			where.append(" AND (").append(dayColumn).append(") <= :to");
		}
		if (only != null) {
			where.append(" AND (").append(dayColumn).append(") = ANY(CAST(:days AS date[]))");
		}
		return where.toString();
	}

	/** Binds the parameters {@link #where} refers to. */
	public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
		if (units != null) {
			spec = spec.param("u", units.toArray(UUID[]::new));
		}
		if (from != null) {
			spec = spec.param("from", from);
		}
		if (to != null) {
			spec = spec.param("to", to);
		}
		if (only != null) {
			spec = spec.param("days", only.stream().map(LocalDate::toString).toArray(String[]::new));
		}
		return spec;
	}

	/** Nothing to select: exactly no days. */
	public boolean empty() {
		return only != null && only.isEmpty();
	}
}
