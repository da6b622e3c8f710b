package org.anning.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;

/**
 * Loads a backup into a database of the same Anning version, everything or nothing. First, before the database
 * is touched, every entry is checked against the manifest's SHA-256 and the manifest against its own; then, in
 * one transaction as the schema owner: the migrations must be those of the backup, every table is locked, a database
 * whose audit trail has entries refuses the restore unless {@code replace}, user triggers (the guards of
 * insert-only tables) are switched off, the tables are emptied and loaded parents first (foreign keys stay
 * checked), the sequences set, the triggers switched on again, and only then is the transaction committed.
 */
@Component
class DatabaseRestore {

	private final DataSource owner;

	DatabaseRestore(@FlywayDataSource DataSource owner) {
		this.owner = owner;
	}

	/** The table whose rows are the record of work done with Anning: a database with audit entries holds data. */
	static final Catalogue.Name WORK_RECORD = new Catalogue.Name("public", "audit_event");

	/** What was restored: rows by table, and the rows each table held before (now replaced). */
	record Restored(BackupManifest manifest, Map<String, Long> rows, Map<String, Long> replaced) {
	}

	Restored restore(Path file, boolean replace) throws IOException, SQLException {
		if (!Files.isRegularFile(file)) {
			throw new RestoreRefused("There is no backup file " + file.toAbsolutePath() + ".");
		}
		try (ZipFile zip = open(file)) {
			BackupManifest manifest = verified(zip, file);
			try (Connection connection = owner.getConnection()) {
				connection.setAutoCommit(false);
				try {
					Restored restored = load(zip, manifest, connection, replace);
					connection.commit();
					analyze(connection, manifest);
					return restored;
				}
				catch (IOException | SQLException | RuntimeException e) {
					connection.rollback();
					throw e;
				}
			}
		}
	}

	private static ZipFile open(Path file) {
		try {
			return new ZipFile(file.toFile());
		}
		catch (IOException e) {
			throw damaged(file, "it is not a readable zip file (" + e.getMessage() + ")", e);
		}
	}

	/** Checks the manifest and every entry before anything is written. */
	private static BackupManifest verified(ZipFile zip, Path file) {
		try {
			byte[] json = read(zip, BackupManifest.MANIFEST, file);
			String expected = new String(read(zip, BackupManifest.MANIFEST_SHA256, file), StandardCharsets.US_ASCII).trim()
				.split("\\s+")[0];
			if (!EntryDigest.sha256Hex(json).equals(expected)) {
				throw damaged(file, "its manifest does not match its SHA-256", null);
			}
			BackupManifest manifest = DatabaseBackup.JSON.readValue(json, BackupManifest.class);
			if (manifest.format() != BackupManifest.FORMAT) {
				throw new RestoreRefused("The backup " + file + " has format " + manifest.format() + "; this version of "
						+ "Anning reads format " + BackupManifest.FORMAT + ". Restore it with the Anning version that made it ("
						+ manifest.anningVersion() + ").");
			}
			Set<String> listed = new HashSet<>();
			for (BackupManifest.Table table : manifest.tables()) {
				listed.add(table.entry());
				ZipEntry entry = zip.getEntry(table.entry());
				if (entry == null) {
					throw damaged(file, "the entry " + table.entry() + " is missing", null);
				}
				EntryDigest digest;
				try (InputStream in = zip.getInputStream(entry)) {
					digest = EntryDigest.of(in);
				}
				if (digest.bytes() != table.bytes() || !digest.sha256Hex().equals(table.sha256())) {
					throw damaged(file, "the entry " + table.entry() + " does not match its SHA-256 in the manifest", null);
				}
			}
			var unlisted = zip.stream()
				.map(ZipEntry::getName)
				.filter(name -> !listed.contains(name) && !name.equals(BackupManifest.MANIFEST)
						&& !name.equals(BackupManifest.MANIFEST_SHA256))
				.toList();
			if (!unlisted.isEmpty()) {
				throw damaged(file, "it holds entries its manifest does not list: " + unlisted, null);
			}
			return manifest;
		}
		catch (ZipException e) {
			throw damaged(file, "an entry cannot be read (" + e.getMessage() + ")", e);
		}
		catch (JacksonException e) {
			throw damaged(file, "its manifest cannot be read (" + e.getOriginalMessage() + ")", e);
		}
		catch (IOException e) {
			throw damaged(file, e.getMessage(), e);
		}
	}

	private static byte[] read(ZipFile zip, String name, Path file) throws IOException {
		ZipEntry entry = zip.getEntry(name);
		if (entry == null) {
			throw damaged(file, "it has no " + name + " (is it an Anning backup?)", null);
		}
		try (InputStream in = zip.getInputStream(entry)) {
			return in.readAllBytes();
		}
	}

	private static RestoreRefused damaged(Path file, String why, Throwable cause) {
		return new RestoreRefused("The backup " + file + " is damaged: " + why
				+ ". Nothing was restored; use another copy of the backup.", cause);
	}

	private Restored load(ZipFile zip, BackupManifest manifest, Connection connection, boolean replace)
			throws IOException, SQLException {
		sameMigrations(manifest, Catalogue.migrations(connection));
		List<Catalogue.Name> tables = Catalogue.tables(connection);
		sameTables(manifest, tables);
		if (tables.isEmpty()) {
			throw new RestoreRefused("This database has no Anning tables: start this Anning version once against it, "
					+ "so that it migrates, then restore.");
		}
		String all = tables.stream().map(Catalogue.Name::qualified).collect(Collectors.joining(", "));
		// Nobody writes while the tables are compared, emptied and loaded.
		Catalogue.execute(connection, "LOCK TABLE " + all + " IN ACCESS EXCLUSIVE MODE");
		Map<String, BackupManifest.Table> backedUp = manifest.tables()
			.stream()
			.collect(Collectors.toMap(BackupManifest.Table::label, t -> t));
		Map<Catalogue.Name, Long> filled = new LinkedHashMap<>();
		for (Catalogue.Name table : tables) {
			long rows = Catalogue.count(connection, table.qualified());
			if (rows > 0) {
				filled.put(table, rows);
			}
		}
		// Anning fills some tables by itself at start-up (calendar, catalogue, demo data, job claims); those are
		// replaced. Work done with it is in the audit trail: every change is audited.
		long work = filled.getOrDefault(WORK_RECORD, 0L);
		if (work > 0 && !replace) {
			throw new RestoreRefused("The database already holds data: its audit trail (" + WORK_RECORD.label() + ") has "
					+ work + " entries. Restore into an empty database (a new one, migrated by starting this Anning "
					+ "version once; with the embedded database a new ANNING_DATA_DIR and ANNING_DEMO=false), or add "
					+ "--replace to replace everything in this database with the backup.");
		}
		List<Catalogue.Name> guarded = new ArrayList<>(Catalogue.withUserTriggers(connection));
		guarded.retainAll(tables);
		for (Catalogue.Name table : guarded) {
			Catalogue.execute(connection, "ALTER TABLE " + table.qualified() + " DISABLE TRIGGER USER");
		}
		if (!filled.isEmpty()) {
			// CASCADE: a filled table's referencing tables are emptied with it (they are all reloaded below).
			Catalogue.execute(connection, "TRUNCATE "
					+ filled.keySet().stream().map(Catalogue.Name::qualified).collect(Collectors.joining(", ")) + " CASCADE");
		}
		Catalogue.execute(connection, "SET CONSTRAINTS ALL DEFERRED");
		var copies = connection.unwrap(PGConnection.class).getCopyAPI();
		Map<String, Long> loaded = new LinkedHashMap<>();
		for (Catalogue.Name name : tables) {
			BackupManifest.Table table = backedUp.get(name.label());
			long rows;
			try (InputStream in = zip.getInputStream(zip.getEntry(table.entry()))) {
				rows = copies.copyIn("COPY " + table.qualified() + " (" + DatabaseBackup.columnList(table.columns())
						+ ") FROM STDIN", in);
			}
			if (rows != table.rows()) {
				throw new RestoreRefused("Table " + table.label() + " loaded " + rows + " rows, but the backup lists "
						+ table.rows() + ". Nothing was restored.");
			}
			loaded.put(table.label(), rows);
		}
		for (BackupManifest.Sequence sequence : manifest.sequences()) {
			Catalogue.query(connection, sequence.lastValue() == null
					? "SELECT setval('" + sequence.qualified().replace("'", "''") + "', " + sequence.startValue() + ", false)"
					: "SELECT setval('" + sequence.qualified().replace("'", "''") + "', " + sequence.lastValue() + ", true)");
		}
		for (Catalogue.Name table : guarded) {
			Catalogue.execute(connection, "ALTER TABLE " + table.qualified() + " ENABLE TRIGGER USER");
		}
		return new Restored(manifest, loaded, filled.entrySet()
			.stream()
			.collect(Collectors.toMap(e -> e.getKey().label(), Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new)));
	}

	private static void sameMigrations(BackupManifest manifest, List<BackupManifest.History> here) {
		Map<String, List<String>> inBackup = identities(manifest.migrations());
		Map<String, List<String>> inDatabase = identities(here);
		if (inBackup.equals(inDatabase)) {
			return;
		}
		List<String> differences = new ArrayList<>();
		for (String table : new TreeSet<>(union(inBackup.keySet(), inDatabase.keySet()))) {
			List<String> backup = inBackup.getOrDefault(table, List.of());
			List<String> database = inDatabase.getOrDefault(table, List.of());
			backup.stream().filter(m -> !database.contains(m)).forEach(m -> differences.add(table + ": only in the backup " + m));
			database.stream().filter(m -> !backup.contains(m)).forEach(m -> differences.add(table + ": only in this database " + m));
		}
		throw new RestoreRefused("The backup was made by another version of Anning (" + manifest.anningVersion()
				+ "): its migrations differ from this database's: " + String.join("; ", differences)
				+ ". Restore it with the Anning version that made it, into a database migrated by that version; then start "
				+ "this version, which migrates the restored data forward.");
	}

	private static Map<String, List<String>> identities(List<BackupManifest.History> histories) {
		Map<String, List<String>> identities = new LinkedHashMap<>();
		for (BackupManifest.History history : histories) {
			identities.put(history.table(),
					history.applied().stream().map(BackupManifest.Migration::identity).sorted().toList());
		}
		return identities;
	}

	private static Set<String> union(Set<String> a, Set<String> b) {
		Set<String> union = new HashSet<>(a);
		union.addAll(b);
		return union;
	}

	private static void sameTables(BackupManifest manifest, List<Catalogue.Name> tables) {
		Set<String> inBackup = manifest.tables().stream().map(BackupManifest.Table::label).collect(Collectors.toSet());
		Set<String> inDatabase = tables.stream().map(Catalogue.Name::label).collect(Collectors.toSet());
		if (!inBackup.equals(inDatabase)) {
			Set<String> onlyBackup = new TreeSet<>(inBackup);
			onlyBackup.removeAll(inDatabase);
			Set<String> onlyDatabase = new TreeSet<>(inDatabase);
			onlyDatabase.removeAll(inBackup);
			throw new RestoreRefused("The backup's tables differ from this database's (only in the backup: " + onlyBackup
					+ "; only in this database: " + onlyDatabase + "). Restore into a database that only Anning's "
					+ "migrations created.");
		}
	}

	/** Fresh statistics for the planner; a failure here does not undo the committed restore. */
	private static void analyze(Connection connection, BackupManifest manifest) {
		try {
			connection.setAutoCommit(true);
			for (BackupManifest.Table table : manifest.tables()) {
				Catalogue.execute(connection, "ANALYZE " + table.qualified());
			}
		}
		catch (SQLException e) {
			org.slf4j.LoggerFactory.getLogger(DatabaseRestore.class).warn("ANALYZE after the restore failed: {}", e.getMessage());
		}
	}
}
