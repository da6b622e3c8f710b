package org.anning.mediation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.anning.AnningTest;
import org.anning.DemoStaff;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

import static org.anning.mediation.MediationFixture.API;
import static org.anning.mediation.MediationFixture.MINE;
import static org.anning.mediation.MediationFixture.json;
import static org.anning.mediation.MediationFixture.mediator;
import static org.anning.mediation.MediationFixture.neighbours;
import static org.anning.mediation.MediationFixture.post;
import static org.anning.mediation.MediationFixture.raw;
import static org.anning.mediation.MediationFixture.receive;
import static org.anning.mediation.MediationFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

/** Mediation over the API: intake, the lifecycle and its guards, follow-up, case links, the PDF, scope, residents. */
@AnningTest
@RecordApplicationEvents
class MediationApiTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	ApplicationEvents events;

	LocalDate today() {
		return LocalDate.now(clock);
	}

	@Test
	void intakeWithBadValuesAnswers422NamingEachFieldAndStoresNothing() {
		long before = jdbc.sql("SELECT count(*) FROM mediation_dispute").query(Long.class).single();
		Map<String, Object> body = neighbours(today(), 0, "HIGH");
		body.put("category", "GOSSIP");
		body.put("riskReason", "");
		body.put("receivedOn", today().plusDays(3).toString());
		body.put("parties", List.of(MediationFixture.party("APPLICANT", "张三丰", "12345")));
		MvcTestResult refused = post(mvc, API, mediator(), body);
		assertThat(refused).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().extractingPath("$.errors[*].field")
			.asArray()
			.contains("category", "riskReason", "receivedOn", "parties[0].contact");
		assertThat(raw(refused)).contains("parties[1].name");
		assertThat(jdbc.sql("SELECT count(*) FROM mediation_dispute").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void aReceivedDisputeHasATjNumberMaskedPartiesAndOpensThemWithAnAuditedRead() {
		String ref = receive(mvc, neighbours(today(), 2, "LOW"));
		assertThat(ref).matches("TJ-\\d{4}-\\d{6}");
		MvcTestResult got = mvc.get().uri(API + "/" + ref).with(mediator()).exchange();
		assertThat(got).hasStatusOk();
		assertThat(raw(got)).contains("张**", "138****5678").doesNotContain("张三丰", "13812345678");
		assertThat(json(got).get("dueOn").asString()).isEqualTo(today().minusDays(2).plusDays(30).toString());

		long reads = reads(ref);
		MvcTestResult opened = mvc.get().uri(API + "/" + ref + "/parties").with(mediator()).exchange();
		assertThat(opened).hasStatusOk();
		assertThat(raw(opened)).contains("张三丰", "13812345678", "李四海");
		assertThat(reads(ref)).isEqualTo(reads + 1);
		assertThat(jdbc.sql("SELECT purpose FROM audit_event WHERE object_id = ? AND action = 'READ'").param(ref)
			.query(String.class).list()).containsOnly("DISPUTE");
	}

	@Test
	void aHighRiskDisputeIsReportedForItsStationChief() {
		String ref = receive(mvc, neighbours(today(), 0, "HIGH"));
		assertThat(events.stream(Events.HighRiskDisputeReported.class).filter(e -> e.reference().equals(ref)))
			.singleElement()
			.satisfies(e -> assertThat(e.unit()).isEqualTo(DemoStaff.unitId("AN-DC-01").value()));
		String low = receive(mvc, neighbours(today(), 0, "LOW"));
		assertThat(events.stream(Events.HighRiskDisputeReported.class).filter(e -> e.reference().equals(low))).isEmpty();
		assertThat(post(mvc, API + "/" + low + "/risk", mediator(), Map.of("risk", "HIGH", "riskReason", "曾发生肢体冲突")))
			.hasStatusOk();
		assertThat(events.stream(Events.HighRiskDisputeReported.class).filter(e -> e.reference().equals(low))).hasSize(1);
		assertThat(mvc.get().uri(API + "?queue=HIGH_RISK").with(mediator())).hasStatusOk().bodyJson()
			.extractingPath("$[*].reference").asArray().contains(ref, low);
	}

	@Test
	void anotherStationsStaffGet404ForTheDisputeAndEveryStep() {
		String ref = receive(mvc, neighbours(today(), 1, "LOW"));
		assertThat(mvc.get().uri(API + "/" + ref).with(MediationFixture.siblingOfficer())).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri(API + "/" + ref + "/parties").with(MediationFixture.siblingOfficer()))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(post(mvc, API + "/" + ref + "/sessions", MediationFixture.siblingOfficer(),
				Map.of("attended", "双方", "notes", "调解"))).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri(API).with(MediationFixture.siblingOfficer())).hasStatusOk().bodyJson()
			.extractingPath("$[*].reference").asArray().doesNotContain(ref);
		assertThat(mvc.get().uri(API + "/" + ref).with(DemoStaff.command())).hasStatusOk();
		assertThat(post(mvc, API + "/" + ref + "/sessions", DemoStaff.command(), Map.of("attended", "双方", "notes", "x")))
			.hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void lifecycleRunsFromSessionToAgreementAndRefusesIllegalStepsWith409() {
		String ref = receive(mvc, neighbours(today(), 5, "MEDIUM"));
		assertThat(post(mvc, API + "/" + ref + "/follow-up", mediator(), Map.of("carriedOut", true)))
			.hasStatus(HttpStatus.CONFLICT);
		assertThat(post(mvc, API + "/" + ref + "/sessions", mediator(),
				Map.of("heldOn", today().minusDays(1).toString(), "attended", "双方当事人、调解员", "notes", "释法说理，双方同意和解")))
			.hasStatusOk().bodyJson().extractingPath("$.sessions.length()").isEqualTo(1);
		MvcTestResult agreed = post(mvc, API + "/" + ref + "/agreement", mediator(), Map.of("agreedOn", today().toString(),
				"terms", List.of(Map.of("party", "李四海", "obligation", "晚上十点后停止装修施工", "dueBy", today().plusDays(3).toString()))));
		assertThat(agreed).hasStatusOk();
		assertThat(json(agreed).get("followUpDue").asString()).isEqualTo(today().plusDays(15).toString());
		assertThat(post(mvc, API + "/" + ref + "/sessions", mediator(), Map.of("attended", "双方", "notes", "再次调解")))
			.hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.type")
			.isEqualTo("urn:anning:problem:mediation.dispute.notInMediation");
		assertThat(post(mvc, API + "/" + ref + "/withdrawal", mediator(), Map.of())).hasStatus(HttpStatus.CONFLICT);
		JsonNode d = json(mvc.get().uri(API + "/" + ref).with(mediator()).exchange());
		assertThat(d.get("status").asString()).isEqualTo("CLOSED");
		assertThat(d.get("outcome").get("code").asString()).isEqualTo("AGREEMENT");
		assertThat(d.get("closedOn").asString()).isEqualTo(today().toString());
	}

	@Test
	void anAgreementWithoutTermsOrWithATermDueBeforeItIsRefusedOnTheTerm() {
		String ref = receive(mvc, neighbours(today(), 5, "LOW"));
		assertThat(post(mvc, API + "/" + ref + "/agreement", mediator(), Map.of("terms", List.of())))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().extractingPath("$.errors[*].field").asArray()
			.containsExactly("terms[0].obligation");
		assertThat(post(mvc, API + "/" + ref + "/agreement", mediator(), Map.of("terms",
				List.of(Map.of("party", "李四海", "obligation", "赔偿", "dueBy", today().minusDays(1).toString())))))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().extractingPath("$.errors[*].field").asArray()
			.containsExactly("terms[0].dueBy");
	}

	@Test
	void aFollowUpFallsDueAndOnceRecordedLeavesTheQueue() {
		String ref = receive(mvc, neighbours(today(), 20, "LOW"));
		String agreedOn = today().minusDays(15).toString();
		assertThat(post(mvc, API + "/" + ref + "/agreement", mediator(),
				Map.of("agreedOn", agreedOn, "terms", List.of(Map.of("party", "李四海", "obligation", "赔偿维修费 800 元")))))
			.hasStatusOk();
		assertThat(mvc.get().uri(API + "?queue=FOLLOW_UP_DUE").with(mediator())).hasStatusOk().bodyJson()
			.extractingPath("$[*].reference").asArray().contains(ref);
		assertThat(post(mvc, API + "/" + ref + "/follow-up", mediator(), Map.of("carriedOut", false)))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().extractingPath("$.errors[*].field").asArray()
			.contains("action", "note");
		MvcTestResult done = post(mvc, API + "/" + ref + "/follow-up", mediator(),
				Map.of("followedUpOn", today().toString(), "carriedOut", true));
		assertThat(done).hasStatusOk();
		assertThat(json(done).get("followedUpOn").asString()).isEqualTo(today().toString());
		assertThat(mvc.get().uri(API + "?queue=FOLLOW_UP_DUE").with(mediator())).hasStatusOk().bodyJson()
			.extractingPath("$[*].reference").asArray().doesNotContain(ref);
		assertThat(post(mvc, API + "/" + ref + "/follow-up", mediator(), Map.of("carriedOut", true)))
			.hasStatus(HttpStatus.CONFLICT);
	}

	@Test
	void anAgreementNotCarriedOutCanBeReopenedWithANewLimit() {
		String ref = receive(mvc, neighbours(today(), 25, "LOW"));
		post(mvc, API + "/" + ref + "/agreement", mediator(),
				Map.of("agreedOn", today().minusDays(16).toString(), "terms", List.of(Map.of("party", "李四海", "obligation", "道歉"))));
		assertThat(post(mvc, API + "/" + ref + "/follow-up", mediator(),
				Map.of("carriedOut", false, "action", "REOPENED", "note", "对方拒不履行")))
			.hasStatusOk().bodyJson().extractingPath("$.carriedOut").isEqualTo(false);
		JsonNode d = json(mvc.get().uri(API + "/" + ref).with(mediator()).exchange());
		assertThat(d.get("status").asString()).isEqualTo("IN_MEDIATION");
		assertThat(d.get("reopened").asInt()).isEqualTo(1);
		assertThat(d.get("dueOn").asString()).isEqualTo(today().plusDays(30).toString());
	}

	@Test
	void aDisputeLinksToAnExistingCaseOnceAndNotToAnUnknownOne() {
		String ref = receive(mvc, neighbours(today(), 3, "HIGH"));
		String number = jdbc.sql("SELECT case_number FROM case_file WHERE unit_id = ? ORDER BY case_number LIMIT 1")
			.param(DemoStaff.unitId("AN-DC-01").value()).query(String.class).single();
		assertThat(post(mvc, API + "/" + ref + "/escalation", mediator(), Map.of("caseNumber", "AJ-1999-999999")))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().extractingPath("$.errors[0].field")
			.isEqualTo("caseNumber");
		assertThat(post(mvc, API + "/" + ref + "/escalation", mediator(), Map.of("caseNumber", number))).hasStatusOk()
			.bodyJson().extractingPath("$.cases[0].caseNumber").isEqualTo(number);
		assertThat(post(mvc, API + "/" + ref + "/escalation", mediator(), Map.of("caseNumber", number)))
			.hasStatus(HttpStatus.CONFLICT);
		assertThat(events.stream(Events.DisputeEscalated.class).filter(e -> e.caseNumber().equals(number))).hasSize(1);
	}

	@Test
	void theAgreementPdfHasExtractableChineseTextWithNamesAndSignatureLines() throws Exception {
		String ref = receive(mvc, neighbours(today(), 4, "LOW"));
		assertThat(mvc.get().uri(API + "/" + ref + "/agreement.pdf").with(mediator())).hasStatus(HttpStatus.CONFLICT);
		post(mvc, API + "/" + ref + "/agreement", mediator(), Map.of("terms",
				List.of(Map.of("party", "李四海", "obligation", "赔偿维修费八百元", "dueBy", today().plusDays(7).toString()))));
		MvcTestResult pdf = mvc.get().uri(API + "/" + ref + "/agreement.pdf").with(mediator()).exchange();
		assertThat(pdf).hasStatusOk().hasContentType(MediaType.APPLICATION_PDF);
		byte[] bytes = pdf.getResponse().getContentAsByteArray();
		try (var document = Loader.loadPDF(bytes)) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("人民调解协议书", ref, "张三丰", "李四海", "赔偿维修费八百元", "签名", "和平路派出所");
		}
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE object_id = ? AND action = 'EXPORT' AND purpose = 'DISPUTE'")
			.param(ref).query(Long.class).single()).isEqualTo(1);
		assertThat(mvc.get().uri(API + "/" + ref + "/agreement.pdf").with(MediationFixture.siblingOfficer()))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void residentsAskForMediationAndSeeOnlyTheirOwnRequests() {
		MediationFixture.Resident one = MediationFixture.resident(mvc);
		MediationFixture.Resident two = MediationFixture.resident(mvc);
		Map<String, Object> body = Map.of("unit", "AN-DC-01", "category", "NEIGHBOURS", "account", "邻居家狗夜里一直叫",
				"me", Map.of("name", "郑晓雯", "contact", "13912345678"), "otherSide", Map.of("name", "隔壁王某"));
		MvcTestResult created = mvc.post().uri(MINE).header("Authorization", one.bearer())
			.contentType(MediaType.APPLICATION_JSON).content(write(body)).exchange();
		assertThat(created).hasStatus(HttpStatus.CREATED);
		String ref = json(created).get("reference").asString();
		assertThat(mvc.get().uri(MINE).header("Authorization", one.bearer())).hasStatusOk().bodyJson()
			.extractingPath("$[*].reference").asArray().containsExactly(ref);
		assertThat(mvc.get().uri(MINE).header("Authorization", two.bearer())).hasStatusOk().bodyJson()
			.extractingPath("$.length()").isEqualTo(0);
		assertThat(mvc.get().uri(MINE + "/" + ref).header("Authorization", two.bearer())).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.post().uri(MINE + "/" + ref + "/withdrawal").header("Authorization", two.bearer()))
			.hasStatus(HttpStatus.NOT_FOUND);

		MvcTestResult withoutContact = mvc.post().uri(MINE).header("Authorization", two.bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.content(write(Map.of("unit", "AN", "category", "NEIGHBOURS", "account", "x", "me", Map.of("name", "郑晓雯"))))
			.exchange();
		assertThat(withoutContact).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson()
			.extractingPath("$.errors[*].field").asArray().contains("unit", "parties[0].contact", "parties[1].name");

		// Staff see it in the station's queue and can work it; the resident follows it.
		assertThat(mvc.get().uri(API).with(mediator())).hasStatusOk().bodyJson().extractingPath("$[*].reference")
			.asArray().contains(ref);
		assertThat(post(mvc, API + "/" + ref + "/sessions", mediator(), Map.of("attended", "双方", "notes", "现场调解")))
			.hasStatusOk();
		assertThat(post(mvc, API + "/" + ref + "/risk", mediator(), Map.of("risk", "HIGH", "riskReason", "对方扬言报复")))
			.hasStatusOk();
		MvcTestResult followed = mvc.get().uri(MINE + "/" + ref).header("Authorization", one.bearer()).exchange();
		assertThat(followed).hasStatusOk().bodyJson().extractingPath("$.sessions.length()").isEqualTo(1);
		assertThat(raw(followed)).contains("\"SESSION\"").doesNotContain("RISK_HIGH", "对方扬言报复", "\"risk\"");
		assertThat(mvc.post().uri(MINE + "/" + ref + "/withdrawal").header("Authorization", one.bearer()))
			.hasStatusOk().bodyJson().extractingPath("$.outcome.code").isEqualTo("WITHDRAWN");
	}

	@Test
	void mediatorsOfAUnitAreAddedAndDeactivated() {
		MvcTestResult added = post(mvc, "/api/v1/mediation/mediators", mediator(),
				Map.of("kind", "LAWYER", "name", "钱律师", "organisation", "安宁明正律师事务所"));
		assertThat(added).hasStatus(HttpStatus.CREATED);
		String id = json(added).get("id").asString();
		assertThat(post(mvc, "/api/v1/mediation/mediators", mediator(), Map.of("kind", "POLICE", "account", "nobody")))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().extractingPath("$.errors[0].field").isEqualTo("account");
		String ref = receive(mvc, neighbours(today(), 1, "LOW"));
		assertThat(post(mvc, API + "/" + ref + "/mediators", mediator(), Map.of("mediator", id))).hasStatusOk()
			.bodyJson().extractingPath("$.mediators[*].name").asArray().contains("钱律师");
		assertThat(post(mvc, "/api/v1/mediation/mediators/" + id + "/deactivation", mediator(), Map.of())).hasStatusOk()
			.bodyJson().extractingPath("$.active").isEqualTo(false);
		assertThat(post(mvc, "/api/v1/mediation/mediators/" + id + "/deactivation", mediator(), Map.of()))
			.hasStatus(HttpStatus.CONFLICT);
		assertThat(post(mvc, "/api/v1/mediation/mediators/" + id + "/deactivation", MediationFixture.siblingOfficer(),
				Map.of())).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/api/v1/mediation/mediators/" + id).with(MediationFixture.siblingOfficer()))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	private long reads(String ref) {
		return jdbc.sql("SELECT count(*) FROM audit_event WHERE object_id = ? AND action = 'READ'").param(ref)
			.query(Long.class).single();
	}
}
