package org.anning.indicators;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.anning.cases.CaseStatistics;
import org.anning.services.ServiceStatistics;
import org.anning.units.Organisation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The per-day, per-unit rollups the indicators are answered from. A change to a record recomputes, from the
 * records, exactly the unit and days that record counts on; a bulk load recomputes its units over its span of
 * days; a rebuild recomputes everything. Each recomputation replaces the rows it covers under a lock on the unit,
 * taken after the change it follows was committed, so the last writer always saw every committed record.
 */
@Service
@Transactional
class Rollups {

	/** First key of the advisory locks taken on units while their rollup rows are replaced. */
	private static final int LOCK_SPACE = 0x526f6c6c;

	private final JdbcClient jdbc;

	private final CaseStatistics cases;

	private final ServiceStatistics services;

	private final Organisation organisation;

	Rollups(JdbcClient jdbc, CaseStatistics cases, ServiceStatistics services, Organisation organisation) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.services = services;
		this.organisation = organisation;
	}

	// ---- Keeping current

	/** Recomputes the days the case counts on (it may have been registered, cleared, amended or given an event). */
	void caseChanged(UUID caseId) {
		cases.days(caseId).ifPresent(days -> {
			lock(List.of(days.unit()));
			replaceCaseDays(days.unit(), days.days());
			jdbc.sql("DELETE FROM rollup_homicide WHERE unit_id = ? AND occurred_on = ?")
				.params(days.unit(), days.occurredOn())
				.update();
			cases.homicides(days.unit(), days.occurredOn()).forEach(this::insert);
		});
	}

	/** Recomputes the days the application counts on (it may have closed, been rated or had its rating answered). */
	void applicationChanged(UUID application) {
		var days = services.days(application);
		lock(days.keySet());
		days.forEach((unit, on) -> {
			jdbc.sql("DELETE FROM rollup_service_day WHERE unit_id = ? AND day = ANY(CAST(? AS date[]))")
				.params(unit, on.stream().map(LocalDate::toString).toArray(String[]::new))
				.update();
			services.days(unit, on).forEach(this::insert);
		});
	}

	/** Recomputes the case rollups of these units over {@code [from, to]} (after a bulk load). */
	void casesLoaded(Collection<UUID> units, LocalDate from, LocalDate to) {
		if (units.isEmpty() || from == null || to == null) {
			return;
		}
		lock(units);
		UUID[] ids = units.toArray(UUID[]::new);
		jdbc.sql("DELETE FROM rollup_case_day WHERE unit_id = ANY(?) AND day BETWEEN ? AND ?").params(ids, from, to)
			.update();
		jdbc.sql("DELETE FROM rollup_homicide WHERE unit_id = ANY(?) AND occurred_on BETWEEN ? AND ?")
			.params(ids, from, to)
			.update();
		Batch batch = new Batch();
		cases.days(units, from, to, batch::add);
		cases.homicides(units, from, to, batch::add);
		batch.flush();
	}

	/** Recomputes the service-hall rollups of these units over {@code [from, to]} (after a bulk load). */
	void applicationsLoaded(Collection<UUID> units, LocalDate from, LocalDate to) {
		if (units.isEmpty() || from == null || to == null) {
			return;
		}
		lock(units);
		jdbc.sql("DELETE FROM rollup_service_day WHERE unit_id = ANY(?) AND day BETWEEN ? AND ?")
			.params(units.toArray(UUID[]::new), from, to)
			.update();
		Batch batch = new Batch();
		services.days(units, from, to, batch::add);
		batch.flush();
	}

	/** Throws every rollup row away and computes them all again from the records; returns the rows written. */
	long rebuild() {
		lock(organisation.all().stream().map(u -> u.id().value()).toList());
		jdbc.sql("DELETE FROM rollup_case_day").update();
		jdbc.sql("DELETE FROM rollup_homicide").update();
		jdbc.sql("DELETE FROM rollup_service_day").update();
		Batch batch = new Batch();
		cases.days(null, null, null, batch::add);
		cases.homicides(null, null, null, batch::add);
		services.days(null, null, null, batch::add);
		batch.flush();
		jdbc.sql("""
				INSERT INTO rollup_rebuild (rollup, rebuilt_at, rows_written) VALUES ('all', ?, ?)
				ON CONFLICT (rollup) DO UPDATE SET rebuilt_at = excluded.rebuilt_at, rows_written = excluded.rows_written
				""").params(Timestamp.from(Instant.now()), batch.written).update();
		return batch.written;
	}

	// ---- Reading

	/** The figures of the units for two periods (the period and its comparison), read in one round trip. */
	record Both(CaseStatistics.Figures cases, ServiceStatistics.Figures services, CaseStatistics.Figures casesThen,
			ServiceStatistics.Figures servicesThen) {
	}

	private static final String[] CASE_SUMS = { "registered", "cleared", "fraud_registered", "fraud_cleared",
			"fraud_apprehended", "fraud_stop_paid", "fraud_frozen", "fraud_returned", "fraud_loss" };

	private static final String[] SERVICE_SUMS = { "closed", "closed_on_time", "decided_working_days", "decided",
			"ratings", "satisfied_ratings", "poor_ratings", "poor_rectified" };

	private static final String BOTH = both();

	private static String both() {
		StringBuilder sql = new StringBuilder("SELECT * FROM\n(SELECT ");
		sums(sql, CASE_SUMS, "day");
		sql.append(" FROM rollup_case_day WHERE unit_id = ANY(:u) AND (day BETWEEN :f1 AND :t1 OR day BETWEEN :f2 AND :t2)) c,\n")
			.append("(SELECT coalesce(sum(cases) FILTER (WHERE occurred_on BETWEEN :f1 AND :t1), 0) AS h1,")
			.append(" coalesce(sum(cases) FILTER (WHERE occurred_on BETWEEN :f1 AND :t1 AND cleared_on <= :t1), 0) AS hc1,")
			.append(" coalesce(sum(cases) FILTER (WHERE occurred_on BETWEEN :f2 AND :t2), 0) AS h2,")
			.append(" coalesce(sum(cases) FILTER (WHERE occurred_on BETWEEN :f2 AND :t2 AND cleared_on <= :t2), 0) AS hc2")
			.append(" FROM rollup_homicide WHERE unit_id = ANY(:u)")
			.append(" AND (occurred_on BETWEEN :f1 AND :t1 OR occurred_on BETWEEN :f2 AND :t2)) h,\n(SELECT ");
		sums(sql, SERVICE_SUMS, "day");
		sql.append(" FROM rollup_service_day WHERE unit_id = ANY(:u) AND (day BETWEEN :f1 AND :t1 OR day BETWEEN :f2 AND :t2)) s");
		return sql.toString();
	}

	private static void sums(StringBuilder sql, String[] columns, String day) {
		for (int period = 1; period <= 2; period++) {
			for (String column : columns) {
				if (period > 1 || column != columns[0]) {
					sql.append(", ");
				}
				sql.append("coalesce(sum(").append(column).append(") FILTER (WHERE ").append(day).append(" BETWEEN :f")
					.append(period).append(" AND :t").append(period).append("), 0) AS ").append(column).append(period);
			}
		}
	}

	@Transactional(readOnly = true)
	Both figures(Collection<UUID> units, LocalDate from, LocalDate to, LocalDate thenFrom, LocalDate thenTo) {
		return jdbc.sql(BOTH)
			.param("u", units.toArray(UUID[]::new))
			.param("f1", from).param("t1", to).param("f2", thenFrom).param("t2", thenTo)
			.query((rs, n) -> new Both(cases(rs, 1), services(rs, 1), cases(rs, 2), services(rs, 2)))
			.single();
	}

	private static CaseStatistics.Figures cases(java.sql.ResultSet rs, int period) throws java.sql.SQLException {
		return new CaseStatistics.Figures(rs.getLong("registered" + period), rs.getLong("cleared" + period),
				rs.getLong("fraud_registered" + period), rs.getLong("fraud_cleared" + period),
				rs.getLong("fraud_apprehended" + period), money(rs.getBigDecimal("fraud_stop_paid" + period)),
				money(rs.getBigDecimal("fraud_frozen" + period)), money(rs.getBigDecimal("fraud_returned" + period)),
				money(rs.getBigDecimal("fraud_loss" + period)), rs.getLong(period == 1 ? "h1" : "h2"),
				rs.getLong(period == 1 ? "hc1" : "hc2"));
	}

	private static ServiceStatistics.Figures services(java.sql.ResultSet rs, int period) throws java.sql.SQLException {
		return new ServiceStatistics.Figures(rs.getLong("closed" + period), rs.getLong("closed_on_time" + period),
				rs.getLong("decided_working_days" + period), rs.getLong("decided" + period), rs.getLong("ratings" + period),
				rs.getLong("satisfied_ratings" + period), rs.getLong("poor_ratings" + period),
				rs.getLong("poor_rectified" + period));
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

	private void replaceCaseDays(UUID unit, Set<LocalDate> days) {
		jdbc.sql("DELETE FROM rollup_case_day WHERE unit_id = ? AND day = ANY(CAST(? AS date[]))")
			.params(unit, days.stream().map(LocalDate::toString).toArray(String[]::new))
			.update();
		cases.days(unit, days).forEach(this::insert);
	}

	private void insert(CaseStatistics.Day d) {
		jdbc.sql("""
				INSERT INTO rollup_case_day (unit_id, day, registered, cleared, fraud_registered, fraud_cleared,
				  fraud_apprehended, fraud_stop_paid, fraud_frozen, fraud_returned, fraud_loss)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(d.unit(), d.day(), d.registered(), d.cleared(), d.fraudRegistered(), d.fraudCleared(),
					d.fraudApprehended(), d.fraudStopPaid(), d.fraudFrozen(), d.fraudReturned(), d.fraudLoss())
			.update();
	}

	private void insert(CaseStatistics.Homicides h) {
		jdbc.sql("INSERT INTO rollup_homicide (unit_id, occurred_on, cleared_on, cases) VALUES (?, ?, ?, ?)")
			.params(h.unit(), h.occurredOn(), h.clearedOn(), h.cases())
			.update();
	}

	private void insert(ServiceStatistics.Day d) {
		jdbc.sql("""
				INSERT INTO rollup_service_day (unit_id, day, closed, closed_on_time, decided, decided_working_days,
				  ratings, satisfied_ratings, poor_ratings, poor_rectified)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(d.unit(), d.day(), d.closed(), d.closedOnTime(), d.decided(), d.decidedWorkingDays(), d.ratings(),
					d.satisfiedRatings(), d.poorRatings(), d.poorRatingsRectifiedInTime())
			.update();
	}

	private static BigDecimal money(BigDecimal value) {
		return value.setScale(2, java.math.RoundingMode.UNNECESSARY);
	}

	/** Rows of a bulk recomputation, written a few thousand at a time. */
	private final class Batch {

		private final List<Object> rows = new ArrayList<>();

		long written;

		void add(Object row) {
			rows.add(row);
			if (rows.size() == 2_000) {
				flush();
			}
		}

		void flush() {
			if (rows.isEmpty()) {
				return;
			}
			List<CaseStatistics.Day> caseDays = new ArrayList<>();
			List<CaseStatistics.Homicides> homicides = new ArrayList<>();
			List<ServiceStatistics.Day> serviceDays = new ArrayList<>();
			for (Object row : rows) {
				if (row instanceof CaseStatistics.Day d) {
					caseDays.add(d);
				}
				else if (row instanceof CaseStatistics.Homicides h) {
					homicides.add(h);
				}
				else {
					serviceDays.add((ServiceStatistics.Day) row);
				}
			}
			copyCaseDays(caseDays);
			homicides.forEach(Rollups.this::insert);
			copyServiceDays(serviceDays);
			written += rows.size();
			rows.clear();
		}
	}

	private void copyCaseDays(List<CaseStatistics.Day> days) {
		if (days.isEmpty()) {
			return;
		}
		jdbc.sql("""
				INSERT INTO rollup_case_day (unit_id, day, registered, cleared, fraud_registered, fraud_cleared,
				  fraud_apprehended, fraud_stop_paid, fraud_frozen, fraud_returned, fraud_loss)
				SELECT * FROM unnest(CAST(? AS uuid[]), CAST(? AS date[]), CAST(? AS int[]), CAST(? AS int[]),
				  CAST(? AS int[]), CAST(? AS int[]), CAST(? AS bigint[]), CAST(? AS numeric[]), CAST(? AS numeric[]),
				  CAST(? AS numeric[]), CAST(? AS numeric[]))""")
			.params(days.stream().map(CaseStatistics.Day::unit).toArray(UUID[]::new),
					days.stream().map(d -> d.day().toString()).toArray(String[]::new),
					days.stream().map(d -> d.registered()).toArray(Long[]::new),
					days.stream().map(d -> d.cleared()).toArray(Long[]::new),
					days.stream().map(d -> d.fraudRegistered()).toArray(Long[]::new),
					days.stream().map(d -> d.fraudCleared()).toArray(Long[]::new),
					days.stream().map(d -> d.fraudApprehended()).toArray(Long[]::new),
					days.stream().map(d -> d.fraudStopPaid().toPlainString()).toArray(String[]::new),
					days.stream().map(d -> d.fraudFrozen().toPlainString()).toArray(String[]::new),
					days.stream().map(d -> d.fraudReturned().toPlainString()).toArray(String[]::new),
					days.stream().map(d -> d.fraudLoss().toPlainString()).toArray(String[]::new))
			.update();
	}

	private void copyServiceDays(List<ServiceStatistics.Day> days) {
		if (days.isEmpty()) {
			return;
		}
		jdbc.sql("""
				INSERT INTO rollup_service_day (unit_id, day, closed, closed_on_time, decided, decided_working_days,
				  ratings, satisfied_ratings, poor_ratings, poor_rectified)
				SELECT * FROM unnest(CAST(? AS uuid[]), CAST(? AS date[]), CAST(? AS int[]), CAST(? AS int[]),
				  CAST(? AS int[]), CAST(? AS bigint[]), CAST(? AS int[]), CAST(? AS int[]), CAST(? AS int[]),
				  CAST(? AS int[]))""")
			.params(days.stream().map(ServiceStatistics.Day::unit).toArray(UUID[]::new),
					days.stream().map(d -> d.day().toString()).toArray(String[]::new),
					days.stream().map(d -> d.closed()).toArray(Long[]::new),
					days.stream().map(d -> d.closedOnTime()).toArray(Long[]::new),
					days.stream().map(d -> d.decided()).toArray(Long[]::new),
					days.stream().map(d -> d.decidedWorkingDays()).toArray(Long[]::new),
					days.stream().map(d -> d.ratings()).toArray(Long[]::new),
					days.stream().map(d -> d.satisfiedRatings()).toArray(Long[]::new),
					days.stream().map(d -> d.poorRatings()).toArray(Long[]::new),
					days.stream().map(d -> d.poorRatingsRectifiedInTime()).toArray(Long[]::new))
			.update();
	}
}
