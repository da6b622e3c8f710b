package org.anning.services;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.anning.AnningTest;
import org.anning.DemoStaff;
import org.anning.accounts.Role;
import org.anning.services.ServiceHallApiFixture.Resident;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

import static org.anning.services.ServiceHallApiFixture.FAKE_PDF;
import static org.anning.services.ServiceHallApiFixture.ITEM;
import static org.anning.services.ServiceHallApiFixture.JSON;
import static org.anning.services.ServiceHallApiFixture.PDF;
import static org.anning.services.ServiceHallApiFixture.UNIT;
import static org.anning.services.ServiceHallApiFixture.draftJson;
import static org.anning.services.ServiceHallApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

@AnningTest
class MyApplicationsApiTests {

	static final String MINE = "/api/v1/me/applications";

	static final String DESK = "/api/v1/applications";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Clock clock;

	@LocalServerPort
	int port;

	static RequestPostProcessor frontDesk() {
		return DemoStaff.frontDesk();
	}

	static RequestPostProcessor reviewer() {
		return DemoStaff.as("reviewer", "AN-DC-01", Role.REVIEWER);
	}

	@Test
	void anApplicationGoesFromDraftThroughANoticeToAClosedApplicationRatedTwiceAfterRectification() {
		Resident resident = ServiceHallApiFixture.resident(mvc);
		String reference = startDraft(resident, null);

		JsonNode idCard = json(assertCreated(upload(resident, reference, "ID_CARD", "id.pdf", PDF)));
		assertThat(idCard.get("requirement").asString()).isEqualTo("ID_CARD");
		assertThat(idCard.get("contentType").asString()).isEqualTo("application/pdf");
		assertThat(idCard.get("size").asInt()).isEqualTo(PDF.length);
		assertThat(idCard.get("sha256").asString()).hasSize(64);
		assertCreated(upload(resident, reference, "NO_CRIMINAL_RECORD_FORM", "form.pdf", PDF));

		assertThat(post(resident, reference + "/submit")).hasStatusOk().bodyJson().extractingPath("$.status")
			.isEqualTo("SUBMITTED");
		assertThat(mvc.get().uri(DESK + "?queue=TO_ACCEPT&item=" + ITEM).with(frontDesk())).hasStatusOk()
			.bodyJson()
			.extractingPath("$[*].reference")
			.asArray()
			.contains(reference);

		// One complete notice listing two materials: one wrong, one missing.
		assertThat(mvc.post()
			.uri(DESK + "/" + reference + "/return")
			.with(frontDesk())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"items":[{"requirement":"ID_CARD","problem":"INCORRECT","note":"The copy is blurred"},
					          {"requirement":"PURPOSE_PROOF","problem":"MISSING"}],
					 "remarks":"Please send both at once"}
					""")).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("RETURNED");

		JsonNode returned = mine(resident, reference);
		assertThat(returned.get("status").asString()).isEqualTo("RETURNED");
		assertThat(returned.get("label").asString()).isNotBlank().isNotEqualTo("RETURNED");
		JsonNode notice = returned.get("notice");
		assertThat(notice.get("remarks").asString()).isEqualTo("Please send both at once");
		assertThat(notice.get("items")).hasSize(2);
		assertThat(notice.get("items").get(0).get("requirement").asString()).isEqualTo("ID_CARD");
		assertThat(notice.get("items").get(0).get("problem").asString()).isEqualTo("INCORRECT");
		assertThat(notice.get("items").get(0).get("note").asString()).isEqualTo("The copy is blurred");
		assertThat(notice.get("items").get(1).get("requirement").asString()).isEqualTo("PURPOSE_PROOF");
		assertThat(notice.get("items").get(1).get("problem").asString()).isEqualTo("MISSING");

		// Resubmitting before supplying anything reports both at once.
		assertThat(post(resident, reference + "/submit")).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactlyInAnyOrder("materials.ID_CARD", "materials.PURPOSE_PROOF");

		assertCreated(upload(resident, reference, "ID_CARD", "id-sharp.pdf", PDF));
		assertCreated(upload(resident, reference, "PURPOSE_PROOF", "offer.pdf", PDF));
		assertThat(post(resident, reference + "/submit")).hasStatusOk().bodyJson().extractingPath("$.status")
			.isEqualTo("SUBMITTED");

		JsonNode accepted = json(staff(frontDesk(), reference, "accept"));
		assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(accepted.get("deadline").isNull()).isFalse();
		assertThat(json(staff(reviewer(), reference, "approve")).get("status").asString()).isEqualTo("APPROVED");
		assertThat(json(staff(frontDesk(), reference, "ready")).get("status").asString())
			.isEqualTo("READY_FOR_COLLECTION");
		assertThat(json(staff(frontDesk(), reference, "close")).get("status").asString()).isEqualTo("CLOSED");

		assertThat(mine(resident, reference).get("nextRating").asInt()).isEqualTo(1);
		assertThat(rate(resident, reference, 1, "Nobody answered the phone")).hasStatus(HttpStatus.CREATED)
			.bodyJson()
			.extractingPath("$.round")
			.isEqualTo(1);
		assertThat(mine(resident, reference).get("nextRating").asInt()).isZero();
		assertThat(rate(resident, reference, 5, "again")).hasStatus(HttpStatus.CONFLICT);

		assertThat(mvc.get().uri("/api/v1/rectifications?open=true").with(DemoStaff.chief())).hasStatusOk()
			.bodyJson()
			.extractingPath("$[?(@.reference == '" + reference + "')].level")
			.asArray()
			.containsExactly(1);
		String today = LocalDate.now(clock).toString();
		assertThat(mvc.post()
			.uri("/api/v1/rectifications/" + reference)
			.with(DemoStaff.chief())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"calledBackOn\":\"" + today
					+ "\",\"callbackNote\":\"Called back and apologised\",\"actionTaken\":\"The desk phone is staffed all day now\"}"))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.doneOn")
			.isEqualTo(today);

		JsonNode answered = mine(resident, reference);
		assertThat(answered.get("rectification").get("actionTaken").asString())
			.isEqualTo("The desk phone is staffed all day now");
		assertThat(answered.get("rectification").get("calledBackOn").asString()).isEqualTo(today);
		assertThat(answered.get("nextRating").asInt()).isEqualTo(2);
		assertThat(rate(resident, reference, 4, "Better now")).hasStatus(HttpStatus.CREATED)
			.bodyJson()
			.extractingPath("$.round")
			.isEqualTo(2);
		JsonNode rated = mine(resident, reference);
		assertThat(rated.get("ratings")).hasSize(2);
		assertThat(rated.get("ratings").get(1).get("level").asInt()).isEqualTo(4);
		assertThat(rated.findValuesAsString("step")).contains("SUBMITTED", "RETURNED", "RESUBMITTED", "ACCEPTED",
				"APPROVED", "CLOSED", "RATED", "RECTIFIED");
	}

	@Test
	void theSameIdempotencyKeyTwiceMakesOneDraftAndAnswersWithItBothTimes() {
		Resident resident = ServiceHallApiFixture.resident(mvc);
		String key = UUID.randomUUID().toString();
		String first = startDraft(resident, key);
		String second = startDraft(resident, key);

		assertThat(second).isEqualTo(first);
		assertThat(list(resident)).extracting(l -> l.get("reference").asString()).containsExactly(first);
	}

	@Test
	void theSameIdempotencyKeyTwiceOnAOneShotApplicationSubmitsOneApplication() {
		Resident resident = ServiceHallApiFixture.resident(mvc);
		String key = UUID.randomUUID().toString();
		MvcTestResult first = applyOneShot(resident, key);
		MvcTestResult second = applyOneShot(resident, key);

		assertThat(first).hasStatus(HttpStatus.CREATED);
		assertThat(second).hasStatus(HttpStatus.CREATED);
		assertThat(json(first).get("status").asString()).isEqualTo("SUBMITTED");
		assertThat(json(first).get("materials")).hasSize(2);
		assertThat(json(second).get("reference").asString()).isEqualTo(json(first).get("reference").asString());
		assertThat(json(second).get("materials")).hasSize(2);
		assertThat(list(resident)).hasSize(1);
	}

	@Test
	void twoConcurrentRequestsWithTheSameKeyMakeOneApplication() throws Exception {
		Resident resident = ServiceHallApiFixture.resident(mvc);
		String key = UUID.randomUUID().toString();
		HttpClient client = HttpClient.newHttpClient();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + MINE))
			.header("Authorization", resident.bearer())
			.header("Idempotency-Key", key)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(draftJson(ITEM, UNIT)))
			.build();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			List<Future<HttpResponse<String>>> answers = List.of(threads.submit(() -> {
				start.await();
				return client.send(request, HttpResponse.BodyHandlers.ofString());
			}), threads.submit(() -> {
				start.await();
				return client.send(request, HttpResponse.BodyHandlers.ofString());
			}));
			start.countDown();
			HttpResponse<String> a = answers.get(0).get(30, TimeUnit.SECONDS);
			HttpResponse<String> b = answers.get(1).get(30, TimeUnit.SECONDS);

			assertThat(a.statusCode()).as(a.body()).isEqualTo(201);
			assertThat(b.statusCode()).as(b.body()).isEqualTo(201);
			String referenceA = JSON.readTree(a.body()).get("reference").asString();
			String referenceB = JSON.readTree(b.body()).get("reference").asString();
			assertThat(referenceB).isEqualTo(referenceA);
			assertThat(list(resident)).extracting(l -> l.get("reference").asString()).containsExactly(referenceA);
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void aFakePdfAnswers422OnTheFileAndKeepsTheDraftAndItsOtherFiles() {
		Resident resident = ServiceHallApiFixture.resident(mvc);
		String reference = startDraft(resident, null);
		String idCard = json(assertCreated(upload(resident, reference, "ID_CARD", "id.pdf", PDF))).get("id").asString();

		MvcTestResult fake = upload(resident, reference, "NO_CRIMINAL_RECORD_FORM", "x.pdf", FAKE_PDF);

		assertThat(fake).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(fake).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly("file");
		assertThat(fake).bodyJson().extractingPath("$.errors[0].message").asString().contains("x.pdf");
		JsonNode draft = mine(resident, reference);
		assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
		assertThat(draft.get("materials")).hasSize(1);
		assertThat(draft.get("materials").get(0).get("id").asString()).isEqualTo(idCard);
	}

	@Test
	void aFileOfTheCurrentRoundCanBeRemoved() {
		Resident resident = ServiceHallApiFixture.resident(mvc);
		String reference = startDraft(resident, null);
		String id = json(assertCreated(upload(resident, reference, "ID_CARD", "id.pdf", PDF))).get("id").asString();

		assertThat(mvc.delete().uri(MINE + "/" + reference + "/materials/" + id).header("Authorization", resident.bearer()))
			.hasStatus(HttpStatus.NO_CONTENT);

		assertThat(mine(resident, reference).get("materials")).isEmpty();
		assertThat(mvc.delete().uri(MINE + "/" + reference + "/materials/" + id).header("Authorization", resident.bearer()))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void aDraftForAnUnknownItemAndAnUnsuitableUnitAnswers422OnBothFields() {
		Resident resident = ServiceHallApiFixture.resident(mvc);
		assertThat(mvc.post()
			.uri(MINE)
			.header("Authorization", resident.bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.content(draftJson("NO_SUCH_ITEM", "NO-SUCH-UNIT"))).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactly("item", "unit");
		assertThat(list(resident)).isEmpty();
	}

	@Test
	void anotherResidentsApplicationIsNotFound() {
		Resident owner = ServiceHallApiFixture.resident(mvc);
		Resident other = ServiceHallApiFixture.resident(mvc);
		String reference = startDraft(owner, null);

		assertThat(mvc.get().uri(MINE + "/" + reference).header("Authorization", other.bearer()))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(upload(other, reference, "ID_CARD", "id.pdf", PDF)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(post(other, reference + "/withdraw")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mine(owner, reference).get("materials")).isEmpty();
	}

	@Test
	void withoutAResidentTokenTheListAnswers401AndAStaffMemberIsNotAResident() {
		assertThat(mvc.get().uri(MINE)).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(mvc.get().uri(MINE).header("Authorization", "Bearer " + DemoStaff.ADMIN_TOKEN))
			.hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(mvc.get().uri(MINE).with(DemoStaff.frontDesk())).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void aResidentWithdrawsASubmittedApplication() {
		Resident resident = ServiceHallApiFixture.resident(mvc);
		String reference = json(applyOneShot(resident, null)).get("reference").asString();

		assertThat(post(resident, reference + "/withdraw")).hasStatusOk().bodyJson().extractingPath("$.status")
			.isEqualTo("WITHDRAWN");
		assertThat(list(resident)).singleElement().satisfies(l -> assertThat(l.get("status").asString()).isEqualTo("WITHDRAWN"));
	}

	// ---- Helpers

	String startDraft(Resident resident, String key) {
		var request = mvc.post()
			.uri(MINE)
			.header("Authorization", resident.bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.content(draftJson(ITEM, UNIT));
		if (key != null) {
			request = request.header("Idempotency-Key", key);
		}
		MvcTestResult result = request.exchange();
		assertThat(result).hasStatus(HttpStatus.CREATED);
		JsonNode body = json(result);
		assertThat(body.get("status").asString()).isEqualTo("DRAFT");
		assertThat(result.getResponse().getHeader("Location")).endsWith(MINE + "/" + body.get("reference").asString());
		return body.get("reference").asString();
	}

	MvcTestResult applyOneShot(Resident resident, String key) {
		var request = mvc.post()
			.uri(MINE)
			.header("Authorization", resident.bearer())
			.multipart()
			.file(new MockMultipartFile("material.ID_CARD", "id.pdf", "application/pdf", PDF))
			.file(new MockMultipartFile("material.NO_CRIMINAL_RECORD_FORM", "form.pdf", "application/pdf", PDF))
			.param("item", ITEM)
			.param("unit", UNIT)
			.param("delivery", "COLLECT")
			.param("submit", "true");
		if (key != null) {
			request = request.header("Idempotency-Key", key);
		}
		return request.exchange();
	}

	MvcTestResult upload(Resident resident, String reference, String requirement, String fileName, byte[] content) {
		return mvc.post()
			.uri(MINE + "/" + reference + "/materials")
			.header("Authorization", resident.bearer())
			.multipart()
			.file(new MockMultipartFile("file", fileName, "application/pdf", content))
			.param("requirement", requirement)
			.exchange();
	}

	static MvcTestResult assertCreated(MvcTestResult result) {
		assertThat(result).hasStatus(HttpStatus.CREATED);
		return result;
	}

	MvcTestResult post(Resident resident, String path) {
		return mvc.post().uri(MINE + "/" + path).header("Authorization", resident.bearer()).exchange();
	}

	MvcTestResult rate(Resident resident, String reference, int level, String comment) {
		return mvc.post()
			.uri(MINE + "/" + reference + "/rating")
			.header("Authorization", resident.bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.content(JSON.writeValueAsString(Map.of("level", level, "comment", comment)))
			.exchange();
	}

	MvcTestResult staff(RequestPostProcessor who, String reference, String action) {
		MvcTestResult result = mvc.post().uri(DESK + "/" + reference + "/" + action).with(who).exchange();
		assertThat(result).hasStatusOk();
		return result;
	}

	JsonNode mine(Resident resident, String reference) {
		MvcTestResult result = mvc.get().uri(MINE + "/" + reference).header("Authorization", resident.bearer()).exchange();
		assertThat(result).hasStatusOk();
		return json(result);
	}

	List<JsonNode> list(Resident resident) {
		MvcTestResult result = mvc.get().uri(MINE).header("Authorization", resident.bearer()).exchange();
		assertThat(result).hasStatusOk();
		List<JsonNode> lines = new java.util.ArrayList<>();
		json(result).forEach(lines::add);
		return lines;
	}
}
