package org.anning.backup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.anning.AnningApplication;
import org.anning.AnningTest;
import org.anning.audit.Actor;
import org.anning.audit.AuditAction;
import org.anning.audit.AuditEntry;
import org.anning.audit.AuditTrail;
import org.anning.audit.ChainVerifier;
import org.anning.audit.Verification;
import org.anning.database.DataDirectory;
import org.anning.operations.Command;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backup of the shared test database, restored into a fresh database (a second embedded PostgreSQL, migrated by a
 * second Anning over it), has the same rows and an audit chain that the audit module's verifier finds intact, with
 * the witness checkpoints of the original. A damaged backup, a backup of other migrations, and a restore over data
 * without --replace are refused and leave the database as it was.
 */
@AnningTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackupRestoreTests {

	@Autowired
	ApplicationContext source;

	@Autowired
	AuditTrail trail;

	@Autowired
	ChainVerifier sourceVerifier;

	@Autowired
	@FlywayDataSource
	DataSource sourceOwner;

	@Autowired
	DataDirectory sourceData;

	Path work;

	EmbeddedPostgres fresh;

	ConfigurableApplicationContext restored;

	@BeforeAll
	void startAFreshDatabaseWithAnAnningOverIt() throws Exception {
		work = Files.createTempDirectory("anning-restore-");
		Path data = Files.createDirectories(work.resolve("data"));
		// The keys and witness are kept apart from the backup; a restored installation gets them from their own copy.
		copyTree(sourceData.path().resolve("keys"), data.resolve("keys"));
		fresh = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
		try (Connection connection = fresh.getPostgresDatabase().getConnection(); var statement = connection.createStatement()) {
			statement.execute("CREATE ROLE restored_app LOGIN");
		}
		restored = new SpringApplicationBuilder(AnningApplication.class).run(
				"--anning.database.url=" + fresh.getJdbcUrl("postgres", "postgres"), "--anning.database.user=restored_app",
				"--anning.database.password=", "--anning.database.owner-user=postgres", "--anning.database.owner-password=",
				"--anning.database.data-dir=" + data, "--anning.demo=false", "--server.port=0",
				"--anning.privacy.key=" + key(data, "personal-data.key"),
				"--anning.privacy.index-key=" + key(data, "personal-data-index.key"));
	}

	@AfterAll
	void stop() throws IOException {
		if (restored != null) {
			restored.close();
		}
		if (fresh != null) {
			fresh.close();
		}
		try (var paths = Files.walk(work)) {
			for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

	@Test
	@Order(1)
	void restoresIntoAFreshDatabaseWithEqualRowCountsAndAnIntactAuditChain() throws Exception {
		List<Long> recorded = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			recorded.add(trail.record(AuditEntry.of(AuditAction.EXPORT, "backup-test", UUID.randomUUID()).by(Actor.SYSTEM)));
		}
		assertThat(run(source, "audit", "checkpoint").code()).isZero();
		// The witness's signing key is made with the first checkpoint: copy it with the checkpoints.
		copyTree(sourceData.path().resolve("keys"), work.resolve("data").resolve("keys"));
		copyTree(sourceData.path().resolve("witness"), work.resolve("data").resolve("witness"));
		Verification original = sourceVerifier.verify();
		assertThat(original.intact()).as(original.summary()).isTrue();

		Map<String, Long> before = counts(JdbcClient.create(sourceOwner));
		Path file = work.resolve("first.zip");
		Outcome backup = run(source, "backup", file.toString());
		Map<String, Long> after = counts(JdbcClient.create(sourceOwner));
		assertThat(backup.code()).as(backup.output()).isZero();
		BackupManifest manifest = manifest(file);
		Map<String, Long> backedUp = new LinkedHashMap<>();
		manifest.tables().stream().filter(t -> !t.name().equals("cluster_job")).forEach(t -> backedUp.put(t.label(), t.rows()));
		assertThat(backedUp.keySet()).containsExactlyInAnyOrderElementsOf(before.keySet());
		before.forEach((table, rows) -> {
			if (table.startsWith("public.spring_session")) { // signed-in sessions are not backed up
				assertThat(backedUp.get(table)).as(table).isZero();
			}
			else if (rows.equals(after.get(table))) { // a table no listener wrote to meanwhile
				assertThat(backedUp.get(table)).as(table).isEqualTo(rows);
			}
		});
		assertThat(backedUp.get("public.audit_event")).isGreaterThanOrEqualTo(recorded.get(4));
		assertThat(manifest.migrations()).extracting(BackupManifest.History::table).contains("flyway_schema_history_audit");

		Outcome restore = run(restored, "restore", file.toString());

		assertThat(restore.code()).as(restore.output()).isZero();
		assertThat(counts(restoredJdbc())).isEqualTo(backedUp);
		Verification verification = restored.getBean(ChainVerifier.class).verify();
		assertThat(verification.intact()).as(verification.summary()).isTrue();
		assertThat(verification.rows()).isEqualTo(backedUp.get("public.audit_event"));
		assertThat(verification.checkpoints()).isPositive();
		assertThat(run(restored, "audit", "verify").code()).isZero();
		for (long seq : recorded) {
			assertThat(restoredJdbc().sql("SELECT hash FROM audit_event WHERE seq = ?").param(seq).query(String.class).single())
				.isEqualTo(JdbcClient.create(sourceOwner).sql("SELECT hash FROM audit_event WHERE seq = ?").param(seq)
					.query(String.class).single());
		}
	}

	@Test
	@Order(2)
	void refusesABackupWithOneByteChangedAndLeavesTheDatabaseAsItWas() throws Exception {
		Path file = work.resolve("damaged.zip");
		assertThat(run(source, "backup", file.toString()).code()).isZero();
		Map<String, Long> unchanged = counts(restoredJdbc());

		byte[] bytes = Files.readAllBytes(file);
		bytes[bytes.length / 2] ^= 0x01;
		Path flipped = Files.write(work.resolve("flipped.zip"), bytes);
		Outcome first = run(restored, "restore", flipped.toString(), "--replace");

		// A valid zip whose one table entry differs by one byte from what the manifest's SHA-256 says.
		Path edited = rewrite(file, work.resolve("edited.zip"), name -> name.equals("tables/public.audit_event.copy")
				? content -> {
					content[content.length / 2] = (byte) (content[content.length / 2] == '0' ? '1' : '0');
					return content;
				}
				: null);
		Outcome second = run(restored, "restore", edited.toString(), "--replace");

		assertThat(first.code()).as(first.output()).isEqualTo(1);
		assertThat(first.output()).contains("Restore refused").contains("damaged");
		assertThat(second.code()).as(second.output()).isEqualTo(1);
		assertThat(second.output()).contains("damaged").contains("tables/public.audit_event.copy").contains("SHA-256");
		assertThat(counts(restoredJdbc())).isEqualTo(unchanged);
	}

	@Test
	@Order(3)
	void refusesABackupOfOtherMigrationsAndSaysWhatToDo() throws Exception {
		Path file = work.resolve("other-version.zip");
		assertThat(run(source, "backup", file.toString()).code()).isZero();
		Path older = rewrite(file, work.resolve("older.zip"), name -> name.equals(BackupManifest.MANIFEST)
				? content -> new String(content, StandardCharsets.UTF_8)
					.replaceFirst("\"script\" : \"V1__audit_event.sql\"", "\"script\" : \"V1__audit_trail.sql\"")
					.getBytes(StandardCharsets.UTF_8)
				: null);
		Map<String, Long> unchanged = counts(restoredJdbc());

		Outcome outcome = run(restored, "restore", older.toString(), "--replace");

		assertThat(outcome.code()).as(outcome.output()).isEqualTo(1);
		assertThat(outcome.output()).contains("migrations differ")
			.contains("flyway_schema_history_audit: only in the backup 1 V1__audit_trail.sql")
			.contains("Restore it with the Anning version that made it");
		assertThat(counts(restoredJdbc())).isEqualTo(unchanged);
	}

	@Test
	@Order(4)
	void refusesToRestoreOverDataUnlessToldToReplaceIt() throws Exception {
		trail.record(AuditEntry.of(AuditAction.EXPORT, "backup-test", UUID.randomUUID()).by(Actor.SYSTEM));
		Path file = work.resolve("newer.zip");
		assertThat(run(source, "backup", file.toString()).code()).isZero();
		long backedUp = manifest(file).tables().stream().filter(t -> t.name().equals("audit_event")).findFirst().orElseThrow().rows();
		long before = restoredJdbc().sql("SELECT count(*) FROM audit_event").query(Long.class).single();
		assertThat(backedUp).isGreaterThan(before);

		Outcome refused = run(restored, "restore", file.toString());
		assertThat(refused.code()).as(refused.output()).isEqualTo(1);
		assertThat(refused.output()).contains("already holds data")
			.contains("audit trail (public.audit_event) has " + before + " entries")
			.contains("--replace");
		assertThat(restoredJdbc().sql("SELECT count(*) FROM audit_event").query(Long.class).single()).isEqualTo(before);

		Outcome replaced = run(restored, "restore", file.toString(), "--replace");
		assertThat(replaced.code()).as(replaced.output()).isZero();
		assertThat(replaced.output()).containsPattern("public\\.audit_event\\s+" + backedUp);
		assertThat(restoredJdbc().sql("SELECT count(*) FROM audit_event").query(Long.class).single()).isEqualTo(backedUp);
		assertThat(restored.getBean(ChainVerifier.class).verify().intact()).isTrue();
	}

	record Outcome(int code, String output) {
	}

	private static Outcome run(ApplicationContext context, String name, String... args) {
		Command command = context.getBeansOfType(Command.class).values().stream()
			.filter(c -> c.name().equals(name)).findFirst().orElseThrow();
		var buffer = new ByteArrayOutputStream();
		int code = command.run(args, new PrintStream(buffer, true, StandardCharsets.UTF_8));
		return new Outcome(code, buffer.toString(StandardCharsets.UTF_8));
	}

	private JdbcClient restoredJdbc() {
		return JdbcClient.create(fresh.getPostgresDatabase());
	}

	/**
	 * Rows of every table the backup covers: each schema's tables but Flyway's history, and but the job claims, which
	 * the second node's scheduled jobs write on their own at any moment.
	 */
	private static Map<String, Long> counts(JdbcClient jdbc) {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String table : jdbc.sql("""
				SELECT schemaname || '.' || tablename FROM pg_tables
				WHERE schemaname NOT IN ('pg_catalog', 'information_schema') AND tablename NOT LIKE 'flyway_schema_history%'
				  AND tablename <> 'cluster_job'
				ORDER BY 1""").query(String.class).list()) {
			String[] parts = table.split("\\.");
			counts.put(table, jdbc.sql("SELECT count(*) FROM \"" + parts[0] + "\".\"" + parts[1] + "\"").query(Long.class).single());
		}
		return counts;
	}

	private static BackupManifest manifest(Path file) throws IOException {
		try (ZipFile zip = new ZipFile(file.toFile()); InputStream in = zip.getInputStream(zip.getEntry(BackupManifest.MANIFEST))) {
			return DatabaseBackup.JSON.readValue(in.readAllBytes(), BackupManifest.class);
		}
	}

	/** Copies a zip, changing the named entries' content; a changed manifest gets its SHA-256 written again. */
	private static Path rewrite(Path from, Path to, java.util.function.Function<String, UnaryOperator<byte[]>> changes)
			throws IOException {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (ZipFile zip = new ZipFile(from.toFile())) {
			for (ZipEntry entry : zip.stream().toList()) {
				try (InputStream in = zip.getInputStream(entry)) {
					byte[] content = in.readAllBytes();
					UnaryOperator<byte[]> change = changes.apply(entry.getName());
					entries.put(entry.getName(), change == null ? content : change.apply(content));
				}
			}
		}
		if (changes.apply(BackupManifest.MANIFEST) != null) {
			entries.put(BackupManifest.MANIFEST_SHA256,
					(EntryDigest.sha256Hex(entries.get(BackupManifest.MANIFEST)) + "  manifest.json\n").getBytes(StandardCharsets.US_ASCII));
		}
		try (OutputStream out = Files.newOutputStream(to); ZipOutputStream zip = new ZipOutputStream(out)) {
			for (var entry : entries.entrySet()) {
				zip.putNextEntry(new ZipEntry(entry.getKey()));
				zip.write(entry.getValue());
				zip.closeEntry();
			}
		}
		return to;
	}

	private static void copyTree(Path from, Path to) throws IOException {
		try (var paths = Files.walk(from)) {
			for (Path path : paths.toList()) {
				Path target = to.resolve(from.relativize(path).toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(path, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
	}

	private static String key(Path data, String file) throws IOException {
		return Files.readString(data.resolve("keys").resolve(file)).strip();
	}
}
