package org.anning.indicators;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.anning.cases.CaseStatistics;
import org.anning.database.DaySelection;
import org.anning.units.Organisation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The per-day, per-unit rollups the indicators are answered from, one table per source of records (cases, service
 * hall, mediation, …) and one for homicides by the day they happened and the day they were cleared. A change to
 * a record recomputes, from the records, exactly the units and days that record counts on; a bulk load recomputes
 * its units over its span of days; a rebuild recomputes everything. Each recomputation replaces the rows it covers
 * under a lock on the unit, taken after the change it follows was committed, so the last writer always saw every
 * committed record.
 */
@Service
@Transactional
class Rollups {

	/** First key of the advisory locks taken on units while their rollup rows are replaced. */
	private static final int LOCK_SPACE = 0x526f6c6c;

	private final JdbcClient jdbc;

	private final List<DailySource> sources;

	private final CaseStatistics cases;

	private final Organisation organisation;

	private final String both;

	Rollups(JdbcClient jdbc, List<DailySource> sources, CaseStatistics cases, Organisation organisation) {
		this.jdbc = jdbc;
		this.sources = List.copyOf(sources);
		this.cases = cases;
		this.organisation = organisation;
		this.both = both(this.sources);
	}

	List<DailySource> sources() {
		return sources;
	}

	// ---- Keeping current

	/** Recomputes the days a record of the source counts on now, and these other days of its unit too. */
	void changed(DailySource source, UUID record, UUID unit, Collection<LocalDate> alsoDays) {
		Map<UUID, Set<LocalDate>> days = new HashMap<>();
		if (record != null) {
			source.touched(record).forEach((u, d) -> days.computeIfAbsent(u, x -> new TreeSet<>()).addAll(d));
		}
		if (unit != null && !alsoDays.isEmpty()) {
			days.computeIfAbsent(unit, x -> new TreeSet<>()).addAll(alsoDays);
		}
		lock(days.keySet());
		days.forEach((u, d) -> replace(source, DaySelection.days(u, d)));
	}

	/** Recomputes the days the case counts on, and its unit's homicides of the day it happened. */
	void caseChanged(CaseSource source, UUID caseId) {
		cases.days(caseId).ifPresent(days -> {
			lock(List.of(days.unit()));
			replace(source, DaySelection.days(days.unit(), days.days()));
			jdbc.sql("DELETE FROM rollup_homicide WHERE unit_id = ? AND occurred_on = ?")
				.params(days.unit(), days.occurredOn())
				.update();
			cases.homicides(days.unit(), days.occurredOn()).forEach(this::insert);
		});
	}

	/** Recomputes a source's rollups of these units over {@code [from, to]} (after a bulk load). */
	void loaded(DailySource source, Collection<UUID> units, LocalDate from, LocalDate to) {
		if (units.isEmpty() || from == null || to == null) {
			return;
		}
		lock(units);
		replace(source, DaySelection.span(units, from, to));
		if (source instanceof CaseSource) {
			jdbc.sql("DELETE FROM rollup_homicide WHERE unit_id = ANY(?) AND occurred_on BETWEEN ? AND ?")
				.params(units.toArray(UUID[]::new), from, to)
				.update();
			cases.homicides(units, from, to, this::insert);
		}
	}

	/** Throws a source's rollup rows away and computes them all again from the records; returns the rows written. */
	long rebuild(DailySource source) {
		lock(organisation.all().stream().map(u -> u.id().value()).toList());
		long written = replace(source, DaySelection.all());
		if (source instanceof CaseSource) {
			jdbc.sql("DELETE FROM rollup_homicide").update();
			long[] homicides = { 0 };
			cases.homicides(null, null, null, h -> {
				insert(h);
				homicides[0]++;
			});
			written += homicides[0];
		}
		jdbc.sql("""
				INSERT INTO rollup_rebuild (rollup, rebuilt_at, rows_written) VALUES (?, ?, ?)
				ON CONFLICT (rollup) DO UPDATE SET rebuilt_at = excluded.rebuilt_at, rows_written = excluded.rows_written
				""").params(source.name(), Timestamp.from(Instant.now()), written).update();
		return written;
	}

	/** Rebuilds every source; returns the rows written. */
	long rebuild() {
		long written = 0;
		for (DailySource source : sources) {
			written += rebuild(source);
		}
		return written;
	}

	/** The sources whose rollups were never built on this database. */
	@Transactional(readOnly = true)
	List<DailySource> neverBuilt() {
		Set<String> built = new java.util.HashSet<>(jdbc.sql("SELECT rollup FROM rollup_rebuild").query(String.class).list());
		return sources.stream().filter(s -> !built.contains(s.name())).toList();
	}

	// ---- Reading

	/** Every measure of the units for two periods (a period and its comparison), read in one round trip. */
	record Both(Map<String, BigDecimal> now, Map<String, BigDecimal> then) {
	}

	@Transactional(readOnly = true)
	Both figures(Collection<UUID> units, LocalDate from, LocalDate to, LocalDate thenFrom, LocalDate thenTo) {
		return jdbc.sql(both)
			.param("u", units.toArray(UUID[]::new))
			.param("f1", from).param("t1", to).param("f2", thenFrom).param("t2", thenTo)
			.query((rs, n) -> new Both(read(rs, 1), read(rs, 2)))
			.single();
	}

	private Map<String, BigDecimal> read(ResultSet rs, int period) throws SQLException {
		Map<String, BigDecimal> m = new HashMap<>();
		for (DailySource source : sources) {
			for (String column : source.columns()) {
				m.put(source.name() + "." + column, rs.getBigDecimal(source.name() + "_" + column + period));
			}
		}
		m.put("homicide.registered", rs.getBigDecimal("h" + period));
		m.put("homicide.cleared", rs.getBigDecimal("hc" + period));
		return m;
	}

	/** One SELECT over every rollup table, each measure summed once per period. */
	private static String both(List<DailySource> sources) {
		StringBuilder sql = new StringBuilder("SELECT * FROM\n");
		for (DailySource source : sources) {
			sql.append("(SELECT ");
			for (int period = 1; period <= 2; period++) {
				for (String column : source.columns()) {
					if (period > 1 || !column.equals(source.columns().get(0))) {
						sql.append(", ");
					}
					sql.append("coalesce(sum(").append(column).append(") FILTER (WHERE day BETWEEN :f").append(period)
						.append(" AND :t").append(period).append("), 0) AS ").append(source.name()).append('_')
						.append(column).append(period);
				}
			}
			sql.append(" FROM ").append(source.table())
				.append(" WHERE unit_id = ANY(:u) AND (day BETWEEN :f1 AND :t1 OR day BETWEEN :f2 AND :t2)) ")
				.append("source_").append(source.name()).append(",\n");
		}
		return sql.append("""
				(SELECT coalesce(sum(cases) FILTER (WHERE occurred_on BETWEEN :f1 AND :t1), 0) AS h1,
				   coalesce(sum(cases) FILTER (WHERE occurred_on BETWEEN :f1 AND :t1 AND cleared_on <= :t1), 0) AS hc1,
				   coalesce(sum(cases) FILTER (WHERE occurred_on BETWEEN :f2 AND :t2), 0) AS h2,
				   coalesce(sum(cases) FILTER (WHERE occurred_on BETWEEN :f2 AND :t2 AND cleared_on <= :t2), 0) AS hc2
				 FROM rollup_homicide WHERE unit_id = ANY(:u)
				   AND (occurred_on BETWEEN :f1 AND :t1 OR occurred_on BETWEEN :f2 AND :t2)) homicide""").toString();
	}

	// ---- Writing

	/** Locks the units' rollup rows for this transaction, in one order everywhere so that lockers never deadlock. */
	private void lock(Collection<UUID> units) {
		for (UUID unit : new TreeSet<>(units)) {
			jdbc.sql("SELECT pg_advisory_xact_lock(?, hashtext(?))").params(LOCK_SPACE, unit.toString())
				.query((rs, n) -> 1)
				.list();
		}
	}

	/** Deletes the source's rows of the selection and writes them again from the records; returns the rows written. */
	private long replace(DailySource source, DaySelection selection) {
		selection.bind(jdbc.sql("DELETE FROM " + source.table() + " WHERE " + selection.where("unit_id", "day"))).update();
		List<DailySource.Day> batch = new ArrayList<>();
		long[] written = { 0 };
		source.days(selection, day -> {
			batch.add(day);
			if (batch.size() == 2_000) {
				written[0] += write(source, batch);
			}
		});
		written[0] += write(source, batch);
		return written[0];
	}

	private long write(DailySource source, List<DailySource.Day> days) {
		if (days.isEmpty()) {
			return 0;
		}
		List<String> columns = source.columns();
		StringBuilder sql = new StringBuilder("INSERT INTO ").append(source.table()).append(" (unit_id, day, ")
			.append(String.join(", ", columns)).append(") SELECT * FROM unnest(CAST(? AS uuid[]), CAST(? AS date[])");
		columns.forEach(c -> sql.append(", CAST(? AS numeric[])"));
		sql.append(")");
		Object[] params = new Object[columns.size() + 2];
		params[0] = days.stream().map(DailySource.Day::unit).toArray(UUID[]::new);
		params[1] = days.stream().map(d -> d.day().toString()).toArray(String[]::new);
		for (int c = 0; c < columns.size(); c++) {
			int column = c;
			params[c + 2] = days.stream().map(d -> d.values()[column].toPlainString()).toArray(String[]::new);
		}
		jdbc.sql(sql.toString()).params(params).update();
		int count = days.size();
		days.clear();
		return count;
	}

	private void insert(CaseStatistics.Homicides h) {
		jdbc.sql("INSERT INTO rollup_homicide (unit_id, occurred_on, cleared_on, cases) VALUES (?, ?, ?, ?)")
			.params(h.unit(), h.occurredOn(), h.clearedOn(), h.cases())
			.update();
	}
}
