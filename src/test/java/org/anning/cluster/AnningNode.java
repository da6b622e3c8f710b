package org.anning.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Anning node as an operating-system process of its own, started from the application's classes and runtime
 * libraries (not the test classpath), so that a test can run several nodes over one database, stop one with
 * SIGTERM or kill it with SIGKILL ({@code kill -9}), and read what it logged.
 */
final class AnningNode implements AutoCloseable {

	private static final Path BUILD = Path.of(System.getProperty("anning.build.dir", "target"));

	private final String name;

	private final Map<String, String> environment;

	private final Path log;

	private final int port;

	private Process process;

	private AnningNode(String name, Map<String, String> environment, Path log, int port) {
		this.name = name;
		this.environment = environment;
		this.log = log;
		this.port = port;
	}

	/** Starts a node with these environment variables (ANNING_*), on a free port, and waits until it is ready. */
	static AnningNode start(String name, Map<String, String> environment, Path workDirectory, Duration timeout) {
		var node = new AnningNode(name, new LinkedHashMap<>(environment), workDirectory.resolve(name + ".log"),
				freePort());
		node.launch();
		node.awaitReady(timeout);
		return node;
	}

	/** Starts this node's process again (same port, same environment) and waits until it is ready. */
	void restart(Duration timeout) {
		if (process != null && process.isAlive()) {
			throw new IllegalStateException(name + " is still running");
		}
		launch();
		awaitReady(timeout);
	}

	private void launch() {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx384m");
		command.add("-XX:TieredStopAtLevel=1");
		command.add("-XX:+UseSerialGC");
		command.add("-Dfile.encoding=UTF-8");
		command.add("-cp");
		command.add(classpath());
		command.add("org.anning.AnningApplication");
		command.add("--logging.level.org.anning.operations=DEBUG");
		var builder = new ProcessBuilder(command);
		builder.environment().keySet().removeIf(key -> key.startsWith("ANNING_"));
		builder.environment().putAll(environment);
		builder.environment().put("PORT", Integer.toString(port));
		builder.redirectErrorStream(true);
		builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		try {
			process = builder.start();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not start node " + name, e);
		}
	}

	private void awaitReady(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + tail(60));
			}
			try {
				if (get("/actuator/health/readiness").statusCode() == 200) {
					return;
				}
			}
			catch (IOException e) {
				// not listening yet
			}
			sleep(250);
		}
		throw new IllegalStateException(name + " was not ready within " + timeout + ":\n" + tail(60));
	}

	/** The application's classes and runtime libraries, as the build wrote them (target/node-classpath.txt). */
	private static String classpath() {
		try {
			String libraries = Files.readString(BUILD.resolve("node-classpath.txt")).strip();
			return BUILD.resolve("classes").toAbsolutePath() + java.io.File.pathSeparator + libraries;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Run the build (generate-test-resources writes node-classpath.txt)", e);
		}
	}

	URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	int port() {
		return port;
	}

	long pid() {
		return process.pid();
	}

	boolean alive() {
		return process != null && process.isAlive();
	}

	HttpResponse<String> get(String path) throws IOException {
		return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET().build());
	}

	HttpResponse<String> send(HttpRequest request) throws IOException {
		try {
			return Http.CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", e);
		}
	}

	/** {@code kill -9}: the process ends at once, without any shutdown hook. */
	void kill() {
		process.destroyForcibly();
		waitFor(Duration.ofSeconds(30));
	}

	/** SIGTERM, as a service manager stops a node; returns at once. */
	void terminate() {
		process.destroy();
	}

	/** Waits for the process to end and returns its exit code. */
	int waitFor(Duration timeout) {
		try {
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new IllegalStateException(name + " did not stop within " + timeout + ":\n" + tail(40));
			}
			return process.exitValue();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** Everything the node has logged, over all its runs. */
	String log() {
		try {
			return Files.readString(log, StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			return "";
		}
	}

	String tail(int lines) {
		List<String> all = log().lines().toList();
		return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
	}

	@Override
	public void close() {
		if (process != null && process.isAlive()) {
			process.destroy();
			try {
				if (!process.waitFor(60, TimeUnit.SECONDS)) {
					process.destroyForcibly();
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				process.destroyForcibly();
			}
		}
	}

	/** Keeps a log with the build's reports (target/cluster-logs), for a failure in CI. */
	static void keepLog(String name, String text) throws IOException {
		Path reports = BUILD.resolve("cluster-logs");
		Files.createDirectories(reports);
		Files.writeString(reports.resolve(name), text);
	}

	/** Deletes a test's working directory with everything in it. */
	static void deleteTree(Path directory) throws IOException {
		if (directory == null || !Files.exists(directory)) {
			return;
		}
		try (var paths = Files.walk(directory)) {
			for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

	static int freePort() {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** One client for all nodes: no cookies (tests carry the session cookie themselves), no redirects followed. */
	static final class Http {

		static final HttpClient CLIENT = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(5))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		private Http() {
		}
	}
}
