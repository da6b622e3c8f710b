package org.anning.cases.imports;

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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.anning.audit.Actor;
import org.anning.audit.ActorKind;
import org.anning.audit.AuditAction;
import org.anning.audit.AuditEntry;
import org.anning.audit.AuditTrail;
import org.anning.audit.Outcome;
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
 * Imports historical records from CSV, whole or not at all. The file is read once as a stream: every line is
 * checked and the good ones are written, normalised, to a temporary file in COPY format. In one transaction the
 * rows are then copied into a temporary table, checked against the database (existing case numbers, duplicate
 * numbers in the file, events before their case occurred), and, if no line of the file is bad, merged into the
 * case tables with one statement each; otherwise the transaction rolls back and every bad line is reported.
 * Cases are merged by case number (a number already known updates that case); events by their identity (case,
 * type, date, amount or people), so importing a file twice adds nothing.
 */
@Service
class CaseImports {

	private static final Logger log = LoggerFactory.getLogger(CaseImports.class);

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final TransactionTemplate transactions;

	private final Organisation organisation;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CaseImports(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactionManager,
			Organisation organisation, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.transactions = new TransactionTemplate(transactionManager);
		this.organisation = organisation;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** Imports the file read from {@code body} for {@code actor}, reporting progress as it goes. */
	ImportResult run(InputStream body, ImportProgress progress, Actor actor) {
		UUID id = progress.id();
		ImportKind kind = progress.kind();
		jdbc.sql("INSERT INTO case_import (id, kind, started_at, account_id, outcome) VALUES (?, ?, ?, ?, 'RUNNING')")
			.params(id, kind.name(), OffsetDateTime.now(clock), account(actor))
			.update();
		Path rows = null;
		try {
			rows = Files.createTempFile("case-import-", ".copy");
			ImportErrors errors = check(body, progress, rows);
			progress.phase(ImportProgress.Phase.STORING);
			Path copy = rows;
			ImportResult result = transactions.execute(status -> {
				ImportResult stored = store(id, kind, copy, errors, actor);
				if (stored.rejected()) {
					status.setRollbackOnly();
				}
				return stored;
			});
			if (result.rejected()) {
				transactions.executeWithoutResult(status -> {
					finish(id, "REJECTED", null, null, result.errorLines());
					audit.record(AuditEntry.of(AuditAction.CREATE, "case-import", id)
						.outcome(Outcome.FAILED)
						.detail(kind.name().toLowerCase() + ": rejected, " + result.errorLines() + " bad lines")
						.by(actor));
				});
				progress.finish(result, ImportProgress.Phase.REJECTED);
			}
			else {
				progress.finish(result, ImportProgress.Phase.DONE);
			}
			return result;
		}
		catch (IOException e) {
			fail(id, progress, e);
			throw new UncheckedIOException(e);
		}
		catch (RuntimeException e) {
			fail(id, progress, e);
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

	/** Reads and checks every line, writing the good ones to {@code rows}. */
	private ImportErrors check(InputStream body, ImportProgress progress, Path rows) throws IOException {
		ImportErrors errors = new ImportErrors();
		Map<String, UUID> units = new HashMap<>();
		// Historical records may belong to units that have since been dissolved: any unit, active or not.
		for (Unit unit : organisation.all()) {
			units.put(unit.code(), unit.id().value());
		}
		Set<String> categories = new HashSet<>(jdbc.sql("SELECT code FROM case_category").query(String.class).list());
		LineChecks checks = new LineChecks(progress.kind(), units, categories, LocalDate.now(clock), errors);
		CsvRecords csv = new CsvRecords(progress.counting(body));
		try (Writer out = new BufferedWriter(Files.newBufferedWriter(rows, StandardCharsets.UTF_8), 1 << 16)) {
			if (!checks.header(csv.next())) {
				return errors;
			}
			CsvRecords.Row row;
			while ((row = csv.next()) != null) {
				checks.line(row, out);
				if ((row.line() & 1023) == 0) {
					progress.line(row.line());
				}
			}
			progress.line(csv.line());
		}
		catch (CharacterCodingException e) {
			errors.add(csv.line(), "line", "cases.imports.csv.encoding");
		}
		return errors;
	}

	/** Copies the rows, checks them against the database and merges them; inside the caller's transaction. */
	private ImportResult store(UUID id, ImportKind kind, Path rows, ImportErrors errors, Actor actor) {
		OffsetDateTime now = OffsetDateTime.now(clock);
		if (kind == ImportKind.CASES) {
			jdbc.sql("""
					CREATE TEMP TABLE case_import_row (line INTEGER NOT NULL, case_number VARCHAR(40) NOT NULL,
					  unit_id UUID NOT NULL, category_code VARCHAR(40) NOT NULL, occurred_on DATE NOT NULL,
					  registered_on DATE NOT NULL, cleared_on DATE, closed_on DATE, loss_amount NUMERIC(14,2) NOT NULL,
					  status VARCHAR(24) NOT NULL, search_tokens TEXT[] NOT NULL) ON COMMIT DROP""").update();
			copy("case_import_row", rows);
			check(errors, """
					SELECT line, 'case_number' AS field, 'cases.imports.number.duplicate' AS code, first AS arg,
					  count(*) OVER () AS total
					FROM (SELECT line, case_number, min(line) OVER (PARTITION BY case_number) AS first
					      FROM case_import_row) r
					WHERE line > first ORDER BY line""");
			// A case kept in Anning (registered at the desk) is Anning's record: an import may not rewrite it.
			check(errors, """
					SELECT r.line, 'case_number' AS field, 'cases.imports.number.deskCase' AS code, r.case_number AS arg,
					  count(*) OVER () AS total
					FROM case_import_row r JOIN case_file c ON c.case_number = r.case_number
					WHERE c.source <> 'IMPORT' ORDER BY r.line""");
		}
		else {
			jdbc.sql("""
					CREATE TEMP TABLE case_import_row (line INTEGER NOT NULL, case_number VARCHAR(40) NOT NULL,
					  event_type VARCHAR(16) NOT NULL, event_on DATE NOT NULL, amount NUMERIC(14,2), people INTEGER)
					  ON COMMIT DROP""").update();
			copy("case_import_row", rows);
			check(errors, """
					SELECT r.line, 'case_number' AS field, 'cases.imports.case.unknown' AS code, r.case_number AS arg,
					  count(*) OVER () AS total
					FROM case_import_row r LEFT JOIN case_file c ON c.case_number = r.case_number
					WHERE c.id IS NULL ORDER BY r.line""");
			check(errors, """
					SELECT r.line, 'event_on' AS field, 'cases.imports.event.beforeOccurred' AS code,
					  to_char(c.occurred_on, 'YYYY-MM-DD') AS arg, count(*) OVER () AS total
					FROM case_import_row r JOIN case_file c ON c.case_number = r.case_number
					WHERE r.event_on < c.occurred_on ORDER BY r.line""");
		}
		if (errors.any()) {
			int shown = errors.first().size();
			return new ImportResult(id, kind, 0, 0, errors.first(), errors.total() - shown, errors.lines());
		}
		Touched touched = touched(kind);
		int imported;
		int updated;
		if (kind == ImportKind.CASES) {
			// A known number updates its case, but only if something differs, so that a second import changes nothing.
			var counts = jdbc.sql("""
					WITH merged AS (
					  INSERT INTO case_file (id, case_number, unit_id, category_code, occurred_on, registered_on, status,
					    cleared_on, closed_on, loss_amount, source, created_at, updated_at, search_tokens)
					  SELECT gen_random_uuid(), r.case_number, r.unit_id, r.category_code, r.occurred_on, r.registered_on,
					    r.status, r.cleared_on, r.closed_on, r.loss_amount, 'IMPORT', :now, :now, r.search_tokens
					  FROM case_import_row r
					  ON CONFLICT (case_number) DO UPDATE SET unit_id = excluded.unit_id,
					    category_code = excluded.category_code, occurred_on = excluded.occurred_on,
					    registered_on = excluded.registered_on, status = excluded.status, cleared_on = excluded.cleared_on,
					    closed_on = excluded.closed_on, loss_amount = excluded.loss_amount, updated_at = excluded.updated_at,
					    version = case_file.version + 1
					  WHERE case_file.source = 'IMPORT' AND (case_file.unit_id, case_file.category_code, case_file.occurred_on, case_file.registered_on,
					         case_file.status, case_file.cleared_on, case_file.closed_on, case_file.loss_amount)
					    IS DISTINCT FROM (excluded.unit_id, excluded.category_code, excluded.occurred_on,
					         excluded.registered_on, excluded.status, excluded.cleared_on, excluded.closed_on,
					         excluded.loss_amount)
					  RETURNING (xmax = 0) AS inserted)
					SELECT count(*) FILTER (WHERE inserted) AS imported, count(*) FILTER (WHERE NOT inserted) AS updated
					FROM merged""").param("now", now).query((rs, n) -> new int[] { rs.getInt(1), rs.getInt(2) }).single();
			imported = counts[0];
			updated = counts[1];
		}
		else {
			// Events are never changed, only added: a line already stored (same identity) is left as it is.
			imported = jdbc.sql("""
					WITH added AS (
					  INSERT INTO case_event (id, case_id, event_type, event_on, amount, people, source, created_at, created_by)
					  SELECT gen_random_uuid(), c.id, r.event_type, r.event_on, r.amount, r.people, 'IMPORT', :now, :by
					  FROM case_import_row r JOIN case_file c ON c.case_number = r.case_number
					  ON CONFLICT DO NOTHING
					  RETURNING 1)
					SELECT count(*) FROM added""").param("now", now).param("by", account(actor)).query(Integer.class).single();
			updated = 0;
		}
		finish(id, "DONE", imported, updated, 0);
		String what = kind == ImportKind.CASES ? "cases" : "case events";
		audit.record(AuditEntry.of(AuditAction.CREATE, "case-import", id)
			.detail(what + ": " + imported + " imported, " + updated + " updated")
			.by(actor));
		events.publishEvent(new org.anning.cases.Events.CasesImported(id, kind.name(), imported, updated,
				touched.units(), touched.from(), touched.to()));
		return new ImportResult(id, kind, imported, updated, List.of(), 0, 0);
	}

	/** The units and the span of days the rows may change, as the records are now and as they will be. */
	private record Touched(java.util.Set<UUID> units, java.time.LocalDate from, java.time.LocalDate to) {
	}

	private Touched touched(ImportKind kind) {
		String sql = kind == ImportKind.CASES ? """
				SELECT array_agg(DISTINCT unit_id)::text[], min(lo), max(hi) FROM (
				  SELECT r.unit_id, least(r.occurred_on, r.registered_on, r.cleared_on) AS lo,
				    greatest(r.occurred_on, r.registered_on, r.cleared_on) AS hi FROM case_import_row r
				  UNION ALL
				  SELECT c.unit_id, least(c.occurred_on, c.registered_on, c.cleared_on),
				    greatest(c.occurred_on, c.registered_on, c.cleared_on)
				  FROM case_import_row r JOIN case_file c ON c.case_number = r.case_number
				  UNION ALL
				  SELECT r.unit_id, min(e.event_on), max(e.event_on)
				  FROM case_import_row r JOIN case_file c ON c.case_number = r.case_number
				  JOIN case_event e ON e.case_id = c.id GROUP BY r.unit_id) t""" : """
				SELECT array_agg(DISTINCT c.unit_id)::text[], min(r.event_on), max(r.event_on)
				FROM case_import_row r JOIN case_file c ON c.case_number = r.case_number""";
		return jdbc.sql(sql).query((rs, n) -> {
			java.sql.Array units = rs.getArray(1);
			java.util.Set<UUID> ids = new java.util.TreeSet<>();
			if (units != null) {
				for (String unit : (String[]) units.getArray()) {
					ids.add(UUID.fromString(unit));
				}
			}
			java.sql.Date from = rs.getDate(2);
			java.sql.Date to = rs.getDate(3);
			return new Touched(ids, from == null ? null : from.toLocalDate(), to == null ? null : to.toLocalDate());
		}).single();
	}

	/** Adds the database check's errors: (line, field, code, arg, total), the first rows of it only. */
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
				UPDATE case_import SET finished_at = ?, outcome = ?, imported = ?, updated = ?, error_lines = ?
				WHERE id = ?""").params(OffsetDateTime.now(clock), outcome, imported, updated, errorLines, id).update();
	}

	private void fail(UUID id, ImportProgress progress, Exception e) {
		log.error("Import {} failed", id, e);
		progress.failed();
		try {
			finish(id, "FAILED", null, null, 0);
		}
		catch (RuntimeException again) {
			log.warn("Could not record the failure of import {}", id, again);
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
