package org.anning.traffic.imports;

import org.anning.web.CsvRecords;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import javax.sql.DataSource;

import org.anning.audit.Actor;
import org.anning.audit.ActorKind;
import org.anning.audit.AuditAction;
import org.anning.audit.AuditEntry;
import org.anning.audit.AuditTrail;
import org.anning.audit.Outcome;
import org.anning.traffic.Accidents;
import org.anning.traffic.Events;
import org.anning.units.Organisation;
import org.anning.units.Unit;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports historical accidents from CSV, whole or not at all, as the case import does. The file is read once as a
 * stream: every line is checked and the good ones are written, normalised, to a temporary file in COPY format. In
 * one transaction the rows are copied into a temporary table, checked against the database (numbers repeated in
 * the file, accidents kept at the desk), and, if no line is bad, merged by accident number (a number already
 * imported updates that accident, only if something differs, so importing a file twice changes nothing); otherwise
 * the transaction rolls back and every bad line is reported. New accidents within 200 m and 2 hours of another are
 * flagged for the duplicate review.
 */
@Service
public class AccidentImports {

	private static final Logger log = LoggerFactory.getLogger(AccidentImports.class);

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final TransactionTemplate transactions;

	private final Organisation organisation;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	AccidentImports(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactionManager,
			Organisation organisation, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.transactions = new TransactionTemplate(transactionManager);
		this.organisation = organisation;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** Imports the file read from {@code body} for {@code actor}. */
	public ImportResult run(InputStream body, Actor actor) {
		UUID id = UUID.randomUUID();
		jdbc.sql("INSERT INTO accident_import (id, started_at, account_id, outcome) VALUES (?, ?, ?, 'RUNNING')")
			.params(id, OffsetDateTime.now(clock), account(actor))
			.update();
		Path rows = null;
		try {
			rows = Files.createTempFile("accident-import-", ".copy");
			ImportErrors errors = check(body, rows);
			Path copy = rows;
			ImportResult result = transactions.execute(status -> {
				ImportResult stored = store(id, copy, errors, actor);
				if (stored.rejected()) {
					status.setRollbackOnly();
				}
				return stored;
			});
			if (result.rejected()) {
				transactions.executeWithoutResult(status -> {
					finish(id, "REJECTED", null, null, result.errorLines());
					audit.record(AuditEntry.of(AuditAction.CREATE, "accident-import", id)
						.outcome(Outcome.FAILED)
						.detail("accidents: rejected, " + result.errorLines() + " bad lines")
						.by(actor));
				});
			}
			return result;
		}
		catch (IOException e) {
			fail(id, e);
			throw new UncheckedIOException(e);
		}
		catch (RuntimeException e) {
			fail(id, e);
			throw e;
		}
		finally {
			if (rows != null) {
				try {
					Files.deleteIfExists(rows);
				}
				catch (IOException e) {
					log.warn("Could not delete {}", rows);
				}
			}
		}
	}

	private ImportErrors check(InputStream body, Path rows) throws IOException {
		ImportErrors errors = new ImportErrors();
		Map<String, UUID> units = new HashMap<>();
		// Historical records may belong to units that have since been dissolved: any unit, active or not.
		for (Unit unit : organisation.all()) {
			units.put(unit.code(), unit.id().value());
		}
		var checks = new AccidentLineChecks(units, clock.getZone(), clock.instant(), errors);
		CsvRecords csv = new CsvRecords(body);
		try (Writer out = new BufferedWriter(Files.newBufferedWriter(rows, StandardCharsets.UTF_8), 1 << 16)) {
			if (!checks.header(csv.next())) {
				return errors;
			}
			CsvRecords.Row row;
			while ((row = csv.next()) != null) {
				checks.line(row, out);
			}
		}
		catch (CharacterCodingException e) {
			errors.add(csv.line(), "line", "traffic.imports.csv.encoding");
		}
		return errors;
	}

	private ImportResult store(UUID id, Path rows, ImportErrors errors, Actor actor) {
		OffsetDateTime now = OffsetDateTime.now(clock);
		jdbc.sql("""
				CREATE TEMP TABLE accident_import_row (line INTEGER NOT NULL, accident_number VARCHAR(40) NOT NULL,
				  unit_id UUID NOT NULL, occurred_at TIMESTAMPTZ NOT NULL, occurred_on DATE NOT NULL,
				  latitude NUMERIC(9,6) NOT NULL, longitude NUMERIC(9,6) NOT NULL, road VARCHAR(100),
				  km_marker NUMERIC(9,3), deaths INTEGER NOT NULL, serious_injuries INTEGER NOT NULL,
				  minor_injuries INTEGER NOT NULL, direct_loss NUMERIC(16,2) NOT NULL, causes VARCHAR(30)[] NOT NULL,
				  grade VARCHAR(24) NOT NULL) ON COMMIT DROP""").update();
		copy("accident_import_row", rows);
		check(errors, """
				SELECT line, 'accident_number' AS field, 'traffic.imports.number.duplicate' AS code, first AS arg,
				  count(*) OVER () AS total
				FROM (SELECT line, accident_number, min(line) OVER (PARTITION BY accident_number) AS first
				      FROM accident_import_row) r
				WHERE line > first ORDER BY line""");
		// An accident kept in Anning (recorded at the desk) is Anning's record: an import may not rewrite it.
		check(errors, """
				SELECT r.line, 'accident_number' AS field, 'traffic.imports.number.deskAccident' AS code,
				  r.accident_number AS arg, count(*) OVER () AS total
				FROM accident_import_row r JOIN accident a ON a.accident_number = r.accident_number
				WHERE a.source <> 'IMPORT' ORDER BY r.line""");
		if (errors.any()) {
			int shown = errors.first().size();
			return new ImportResult(id, 0, 0, errors.first(), errors.total() - shown, errors.lines());
		}
		Touched touched = touched();
		jdbc.sql("CREATE TEMP TABLE accident_import_merged (id UUID NOT NULL, inserted BOOLEAN NOT NULL) ON COMMIT DROP")
			.update();
		jdbc.sql("""
				WITH merged AS (
				  INSERT INTO accident (id, accident_number, unit_id, occurred_at, occurred_on, road, km_marker, latitude,
				    longitude, deaths, deaths_within_7_days, serious_injuries, minor_injuries, direct_loss, causes, grade,
				    source, created_at, updated_at)
				  SELECT gen_random_uuid(), r.accident_number, r.unit_id, r.occurred_at, r.occurred_on, r.road,
				    r.km_marker, r.latitude, r.longitude, r.deaths, r.deaths, r.serious_injuries, r.minor_injuries,
				    r.direct_loss, r.causes, r.grade, 'IMPORT', :now, :now
				  FROM accident_import_row r
				  ON CONFLICT (accident_number) DO UPDATE SET unit_id = excluded.unit_id,
				    occurred_at = excluded.occurred_at, occurred_on = excluded.occurred_on, road = excluded.road,
				    km_marker = excluded.km_marker, latitude = excluded.latitude, longitude = excluded.longitude,
				    deaths = excluded.deaths, deaths_within_7_days = excluded.deaths_within_7_days,
				    serious_injuries = excluded.serious_injuries, minor_injuries = excluded.minor_injuries,
				    direct_loss = excluded.direct_loss, causes = excluded.causes, grade = excluded.grade,
				    updated_at = excluded.updated_at, version = accident.version + 1
				  WHERE accident.source = 'IMPORT' AND (accident.unit_id, accident.occurred_at, accident.road,
				      accident.km_marker, accident.latitude, accident.longitude, accident.deaths, accident.serious_injuries,
				      accident.minor_injuries, accident.direct_loss, accident.causes)
				    IS DISTINCT FROM (excluded.unit_id, excluded.occurred_at, excluded.road, excluded.km_marker,
				      excluded.latitude, excluded.longitude, excluded.deaths, excluded.serious_injuries,
				      excluded.minor_injuries, excluded.direct_loss, excluded.causes)
				  RETURNING id, (xmax = 0) AS inserted)
				INSERT INTO accident_import_merged SELECT id, inserted FROM merged""").param("now", now).update();
		int[] counts = jdbc.sql("""
				SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM accident_import_merged""")
			.query((rs, n) -> new int[] { rs.getInt(1), rs.getInt(2) }).single();
		// New accidents near another (in time and place) go to the duplicate review; of two new ones, the later.
		jdbc.sql("""
				UPDATE accident a SET duplicate_status = 'FLAGGED', duplicate_of = (
				  SELECT o.id FROM accident o
				  WHERE o.occurred_at BETWEEN a.occurred_at - (:hours * INTERVAL '1 hour') AND a.occurred_at + (:hours * INTERVAL '1 hour') AND o.id <> a.id
				    AND o.duplicate_status IS DISTINCT FROM 'MERGED'
				    AND o.latitude BETWEEN a.latitude - 0.01 AND a.latitude + 0.01
				    AND traffic_distance_m(o.latitude, o.longitude, a.latitude, a.longitude) <= :metres
				    AND (NOT EXISTS (SELECT 1 FROM accident_import_merged m WHERE m.id = o.id AND m.inserted)
				         OR (o.occurred_at, o.accident_number) < (a.occurred_at, a.accident_number))
				  ORDER BY traffic_distance_m(o.latitude, o.longitude, a.latitude, a.longitude), o.occurred_at LIMIT 1)
				FROM accident_import_merged m
				WHERE m.id = a.id AND m.inserted AND a.duplicate_status IS NULL AND EXISTS (
				  SELECT 1 FROM accident o
				  WHERE o.occurred_at BETWEEN a.occurred_at - (:hours * INTERVAL '1 hour') AND a.occurred_at + (:hours * INTERVAL '1 hour') AND o.id <> a.id
				    AND o.duplicate_status IS DISTINCT FROM 'MERGED'
				    AND o.latitude BETWEEN a.latitude - 0.01 AND a.latitude + 0.01
				    AND traffic_distance_m(o.latitude, o.longitude, a.latitude, a.longitude) <= :metres
				    AND (NOT EXISTS (SELECT 1 FROM accident_import_merged n WHERE n.id = o.id AND n.inserted)
				         OR (o.occurred_at, o.accident_number) < (a.occurred_at, a.accident_number)))""")
			.param("hours", (int) Accidents.DUPLICATE_WINDOW.toHours())
			.param("metres", Accidents.DUPLICATE_METRES)
			.update();
		finish(id, "DONE", counts[0], counts[1], 0);
		audit.record(AuditEntry.of(AuditAction.CREATE, "accident-import", id)
			.detail("accidents: " + counts[0] + " imported, " + counts[1] + " updated")
			.by(actor));
		events.publishEvent(new Events.AccidentsImported(id, touched.units(), touched.from(), touched.to()));
		return new ImportResult(id, counts[0], counts[1], List.of(), 0, 0);
	}

	/** The units and the span of days the rows may change, as the records are now and as they will be. */
	private record Touched(Set<UUID> units, LocalDate from, LocalDate to) {
	}

	private Touched touched() {
		return jdbc.sql("""
				SELECT array_agg(DISTINCT unit_id)::text[], min(occurred_on), max(occurred_on) FROM (
				  SELECT r.unit_id, r.occurred_on FROM accident_import_row r
				  UNION ALL
				  SELECT a.unit_id, a.occurred_on FROM accident_import_row r
				  JOIN accident a ON a.accident_number = r.accident_number) t""")
			.query((rs, n) -> {
				java.sql.Array array = rs.getArray(1);
				Set<UUID> ids = new TreeSet<>();
				if (array != null) {
					for (String unit : (String[]) array.getArray()) {
						ids.add(UUID.fromString(unit));
					}
				}
				java.sql.Date from = rs.getDate(2);
				java.sql.Date to = rs.getDate(3);
				return new Touched(ids, from == null ? null : from.toLocalDate(), to == null ? null : to.toLocalDate());
			}).single();
	}

	private void check(ImportErrors errors, String sql) {
		int[] total = { 0 };
		List<LineError> found = jdbc.sql(sql + " LIMIT " + ImportResult.MAX_ERRORS).query((rs, n) -> {
			total[0] = rs.getInt("total");
			return new LineError(rs.getInt("line"), rs.getString("field"), rs.getString("code"), rs.getString("arg"));
		}).list();
		errors.addChecked(found, total[0], total[0]);
	}

	private void copy(String table, Path rows) {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try (Reader in = Files.newBufferedReader(rows, StandardCharsets.UTF_8)) {
			connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " FROM STDIN", in, 1 << 16);
		}
		catch (SQLException e) {
			throw new IllegalStateException("COPY into " + table + " failed", e);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	private void finish(UUID id, String outcome, Integer imported, Integer updated, int errorLines) {
		jdbc.sql("""
				UPDATE accident_import SET finished_at = ?, outcome = ?, imported = ?, updated = ?, error_lines = ?
				WHERE id = ?""").params(OffsetDateTime.now(clock), outcome, imported, updated, errorLines, id).update();
	}

	private void fail(UUID id, Exception e) {
		log.error("Accident import {} failed", id, e);
		try {
			finish(id, "FAILED", null, null, 0);
		}
		catch (RuntimeException again) {
			log.warn("Could not record the failure of accident import {}", id, again);
		}
	}

	private static UUID account(Actor actor) {
		if (actor.kind() != ActorKind.STAFF || actor.id() == null) {
			return null;
		}
		try {
			return UUID.fromString(actor.id());
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}
}
