package org.anning.cluster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.anning.DemoStaff;
import org.anning.residents.IdentityNumber;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Anning nodes, each its own process on its own port, over one PostgreSQL: what a bureau runs behind its load
 * balancer. A resident signed in on one node is signed in on the other; a scheduled job runs once per cluster,
 * not once per node; an event left incomplete by a crashed node is handled again once. Then a node is killed with
 * {@code kill -9} in the middle of 200 concurrent submissions, and in the middle of a case-event import: nothing a
 * resident was given a reference number for is lost, a repeat with the same key never makes a second
 * application, and an import is there whole or not at all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterTests {

	private static final Duration START = Duration.ofMinutes(5);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	private static final String PASSWORD = "Cluster-Node-Test-2026";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private static final Pattern SESSION = Pattern.compile("ANNING_SESSION=([^;]*)");

	private Path work;

	private EmbeddedPostgres database;

	private JdbcClient jdbc;

	private AnningNode a;

	private AnningNode b;

	@BeforeAll
	void startTwoNodesOverOneDatabase() throws Exception {
		work = Files.createTempDirectory("anning-cluster-");
		database = EmbeddedPostgres.builder()
			.setDataDirectory(work.resolve("pg"))
			.setCleanDataDirectory(true)
			.setRegisterShutdownHook(false)
			.setPGStartupWait(Duration.ofSeconds(60))
			.setServerConfig("max_connections", "100")
			.setLocaleConfig("encoding", "UTF8")
			.setOutputRedirector(ProcessBuilder.Redirect.appendTo(work.resolve("postgres.log").toFile()))
			.setErrorRedirector(ProcessBuilder.Redirect.appendTo(work.resolve("postgres.log").toFile()))
			.start();
		jdbc = JdbcClient.create(database.getPostgresDatabase());
		jdbc.sql("CREATE ROLE anning_node LOGIN PASSWORD 'node'").update();
		Map<String, String> shared = Map.ofEntries(
				Map.entry("ANNING_DB_URL", "jdbc:postgresql://127.0.0.1:" + database.getPort() + "/postgres"),
				Map.entry("ANNING_DB_USER", "anning_node"), Map.entry("ANNING_DB_PASSWORD", "node"),
				Map.entry("ANNING_DB_OWNER_USER", "postgres"), Map.entry("ANNING_DB_OWNER_PASSWORD", "postgres"),
				Map.entry("ANNING_DB_POOL_SIZE", "12"),
				// Every node has the same keys and the same witness: kept outside the database, shared by the nodes.
				Map.entry("ANNING_PRIVACY_KEY", randomKey()), Map.entry("ANNING_PRIVACY_INDEX_KEY", randomKey()),
				Map.entry("ANNING_DATA_DIR", work.resolve("data").toString()),
				Map.entry("ANNING_AUDIT_WITNESS_DIR", work.resolve("witness").toString()),
				Map.entry("ANNING_SERVICES_DEADLINE_WATCH", "1s"), Map.entry("ANNING_OUTBOX_RESUBMIT_EVERY", "1s"),
				Map.entry("ANNING_OUTBOX_RESUBMIT_AFTER", "2m"), Map.entry("ANNING_SERVICES_LOOKUPS_PER_MINUTE", "100000"));
		var first = new java.util.HashMap<>(shared);
		first.put("ANNING_DEMO", "true"); // units, staff and the demo token; the second node finds them there
		a = AnningNode.start("node-a", first, work, START);
		var second = new java.util.HashMap<>(shared);
		second.put("ANNING_DEMO", "false");
		b = AnningNode.start("node-b", second, work, START);
	}

	@AfterAll
	void stop() throws IOException {
		for (AnningNode node : new AnningNode[] { a, b }) {
			if (node != null) {
				node.close();
			}
		}
		if (database != null) {
			database.close();
		}
		// The nodes' logs stay with the build's reports, for a failure in CI.
		for (String log : List.of("node-a.log", "node-b.log", "postgres.log")) {
			if (Files.exists(work.resolve(log))) {
				AnningNode.keepLog(log, Files.readString(work.resolve(log)));
			}
		}
		AnningNode.deleteTree(work);
	}

	@Test
	@Order(1)
	void aResidentSignedInOnOneNodeIsSignedInOnTheOtherAndSigningOutThereEndsIt() throws IOException {
		Resident resident = register(a);
		// Sign in through the portal's form on node A.
		HttpResponse<String> page = a.get("/signin");
		String cookie = sessionCookie(page).orElseThrow();
		HttpResponse<String> signedIn = a.send(form(a, "/signin", cookie, Map.of("username", resident.mobile(),
				"password", PASSWORD, "_csrf", csrf(page.body()))));
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElse("")).endsWith("/me");
		cookie = sessionCookie(signedIn).orElse(cookie); // a new session id at sign-in

		// Node B knows the session: the resident's own page, not the sign-in page.
		HttpResponse<String> onB = b.send(get(b, "/me", cookie));
		assertThat(onB.statusCode()).isEqualTo(200);
		assertThat(onB.body()).contains(resident.name());
		assertThat(a.send(get(a, "/me", cookie)).statusCode()).isEqualTo(200);

		// Signing out on node B ends the session on node A as well.
		HttpResponse<String> signedOut = b.send(form(b, "/signout", cookie, Map.of("_csrf", csrf(onB.body()))));
		assertThat(signedOut.statusCode()).isEqualTo(302);
		HttpResponse<String> afterwards = a.send(get(a, "/me", cookie));
		assertThat(afterwards.statusCode()).isEqualTo(302);
		assertThat(afterwards.headers().firstValue("Location").orElse("")).contains("/signin");
	}

	@Test
	@Order(1)
	void staffSignedInWithBothFactorsOnOneNodeWorkAtTheDeskOfTheOther() throws Exception {
		HttpResponse<String> page = b.get("/desk/signin");
		String cookie = sessionCookie(page).orElseThrow();
		HttpResponse<String> password = b.send(form(b, "/desk/signin", cookie, Map.of("username", "admin",
				"password", DemoStaff.PASSWORD, "_csrf", csrf(page.body()))));
		assertThat(password.headers().firstValue("Location").orElse("")).endsWith("/desk/signin/code");
		cookie = sessionCookie(password).orElse(cookie);
		// The second factor on the other node: the half-finished sign-in is in the shared session.
		HttpResponse<String> codePage = a.send(get(a, "/desk/signin/code", cookie));
		assertThat(codePage.statusCode()).isEqualTo(200);
		HttpResponse<String> code = a.send(form(a, "/desk/signin/code", cookie,
				Map.of("code", totp(DemoStaff.TOTP_SECRET), "_csrf", csrf(codePage.body()))));
		assertThat(code.headers().firstValue("Location").orElse("")).endsWith("/desk");
		cookie = sessionCookie(code).orElse(cookie);

		HttpResponse<String> desk = b.send(get(b, "/desk", cookie));
		assertThat(desk.statusCode()).isEqualTo(200);
		assertThat(desk.body()).contains("admin");
	}

	/** The current code of an authenticator app (RFC 6238: 30-second steps, six digits, HMAC-SHA1). */
	private static String totp(String base32Secret) throws Exception {
		byte[] key = new org.apache.commons.codec.binary.Base32().decode(base32Secret);
		long step = System.currentTimeMillis() / 1000 / 30;
		var mac = javax.crypto.Mac.getInstance("HmacSHA1");
		mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA1"));
		byte[] hash = mac.doFinal(java.nio.ByteBuffer.allocate(8).putLong(step).array());
		int offset = hash[hash.length - 1] & 0xf;
		int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16) | ((hash[offset + 2] & 0xff) << 8)
				| (hash[offset + 3] & 0xff);
		return "%06d".formatted(binary % 1_000_000);
	}

	@Test
	@Order(2)
	void aScheduledJobRunsOncePerClusterWhileBothNodesTick() {
		// Both nodes tick the deadline watch every second; each tick either claims the job or skips it.
		AnningNode.sleep(6_000);
		List<OffsetDateTime> runs = new ArrayList<>();
		runs.addAll(logged(a, "Job services.deadline-watch started"));
		runs.addAll(logged(b, "Job services.deadline-watch started"));
		runs.sort(null);
		assertThat(logged(a, "Job services.deadline-watch skipped").size() + logged(b, "Job services.deadline-watch skipped").size())
			.as("both nodes tick, and the one that does not hold the claim skips").isPositive();
		assertThat(logged(a, "Job services.deadline-watch started")).isNotEmpty();
		assertThat(runs).hasSizeGreaterThanOrEqualTo(4);
		for (int i = 1; i < runs.size(); i++) {
			// A claim lasts 0.9 s: two runs closer than that would mean two nodes ran the same tick.
			assertThat(Duration.between(runs.get(i - 1), runs.get(i)))
				.as("runs %s and %s", runs.get(i - 1), runs.get(i))
				.isGreaterThanOrEqualTo(Duration.ofMillis(850));
		}
	}

	@Test
	@Order(3)
	void anEventLeftIncompleteByACrashedNodeIsHandledAgainOnceByOneNode() {
		// An event that a node had stored with its change, and then died before its listener finished: the
		// publication is incomplete and older than anning.outbox.resubmit-after.
		UUID id = jdbc.sql("""
				SELECT id FROM event_publication
				 WHERE completion_date IS NOT NULL AND listener_id LIKE '%RollupUpkeep%'
				 ORDER BY publication_date DESC LIMIT 1
				""").query(UUID.class).single();
		jdbc.sql("""
				UPDATE event_publication SET completion_date = NULL, status = 'PROCESSING', completion_attempts = 0,
				       publication_date = now() - interval '1 hour'
				 WHERE id = :id
				""").param("id", id).update();
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline && completed(id) == null) {
			AnningNode.sleep(200);
		}
		assertThat(completed(id)).as("handled again").isNotNull();
		AnningNode.sleep(3_000); // three more ticks on each node
		assertThat(jdbc.sql("SELECT completion_attempts FROM event_publication WHERE id = :id").param("id", id)
			.query(Integer.class).single()).as("resubmitted once, by one node").isEqualTo(1);
		assertThat(jdbc.sql("SELECT status FROM event_publication WHERE id = :id").param("id", id)
			.query(String.class).single()).isEqualTo("COMPLETED");
	}

	@Test
	@Order(4)
	void killedInTheMiddleOf200ConcurrentSubmissionsLosesNothingThatGotAReferenceAndNeverMakesASecondApplication()
			throws Exception {
		Resident resident = register(a);
		String token = token(a, resident);
		List<String> keys = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			keys.add(UUID.randomUUID().toString());
		}
		Map<String, String> answered = new ConcurrentHashMap<>();
		AtomicInteger failed = new AtomicInteger();
		ExecutorService clients = Executors.newFixedThreadPool(24);
		List<Future<?>> sent = new ArrayList<>();
		for (String key : keys) {
			sent.add(clients.submit(() -> {
				try {
					HttpResponse<String> response = a.send(application(a, token, key));
					if (response.statusCode() == 201) {
						answered.put(key, JSON.readTree(response.body()).path("reference").asString());
					}
					else {
						failed.incrementAndGet();
					}
				}
				catch (IOException e) {
					failed.incrementAndGet(); // the node died under this request
				}
				return null;
			}));
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (answered.size() < 30 && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
		a.kill();
		for (Future<?> f : sent) {
			f.get(60, TimeUnit.SECONDS);
		}
		clients.shutdown();
		assertThat(answered.size()).as("some submissions got their reference before the crash").isGreaterThan(0);
		assertThat(answered.size()).as("the crash came in the middle").isLessThan(200);

		a.restart(START);
		for (Map.Entry<String, String> entry : answered.entrySet()) {
			HttpResponse<String> mine = a.send(HttpRequest.newBuilder(a.uri("/api/v1/me/applications/" + entry.getValue()))
				.header("Authorization", "Bearer " + token).GET().build());
			assertThat(mine.statusCode()).as(entry.getValue()).isEqualTo(200);
			JsonNode application = JSON.readTree(mine.body());
			assertThat(application.path("status").asString()).as(entry.getValue()).isNotEqualTo("DRAFT");
			assertThat(application.path("materials").size()).as("both files of " + entry.getValue()).isEqualTo(2);
		}
		// Every key again, half on each node: a key that got a reference gets the same one; none makes a second.
		Set<String> references = new HashSet<>();
		for (int i = 0; i < keys.size(); i++) {
			AnningNode node = i % 2 == 0 ? a : b;
			HttpResponse<String> again = node.send(application(node, token, keys.get(i)));
			assertThat(again.statusCode()).as("repeat of %s", keys.get(i)).isEqualTo(201);
			String reference = JSON.readTree(again.body()).path("reference").asString();
			if (answered.containsKey(keys.get(i))) {
				assertThat(reference).isEqualTo(answered.get(keys.get(i)));
			}
			references.add(reference);
		}
		assertThat(references).hasSize(200);
		HttpResponse<String> all = b.send(HttpRequest.newBuilder(b.uri("/api/v1/me/applications"))
			.header("Authorization", "Bearer " + token).GET().build());
		assertThat(JSON.readTree(all.body()).size()).as("one application per key, no more").isEqualTo(200);
	}

	@Test
	@Order(5)
	void killedInTheMiddleOfACaseEventImportTheFileIsWholeOrAbsentAndImportsWholeAgain() throws Exception {
		String prefix = "K" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + "-";
		int cases = 20_000;
		StringBuilder caseFile = new StringBuilder(
				"case_number,unit_code,category_code,occurred_on,registered_on,cleared_on,closed_on,loss_amount\n");
		StringBuilder eventFile = new StringBuilder("case_number,event_type,event_on,amount,people\n");
		LocalDate day = LocalDate.of(2024, 1, 1);
		for (int i = 0; i < cases; i++) {
			String on = day.plusDays(i % 300).format(DateTimeFormatter.ISO_LOCAL_DATE);
			String later = day.plusDays(i % 300 + 3).format(DateTimeFormatter.ISO_LOCAL_DATE);
			caseFile.append(prefix).append(i).append(i % 2 == 0 ? ",AN-DC-01" : ",AN-DC-02")
				.append(",FRAUD_INVESTMENT,").append(on).append(',').append(on).append(",,,1000\n");
			eventFile.append(prefix).append(i).append(",STOP_PAYMENT,").append(on).append(",500,\n");
			eventFile.append(prefix).append(i).append(",FREEZE,").append(later).append(",300,\n");
			eventFile.append(prefix).append(i).append(",APPREHENSION,").append(later).append(",,1\n");
		}
		int events = cases * 3;
		assertThat(importCsv(b, "/api/v1/imports/cases", caseFile.toString()).statusCode()).isEqualTo(200);

		ExecutorService client = Executors.newSingleThreadExecutor();
		Future<Integer> upload = client.submit(() -> {
			try {
				return importCsv(a, "/api/v1/imports/case-events", eventFile.toString()).statusCode();
			}
			catch (IOException e) {
				return -1; // the node died under the import
			}
		});
		// Kill the node while it is reading and storing the file (its import run is recorded as started).
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline && jdbc.sql("SELECT count(*) FROM case_import WHERE outcome IS NULL OR outcome NOT IN ('DONE','REJECTED','FAILED')")
			.query(Long.class).single() == 0 && !upload.isDone()) {
			Thread.sleep(2);
		}
		Thread.sleep(ThreadLocalRandom.current().nextInt(50, 400));
		a.kill();
		int status = upload.get(60, TimeUnit.SECONDS);
		client.shutdown();

		long stored = imported(prefix);
		assertThat(stored).as("whole or absent after the crash (status %s)", status).isIn(0L, (long) events);
		a.restart(START);
		assertThat(importCsv(a, "/api/v1/imports/case-events", eventFile.toString()).statusCode()).isEqualTo(200);
		assertThat(imported(prefix)).isEqualTo(events);
	}

	private long imported(String prefix) {
		return jdbc.sql("""
				SELECT count(*) FROM case_event e JOIN case_file c ON c.id = e.case_id WHERE c.case_number LIKE :p
				""").param("p", prefix + "%").query(Long.class).single();
	}

	private java.sql.Timestamp completed(UUID id) {
		return jdbc.sql("SELECT completion_date FROM event_publication WHERE id = :id").param("id", id)
			.query(java.sql.Timestamp.class).optional().orElse(null);
	}

	private HttpResponse<String> importCsv(AnningNode node, String path, String file) throws IOException {
		return node.send(HttpRequest.newBuilder(node.uri(path))
			.timeout(Duration.ofMinutes(5))
			.header("Authorization", "Bearer " + DemoStaff.ADMIN_TOKEN)
			.header("Content-Type", "text/csv")
			.POST(HttpRequest.BodyPublishers.ofString(file, StandardCharsets.UTF_8))
			.build());
	}

	private static List<OffsetDateTime> logged(AnningNode node, String text) {
		List<OffsetDateTime> times = new ArrayList<>();
		for (String line : node.log().lines().toList()) {
			if (line.contains(text)) {
				times.add(OffsetDateTime.parse(line.substring(0, line.indexOf(' '))));
			}
		}
		return times;
	}

	record Resident(String name, String mobile) {
	}

	private Resident register(AnningNode node) throws IOException {
		var random = ThreadLocalRandom.current();
		LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(365 * 50));
		String first17 = "330106" + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + "%03d".formatted(random.nextInt(1000));
		String idNumber = first17 + IdentityNumber.checkCharacter(first17);
		String mobile = "1" + (3 + random.nextInt(7)) + "%09d".formatted(random.nextInt(1_000_000_000));
		String name = "集群测试" + (char) ('甲' + random.nextInt(10));
		String body = JSON.writeValueAsString(Map.of("name", name, "idNumber", idNumber, "mobile", mobile, "password", PASSWORD));
		HttpResponse<String> registered = node.send(HttpRequest.newBuilder(node.uri("/api/v1/residents"))
			.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
		assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
		return new Resident(name, mobile);
	}

	private String token(AnningNode node, Resident resident) throws IOException {
		String body = JSON.writeValueAsString(Map.of("username", resident.mobile(), "password", PASSWORD));
		HttpResponse<String> issued = node.send(HttpRequest.newBuilder(node.uri("/api/v1/residents/tokens"))
			.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
		assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
		return JSON.readTree(issued.body()).path("token").asString();
	}

	/** A whole application in one request: fields, both files, submit, and the client's idempotency key. */
	private static HttpRequest application(AnningNode node, String token, String key) {
		String boundary = "anning" + UUID.randomUUID().toString().replace("-", "");
		var body = new ByteArrayOutputStream();
		Map<String, String> fields = Map.of("item", "NO_CRIMINAL_RECORD_CERTIFICATE", "unit", "AN-DC-01",
				"delivery", "COLLECT", "submit", "true");
		fields.forEach((field, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
				+ field + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
		for (String requirement : List.of("ID_CARD", "NO_CRIMINAL_RECORD_FORM")) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"material." + requirement
					+ "\"; filename=\"" + requirement.toLowerCase() + ".pdf\"\r\nContent-Type: application/pdf\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			body.writeBytes(PDF);
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(node.uri("/api/v1/me/applications"))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + token)
			.header("Idempotency-Key", key)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build();
	}

	private static HttpRequest get(AnningNode node, String path, String cookie) {
		return HttpRequest.newBuilder(node.uri(path)).header("Cookie", "ANNING_SESSION=" + cookie).GET().build();
	}

	private static HttpRequest form(AnningNode node, String path, String cookie, Map<String, String> fields) {
		StringBuilder body = new StringBuilder();
		fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=')
			.append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)));
		return HttpRequest.newBuilder(node.uri(path))
			.header("Cookie", "ANNING_SESSION=" + cookie)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
			.build();
	}

	private static java.util.Optional<String> sessionCookie(HttpResponse<String> response) {
		for (String header : response.headers().allValues("Set-Cookie")) {
			Matcher m = SESSION.matcher(header);
			if (m.find() && !m.group(1).isEmpty()) {
				return java.util.Optional.of(m.group(1));
			}
		}
		return java.util.Optional.empty();
	}

	private static String csrf(String page) {
		Matcher m = CSRF.matcher(page);
		assertThat(m.find()).as("a CSRF token on the page").isTrue();
		return m.group(1);
	}

	private static String randomKey() {
		byte[] key = new byte[32];
		new java.security.SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}
}
