package org.anning.indicators;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.anning.database.DaySelection;

/**
 * A module whose records the indicators count per unit and day: the rollup table that keeps its figures, the
 * measures (columns) it has, how to compute them from the records for any selection of units and days, which
 * units and days one record counts on, and the same measures computed directly over a period.
 */
interface DailySource {

	/** The prefix of this source's measures, as in {@code case.registered}. */
	String name();

	String table();

	/** The measure columns of the table, in the order of {@link Day#values()}. */
	List<String> columns();

	/** The figures per unit and day of the selection, computed from the records. */
	void days(DaySelection selection, Consumer<Day> sink);

	/** The units and days a record (by its id) counts on now. */
	Map<UUID, Set<LocalDate>> touched(UUID record);

	/** Every measure over {@code [from, to]} computed straight from the records, keyed {@code name.column}. */
	Map<String, BigDecimal> direct(Collection<UUID> units, LocalDate from, LocalDate to);

	/** One unit's figures for one day. */
	record Day(UUID unit, LocalDate day, BigDecimal... values) {
	}

	static BigDecimal n(long value) {
		return BigDecimal.valueOf(value);
	}
}
