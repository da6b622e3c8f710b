package org.anning.cluster;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node asked to stop (SIGTERM) with the embedded database: the request in flight gets its answer, new requests
 * get 503 with Retry-After while it drains, and the embedded PostgreSQL stops cleanly (its postmaster gone, its
 * pid file removed, as only a clean shutdown does).
 */
class ShutdownTests {

	private Path work;

	private AnningNode node;

	@AfterEach
	void cleanUp() throws Exception {
		if (node != null) {
			node.close();
			AnningNode.keepLog("shutdown-node.log", node.log());
		}
		AnningNode.deleteTree(work);
	}

	@Test
	void aStoppingNodeFinishesTheRequestInFlightRefusesNewOnesWith503AndStopsItsDatabaseCleanly() throws Exception {
		work = Files.createTempDirectory("anning-shutdown-");
		Path data = work.resolve("data");
		node = AnningNode.start("shutdown-node", Map.of("ANNING_DATA_DIR", data.toString(), "ANNING_DEMO", "false",
				"ANNING_SHUTDOWN_TIMEOUT", "60s"), work, Duration.ofMinutes(3));
		Path postmasterPid = data.resolve("pg").resolve("postmaster.pid");
		List<String> pid = Files.readAllLines(postmasterPid);
		long postmaster = Long.parseLong(pid.get(0).trim());
		int port = Integer.parseInt(pid.get(3).trim());

		try (Connection lock = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "")) {
			// A data directory that persists is written durably (zonky's test defaults turn that off).
			for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
				try (var rows = lock.createStatement().executeQuery("SHOW " + setting)) {
					rows.next();
					assertThat(rows.getString(1)).as(setting).isEqualTo("on");
				}
			}
			// Hold the table a public progress lookup reads, so that the lookup is in flight while the node stops.
			lock.setAutoCommit(false);
			lock.createStatement().execute("LOCK TABLE application IN ACCESS EXCLUSIVE MODE");
			CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(() -> {
				try {
					return node.get("/api/v1/applications/NO-SUCH-REFERENCE/progress?idSuffix=1234");
				}
				catch (java.io.IOException e) {
					throw new java.io.UncheckedIOException(e);
				}
			});
			awaitWaitingOnLock(lock);

			node.terminate();
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (!node.log().contains("Draining:") && System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
			assertThat(node.log()).contains("Draining: 1 requests in flight");

			HttpResponse<String> refused = node.send(HttpRequest.newBuilder(node.uri("/api/v1/units"))
				.header("Accept-Language", "en").GET().build());
			assertThat(refused.statusCode()).isEqualTo(503);
			assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
			assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
			assertThat(refused.body()).contains("shutting down");
			HttpResponse<String> readiness = node.get("/actuator/health/readiness");
			assertThat(readiness.statusCode()).as("the balancer's probe fails too").isEqualTo(503);
			assertThat(node.get("/").body()).as("Chinese by default").contains("此节点正在停止");
			assertThat(inFlight).isNotDone();

			lock.rollback(); // the lookup goes on and gets its answer
			HttpResponse<String> answered = inFlight.get(30, TimeUnit.SECONDS);
			assertThat(answered.statusCode()).as("the in-flight lookup is answered, not cut off").isEqualTo(404);
		}

		node.waitFor(Duration.ofSeconds(90));
		assertThat(node.log()).contains("Drained: no request in flight").doesNotContain("did not stop cleanly");
		assertThat(running(postmaster)).as("the embedded PostgreSQL has stopped").isFalse();
		assertThat(postmasterPid).as("removed by a clean PostgreSQL shutdown only").doesNotExist();
		assertThat(data.resolve("anning.pid")).doesNotExist();
	}

	/** Alive and not a zombie (an exited daemon that nobody has reaped yet, as in a container without init). */
	private static boolean running(long pid) {
		if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
			return false;
		}
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			return !stat.substring(stat.lastIndexOf(')') + 1).trim().startsWith("Z");
		}
		catch (java.io.IOException e) {
			return false; // gone between the two looks
		}
	}

	private static void awaitWaitingOnLock(Connection connection) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			try (var statement = connection.createStatement();
					var rows = statement.executeQuery("SELECT count(*) FROM pg_locks WHERE NOT granted")) {
				rows.next();
				if (rows.getLong(1) > 0) {
					return;
				}
			}
			Thread.sleep(20);
		}
		throw new AssertionError("The lookup never waited for the lock");
	}
}
