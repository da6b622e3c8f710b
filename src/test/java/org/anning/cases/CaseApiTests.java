package org.anning.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.anning.AnningTest;
import org.anning.DemoStaff;
import org.anning.cases.CasesApiFixture.Resident;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

import static org.anning.cases.CasesApiFixture.caseOfficer;
import static org.anning.cases.CasesApiFixture.investmentFraud;
import static org.anning.cases.CasesApiFixture.json;
import static org.anning.cases.CasesApiFixture.raw;
import static org.anning.cases.CasesApiFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

@AnningTest
class CaseApiTests {

	static final String MINE = "/api/v1/me/reports";

	static final String REPORTS = "/api/v1/reports";

	static final String CASES = "/api/v1/cases";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Clock clock;

	LocalDate today() {
		return LocalDate.now(clock);
	}

	@Test
	void aFraudReportBecomesACaseWhoseFreezeReturnApprehensionAndClearanceTheResidentFollows() {
		Resident resident = CasesApiFixture.resident(mvc);
		String reference = json(mvc.post().uri(MINE).header("Authorization", resident.bearer())
			.contentType(MediaType.APPLICATION_JSON).content(write(investmentFraud())).exchange()).get("reference")
			.asString();

		assertThat(mvc.get().uri(REPORTS + "?status=RECEIVED&limit=500").with(caseOfficer())).hasStatusOk().bodyJson()
			.extractingPath("$[*].reference").asArray().contains(reference);
		JsonNode opened = json(mvc.get().uri(REPORTS + "/" + reference).with(caseOfficer()).exchange());
		assertThat(opened.get("accounts").get(0).get("account").asString()).isEqualTo("6222020200112233445");

		MvcTestResult registered = mvc.post().uri(REPORTS + "/" + reference + "/case").with(caseOfficer())
			.contentType(MediaType.APPLICATION_JSON).content(write(Map.of("category", "FRAUD_INVESTMENT"))).exchange();
		assertThat(registered).hasStatus(HttpStatus.CREATED);
		String number = json(registered).get("caseFile").get("caseNumber").asString();
		assertThat(number).matches("AJ-\\d{4}-\\d{6}");
		assertThat(registered.getResponse().getHeader("Location")).isEqualTo(CASES + "/" + number);
		assertThat(json(registered).get("reports").get(0).asString()).isEqualTo(reference);

		assertThat(post(caseOfficer(), CASES + "/" + number + "/investigation", Map.of())).hasStatusOk();
		assertThat(event(number, "FREEZE", 8000, null)).hasStatus(HttpStatus.CREATED);
		assertThat(event(number, "RETURN", 5000, null)).hasStatus(HttpStatus.CREATED);
		assertThat(event(number, "APPREHENSION", null, 2)).hasStatus(HttpStatus.CREATED);
		assertThat(post(caseOfficer(), CASES + "/" + number + "/clear",
				Map.of("on", today().toString(), "how", "资金流向追查，抓获 2 人"))).hasStatusOk();

		MvcTestResult read = mvc.get().uri(CASES + "/" + number).with(caseOfficer()).exchange();
		JsonNode detail = json(read);
		assertThat(detail.get("caseFile").get("status").asString()).isEqualTo("CLEARED");
		assertThat(raw(read)).contains( // amounts are numbers with two decimals
				"\"sums\":{\"stopPaid\":0.00,\"frozen\":8000.00,\"returned\":5000.00,\"apprehended\":2}");
		assertThat(detail.get("victims").get(0).get("loss").decimalValue()).isEqualByComparingTo("12000");
		assertThat(detail.get("history").findValuesAsString("step")).contains("REGISTERED", "REPORT_LINKED", "CLEARED");

		MvcTestResult followed = mvc.get().uri(MINE + "/" + reference).header("Authorization", resident.bearer())
			.exchange();
		JsonNode mine = json(followed);
		assertThat(mine.get("status").asString()).isEqualTo("CASE_REGISTERED");
		JsonNode progress = mine.get("caseProgress");
		assertThat(progress.get("caseNumber").asString()).isEqualTo(number);
		assertThat(progress.get("status").asString()).isEqualTo("CLEARED");
		assertThat(progress.get("clearedOn").asString()).isEqualTo(today().toString());
		assertThat(progress.get("returned").decimalValue()).isEqualByComparingTo("5000");
		assertThat(raw(followed)).contains("\"returned\":5000.00");
	}

	@Test
	void aSiblingStationsChiefFindsNeitherTheCaseNorTheReport() {
		Resident resident = CasesApiFixture.resident(mvc);
		String reference = json(mvc.post().uri(MINE).header("Authorization", resident.bearer())
			.contentType(MediaType.APPLICATION_JSON).content(write(investmentFraud())).exchange()).get("reference")
			.asString();
		String number = json(mvc.post().uri(REPORTS + "/" + reference + "/case").with(caseOfficer())
			.contentType(MediaType.APPLICATION_JSON).content(write(Map.of("category", "FRAUD_INVESTMENT"))).exchange())
			.get("caseFile").get("caseNumber").asString();

		assertThat(mvc.get().uri(CASES + "/" + number).with(DemoStaff.chief2())).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri(REPORTS + "/" + reference).with(DemoStaff.chief2())).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(post(DemoStaff.chief2(), CASES + "/" + number + "/clear", Map.of("how", "x")))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(post(DemoStaff.chief2(), CASES + "/" + number + "/events",
				Map.of("type", "FREEZE", "amount", 1))).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri(CASES + "?limit=500").with(DemoStaff.chief2())).hasStatusOk().bodyJson()
			.extractingPath("$[*].caseNumber").asArray().doesNotContain(number);
		assertThat(mvc.get().uri(CASES + "/" + number).with(DemoStaff.chief())).hasStatusOk();
	}

	@Test
	void clearingBeforeTheRegistrationDateAnswers422OnClearedOn() {
		String number = register("2026-01-05", today().toString(), "办公楼内发生的盗窃");
		MvcTestResult refused = post(caseOfficer(), CASES + "/" + number + "/clear",
				Map.of("on", today().minusDays(1).toString(), "how", "调取监控"));
		assertThat(refused).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().extractingPath("$.errors[*].field")
			.asArray().containsExactly("clearedOn");
		assertThat(mvc.get().uri(CASES + "/" + number).with(caseOfficer())).bodyJson()
			.extractingPath("$.caseFile.status").isEqualTo("REGISTERED");
	}

	@Test
	void clearingAClosedCaseAnswers409() {
		String number = register(today().minusDays(3).toString(), today().minusDays(1).toString(), "车辆被盗");
		assertThat(post(caseOfficer(), CASES + "/" + number + "/close",
				Map.of("on", today().toString(), "reason", "经查不构成犯罪"))).hasStatusOk().bodyJson()
			.extractingPath("$.caseFile.status").isEqualTo("CLOSED");
		MvcTestResult refused = post(caseOfficer(), CASES + "/" + number + "/clear",
				Map.of("on", today().toString(), "how", "抓获"));
		assertThat(refused).hasStatus(HttpStatus.CONFLICT);
		assertThat(mvc.get().uri(CASES + "/" + number).with(caseOfficer())).bodyJson()
			.extractingPath("$.caseFile.status").isEqualTo("CLOSED");
	}

	@Test
	void recordingTheSameEventTwiceAnswers409AndCountsItOnce() {
		String number = register(today().minusDays(3).toString(), today().toString(), "冒充客服诈骗");
		assertThat(event(number, "FREEZE", 3000, null)).hasStatus(HttpStatus.CREATED).bodyJson()
			.extractingPath("$.amount").isEqualTo(3000.00);
		assertThat(event(number, "FREEZE", 3000, null)).hasStatus(HttpStatus.CONFLICT);
		assertThat(mvc.get().uri(CASES + "/" + number).with(caseOfficer())).bodyJson()
			.extractingPath("$.sums.frozen").isEqualTo(3000.00);
	}

	@Test
	void searchFindsByAChineseBigramAndByCaseNumberWithinTheCallersScopeOnly() {
		String number = register(today().minusDays(3).toString(), today().toString(),
				"受害人在琥珀湾码头附近被骗取钱款");
		assertThat(mvc.get().uri(CASES + "/search?q=琥珀湾&limit=200").with(caseOfficer())).hasStatusOk().bodyJson()
			.extractingPath("$[?(@.type == 'CASE')].number").asArray().contains(number);
		assertThat(mvc.get().uri(CASES + "/search?q=" + number).with(caseOfficer())).hasStatusOk().bodyJson()
			.extractingPath("$[*].number").asArray().contains(number);
		assertThat(mvc.get().uri(CASES + "/search?q=琥珀湾&limit=200").with(DemoStaff.chief2())).hasStatusOk()
			.bodyJson().extractingPath("$[*].number").asArray().doesNotContain(number);
		assertThat(mvc.get().uri(CASES + "/search?q=" + number).with(DemoStaff.chief2())).hasStatusOk().bodyJson()
			.extractingPath("$[*].number").asArray().doesNotContain(number);
	}

	@Test
	void aFrontDeskOfficerTakesAWalkInReportButCannotRegisterACase() {
		Map<String, Object> body = new LinkedHashMap<>(investmentFraud());
		body.put("channel", "WALK_IN");
		body.put("unit", "");
		body.put("reporterName", "王先生");
		body.put("reporterPhone", "13912345678");
		MvcTestResult taken = mvc.post().uri(REPORTS).with(DemoStaff.frontDesk()).contentType(MediaType.APPLICATION_JSON)
			.content(write(body)).exchange();
		assertThat(taken).hasStatus(HttpStatus.CREATED);
		// The front desk takes the report but sees the phone masked; case officers see it in full.
		assertThat(json(taken).get("reporterPhone").asString()).isEqualTo("139****5678");
		assertThat(json(taken).get("channel").get("code").asString()).isEqualTo("WALK_IN");
		String reference = json(taken).get("reference").asString();
		assertThat(json(mvc.get().uri(REPORTS + "/" + reference).with(caseOfficer()).exchange()).get("reporterPhone")
			.asString()).isEqualTo("13912345678");
		assertThat(post(DemoStaff.frontDesk(), REPORTS + "/" + reference + "/case",
				Map.of("category", "FRAUD_INVESTMENT"))).hasStatus(HttpStatus.FORBIDDEN);
	}

	private String register(String occurredOn, String registeredOn, String narrative) {
		MvcTestResult created = post(caseOfficer(), CASES, Map.of("category", "TELECOM_FRAUD", "occurredOn", occurredOn,
				"registeredOn", registeredOn, "place", "安宁市", "narrative", narrative));
		assertThat(created).hasStatus(HttpStatus.CREATED);
		return json(created).get("caseFile").get("caseNumber").asString();
	}

	private MvcTestResult event(String number, String type, Integer amount, Integer people) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", type);
		body.put("on", today().toString());
		body.put("amount", amount);
		body.put("people", people);
		return post(caseOfficer(), CASES + "/" + number + "/events", body);
	}

	private MvcTestResult post(RequestPostProcessor who, String uri, Map<String, ?> body) {
		return mvc.post().uri(uri).with(who).contentType(MediaType.APPLICATION_JSON).content(write(body)).exchange();
	}
}
