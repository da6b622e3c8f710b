package org.anning.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL 17 that Anning starts when no external database is configured. Its cluster lives in
 * the data directory and survives restarts. A lock file names the JVM that owns the server, so that a second
 * process (an operator command) can attach to a running server, and a server orphaned by a killed JVM is
 * stopped before a new one starts.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	static final String OWNER_FILE = "anning.pid";

	/** Owns the schema and runs the migrations. */
	static final String OWNER_ROLE = "postgres";

	/** What the application works as: only the privileges the migrations grant. */
	static final String APP_ROLE = "anning_app";

	private final Path directory;

	private final EmbeddedPostgres postgres;

	private final int port;

	private final boolean temporary;

	private EmbeddedPostgresServer(Path directory, EmbeddedPostgres postgres, int port, boolean temporary) {
		this.directory = directory;
		this.postgres = postgres;
		this.port = port;
		this.temporary = temporary;
	}

	/**
	 * Starts the server in {@code dataDir}, or attaches to the one another Anning process already runs there
	 * when {@code attach} is set (operator commands while the application runs).
	 */
	static EmbeddedPostgresServer start(Path dataDir, boolean temporary, boolean attach) {
		Path directory = temporary ? temporaryDirectory() : dataDir.toAbsolutePath().normalize();
		Path cluster = directory.resolve("pg");
		ensureWritable(directory);

		Optional<Long> owner = readPid(directory.resolve(OWNER_FILE)).filter(EmbeddedPostgresServer::alive)
			.filter(pid -> pid != ProcessHandle.current().pid());
		Optional<Long> postmaster = readPid(cluster.resolve("postmaster.pid")).filter(EmbeddedPostgresServer::isPostgres);
		if (owner.isPresent() && postmaster.isPresent()) {
			if (attach) {
				return new EmbeddedPostgresServer(directory, null, readPort(cluster), false);
			}
			throw new DatabaseStartupException(
					"Another Anning process (pid " + owner.get() + ") is already using the data directory " + directory
							+ ".",
					"Stop that process, or set ANNING_DATA_DIR to another directory.", null);
		}
		postmaster.ifPresent(pid -> stopOrphan(pid, cluster));

		try {
			// zonky starts PostgreSQL for throwaway test databases: fsync off (-F) and synchronous_commit off. Data
			// that must survive a crash of the machine gets PostgreSQL's own defaults back: a resident told that
			// an application was received must find it after a power cut too.
			String durable = temporary ? "off" : "on";
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(cluster)
				.setCleanDataDirectory(temporary)
				.setRegisterShutdownHook(false)
				.setPGStartupWait(Duration.ofSeconds(60))
				.setServerConfig("max_connections", "200")
				.setServerConfig("fsync", durable)
				.setServerConfig("synchronous_commit", durable)
				.setServerConfig("full_page_writes", durable)
				.setLocaleConfig("encoding", "UTF8")
				.start();
			writeOwner(directory);
			createApplicationRole(postgres);
			log.info("Embedded PostgreSQL {} started on port {} with data in {}", "17", postgres.getPort(), cluster);
			return new EmbeddedPostgresServer(directory, postgres, postgres.getPort(), temporary);
		}
		catch (IOException | java.sql.SQLException | RuntimeException e) {
			throw new DatabaseStartupException("The embedded PostgreSQL could not start in " + cluster + ": "
					+ e.getMessage() + ".",
					"Check that the directory is writable and not used by another PostgreSQL, or set ANNING_DB_URL to use an external PostgreSQL.",
					e);
		}
	}

	private static void createApplicationRole(EmbeddedPostgres postgres) throws java.sql.SQLException {
		try (var connection = postgres.getPostgresDatabase().getConnection(); var statement = connection.createStatement()) {
			statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + APP_ROLE
					+ "') THEN CREATE ROLE " + APP_ROLE + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE; END IF; END $$");
		}
	}

	/** The data directory: the configured one, or the temporary one of a test run. */
	Path directory() {
		return directory;
	}

	int port() {
		return port;
	}

	String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
	}

	@Override
	public void close() {
		if (postgres == null) {
			return; // attached to another process's server: not ours to stop
		}
		try {
			postgres.close();
		}
		catch (IOException e) {
			log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
		}
		try {
			Files.deleteIfExists(directory.resolve(OWNER_FILE));
			if (temporary) {
				// Other modules keep files here too (generated keys): the whole temporary directory goes.
				try (var paths = Files.walk(directory)) {
					for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
						Files.deleteIfExists(path);
					}
				}
			}
		}
		catch (IOException e) {
			log.debug("Could not clean up {}", directory, e);
		}
	}

	private static Path temporaryDirectory() {
		try {
			return Files.createTempDirectory("anning-pg-");
		}
		catch (IOException e) {
			throw new DatabaseStartupException("No temporary directory could be created: " + e.getMessage() + ".",
					"Free some disk space or set java.io.tmpdir to a writable directory.", e);
		}
	}

	private static void ensureWritable(Path directory) {
		try {
			Files.createDirectories(directory);
			Path probe = Files.createTempFile(directory, ".write-check", ".tmp");
			Files.delete(probe);
		}
		catch (IOException | SecurityException e) {
			throw new DatabaseStartupException("The data directory " + directory + " is not writable.",
					"Make it writable for this user, or set ANNING_DATA_DIR to a writable directory.", e);
		}
	}

	private static void writeOwner(Path directory) throws IOException {
		Files.writeString(directory.resolve(OWNER_FILE), Long.toString(ProcessHandle.current().pid()),
				StandardCharsets.US_ASCII);
	}

	private static Optional<Long> readPid(Path file) {
		try {
			List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
			return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
		}
		catch (IOException | NumberFormatException e) {
			return Optional.empty();
		}
	}

	/** postmaster.pid's fourth line is the port the server listens on. */
	private static int readPort(Path cluster) {
		try {
			return Integer.parseInt(Files.readAllLines(cluster.resolve("postmaster.pid")).get(3).trim());
		}
		catch (IOException | RuntimeException e) {
			throw new DatabaseStartupException("The running embedded PostgreSQL in " + cluster
					+ " did not say which port it uses.", "Stop the running Anning and try again.", e);
		}
	}

	private static boolean alive(long pid) {
		return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
	}

	private static boolean isPostgres(long pid) {
		return ProcessHandle.of(pid)
			.filter(ProcessHandle::isAlive)
			.flatMap(p -> p.info().command())
			.map(command -> command.endsWith("postgres"))
			.orElse(false);
	}

	/** A JVM killed with -9 leaves its postmaster running; stop it (fast shutdown) so the cluster can start. */
	private static void stopOrphan(long pid, Path cluster) {
		log.warn("Stopping an orphaned embedded PostgreSQL (pid {}) left in {}", pid, cluster);
		ProcessHandle.of(pid).ifPresent(process -> {
			try {
				new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor();
				process.onExit().get(Duration.ofSeconds(20).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
			}
			catch (Exception e) {
				process.destroyForcibly();
			}
		});
	}
}
