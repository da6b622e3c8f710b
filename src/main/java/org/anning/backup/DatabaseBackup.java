package org.anning.backup;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the whole database to one zip file while the application runs: every table through {@code COPY ... TO
 * STDOUT} in one read-only REPEATABLE READ transaction, so all tables come from one snapshot (as pg_dump does),
 * then the sequences and the manifest; signed-in sessions are left out. Works as the schema owner, who can read every table. The file appears
 * under its name only when complete.
 */
@Component
class DatabaseBackup {

	/**
	 * Signed-in sessions are kept out (their tables are written empty): a restore signs everyone out rather than
	 * bring back sessions that were closed after the backup.
	 */
	static final java.util.Set<String> SESSIONS = java.util.Set.of("spring_session", "spring_session_attributes");

	static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private final DataSource owner;

	private final Clock clock;

	DatabaseBackup(@FlywayDataSource DataSource owner, Clock clock) {
		this.owner = owner;
		this.clock = clock;
	}

	BackupManifest write(Path file) throws IOException, SQLException {
		Path target = file.toAbsolutePath().normalize();
		Files.createDirectories(target.getParent());
		Path partial = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".partial");
		try (Connection connection = owner.getConnection()) {
			connection.setAutoCommit(false);
			try {
				BackupManifest manifest;
				try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16);
						ZipOutputStream zip = new ZipOutputStream(out)) {
					manifest = write(connection, zip);
				}
				connection.rollback();
				Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
				return manifest;
			}
			catch (IOException | SQLException | RuntimeException e) {
				connection.rollback();
				throw e;
			}
		}
		finally {
			Files.deleteIfExists(partial);
		}
	}

	private BackupManifest write(Connection connection, ZipOutputStream zip) throws IOException, SQLException {
		Catalogue.execute(connection, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
		String createdAt = clock.instant().toString();
		List<Catalogue.Name> names = Catalogue.tables(connection);
		if (!names.isEmpty()) {
			// Like pg_dump: no table can be altered or dropped while it is being copied.
			Catalogue.execute(connection, "LOCK TABLE "
					+ names.stream().map(Catalogue.Name::qualified).collect(Collectors.joining(", "))
					+ " IN ACCESS SHARE MODE");
		}
		var copies = connection.unwrap(PGConnection.class).getCopyAPI();
		List<BackupManifest.Table> tables = new ArrayList<>();
		for (Catalogue.Name name : names) {
			List<String> columns = Catalogue.columns(connection, name);
			String entry = "tables/" + name.label() + ".copy";
			zip.putNextEntry(new ZipEntry(entry));
			var digest = new EntryDigest(new NonClosing(zip));
			long rows = copies.copyOut("COPY (SELECT " + columnList(columns) + " FROM " + name.qualified()
					+ (SESSIONS.contains(name.name()) ? " WHERE false" : "") + ") TO STDOUT", digest);
			zip.closeEntry();
			tables.add(new BackupManifest.Table(name.schema(), name.name(), columns, entry, rows, digest.bytes(),
					digest.sha256Hex()));
		}
		// Read after the snapshot: a sequence may be ahead of the copied rows, never behind them.
		var manifest = new BackupManifest(BackupManifest.FORMAT, createdAt, Catalogue.serverVersion(connection),
				DatabaseBackup.class.getPackage().getImplementationVersion(), Catalogue.migrations(connection), tables,
				Catalogue.sequences(connection));
		byte[] json = JSON.writeValueAsBytes(manifest);
		zip.putNextEntry(new ZipEntry(BackupManifest.MANIFEST));
		zip.write(json);
		zip.closeEntry();
		zip.putNextEntry(new ZipEntry(BackupManifest.MANIFEST_SHA256));
		zip.write((EntryDigest.sha256Hex(json) + "  " + BackupManifest.MANIFEST + "\n").getBytes(StandardCharsets.US_ASCII));
		zip.closeEntry();
		return manifest;
	}

	static String columnList(List<String> columns) {
		return columns.stream().map(Catalogue::quote).collect(Collectors.joining(", "));
	}

	/** The zip stream stays open when the copy of one table closes its stream. */
	private static final class NonClosing extends java.io.FilterOutputStream {

		NonClosing(OutputStream out) {
			super(out);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			out.write(b, off, len);
		}

		@Override
		public void close() throws IOException {
			flush();
		}
	}
}
