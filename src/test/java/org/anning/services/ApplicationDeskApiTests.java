package org.anning.services;

import java.util.Map;

import org.anning.AnningTest;
import org.anning.DemoStaff;
import org.anning.accounts.Role;
import org.anning.services.ServiceHallApiFixture.Resident;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

import static org.anning.services.ServiceHallApiFixture.ITEM;
import static org.anning.services.ServiceHallApiFixture.JSON;
import static org.anning.services.ServiceHallApiFixture.PDF;
import static org.anning.services.ServiceHallApiFixture.UNIT;
import static org.anning.services.ServiceHallApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

@AnningTest
class ApplicationDeskApiTests {

	static final String DESK = "/api/v1/applications";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theChiefOfASiblingStationGets404ForAnApplicationOfAnDc01() {
		String reference = submitted(ServiceHallApiFixture.resident(mvc));

		assertThat(mvc.get().uri(DESK + "/" + reference).with(DemoStaff.chief2())).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.post().uri(DESK + "/" + reference + "/accept").with(DemoStaff.chief2()))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri(DESK + "?queue=ALL&item=" + ITEM).with(DemoStaff.chief2())).hasStatusOk()
			.bodyJson()
			.extractingPath("$[*].reference")
			.asArray()
			.doesNotContain(reference);

		assertThat(mvc.get().uri(DESK + "/" + reference).with(DemoStaff.chief())).hasStatusOk()
			.bodyJson()
			.extractingPath("$.status")
			.isEqualTo("SUBMITTED");
	}

	@Test
	void openingAnApplicationShowsTheApplicantMaskedAndIsAudited() throws Exception {
		Resident resident = ServiceHallApiFixture.resident(mvc);
		String reference = submitted(resident);

		MvcTestResult opened = mvc.get().uri(DESK + "/" + reference).with(DemoStaff.frontDesk()).exchange();

		assertThat(opened).hasStatusOk();
		JsonNode body = json(opened);
		assertThat(body.get("applicant").get("name").asString()).isEqualTo("周安然");
		assertThat(body.get("applicant").get("maskedIdNumber").asString()).isNotEqualTo(resident.idNumber())
			.doesNotContain(resident.idNumber().substring(6, 14));
		assertThat(opened.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
			.doesNotContain(resident.idNumber());
		assertThat(body.get("materials")).hasSize(2);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'READ' AND object_type = 'application' AND object_id = ?")
			.param(reference)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theWorklistHasNoPersonalDataAndTheQueuesAreCounted() throws Exception {
		Resident resident = ServiceHallApiFixture.resident(mvc);
		String reference = submitted(resident);

		MvcTestResult list = mvc.get().uri(DESK + "?queue=TO_ACCEPT&item=" + ITEM).with(DemoStaff.frontDesk()).exchange();
		assertThat(list).hasStatusOk().bodyJson().extractingPath("$[?(@.reference == '" + reference + "')].unit")
			.asArray()
			.containsExactly(UNIT);
		assertThat(list.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("周安然");

		MvcTestResult queues = mvc.get().uri(DESK + "/queues").with(DemoStaff.frontDesk()).exchange();
		assertThat(queues).hasStatusOk().bodyJson().extractingPath("$[?(@.queue == 'TO_ACCEPT')].count").asArray()
			.singleElement()
			.satisfies(count -> assertThat(((Number) count).intValue()).isPositive());
		assertThat(queues).bodyJson().extractingPath("$[*].queue").asArray().hasSize(Queue.values().length);
	}

	@Test
	void aMaterialDownloadsAsAnAttachmentWithItsTypeAndNoSniffing() {
		String reference = submitted(ServiceHallApiFixture.resident(mvc));
		JsonNode opened = json(mvc.get().uri(DESK + "/" + reference).with(DemoStaff.frontDesk()).exchange());
		String id = opened.get("materials").get(0).get("id").asString();

		MvcTestResult file = mvc.get().uri(DESK + "/" + reference + "/materials/" + id).with(DemoStaff.frontDesk()).exchange();

		assertThat(file).hasStatusOk().hasContentType("application/pdf");
		assertThat(file.getResponse().getContentAsByteArray()).isEqualTo(PDF);
		assertThat(file.getResponse().getHeader("Content-Disposition")).startsWith("attachment").contains(".pdf");
		assertThat(file.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(mvc.get().uri(DESK + "/" + reference + "/materials/" + java.util.UUID.randomUUID())
			.with(DemoStaff.frontDesk())).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri(DESK + "/" + reference + "/materials/" + id).with(DemoStaff.chief2()))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void aReviewerMayNotAcceptAndAFrontDeskMayNotApprove() {
		String reference = submitted(ServiceHallApiFixture.resident(mvc));

		assertThat(mvc.post().uri(DESK + "/" + reference + "/accept").with(DemoStaff.as("reviewer", UNIT, Role.REVIEWER)))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri(DESK + "/" + reference + "/accept").with(DemoStaff.frontDesk())).hasStatusOk();
		assertThat(mvc.post().uri(DESK + "/" + reference + "/approve").with(DemoStaff.frontDesk()))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri(DESK + "/" + reference + "/accept").with(DemoStaff.frontDesk()))
			.hasStatus(HttpStatus.CONFLICT);
	}

	@Test
	void refusingWithoutAReasonAnswers422OnTheReason() {
		String reference = submitted(ServiceHallApiFixture.resident(mvc));

		assertThat(mvc.post()
			.uri(DESK + "/" + reference + "/refuse")
			.with(DemoStaff.frontDesk())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\" \"}")).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactly("reason");
		assertThat(mvc.post()
			.uri(DESK + "/" + reference + "/refuse")
			.with(DemoStaff.frontDesk())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"Not resident in the district\"}")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.status")
			.isEqualTo("REFUSED");
	}

	@Test
	void anApplicationIsAssignedOnlyToAnActiveStaffMemberInScope() {
		String reference = submitted(ServiceHallApiFixture.resident(mvc));
		String reviewer = DemoStaff.accountId("reviewer").value().toString();
		String chief2 = DemoStaff.accountId("chief2").value().toString();

		assertThat(assign(reference, chief2)).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactly("account");
		assertThat(assign(reference, "not-a-uuid")).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(assign(reference, reviewer)).hasStatusOk().bodyJson().extractingPath("$.assignee").isEqualTo(reviewer);
	}

	MvcTestResult assign(String reference, String account) {
		return mvc.post()
			.uri(DESK + "/" + reference + "/assign")
			.with(DemoStaff.chief())
			.contentType(MediaType.APPLICATION_JSON)
			.content(JSON.writeValueAsString(Map.of("account", account)))
			.exchange();
	}

	/** A submitted application of AN-DC-01, made in one step. */
	String submitted(Resident resident) {
		MvcTestResult result = mvc.post()
			.uri("/api/v1/me/applications")
			.header("Authorization", resident.bearer())
			.multipart()
			.file(new MockMultipartFile("material.ID_CARD", "id.pdf", "application/pdf", PDF))
			.file(new MockMultipartFile("material.NO_CRIMINAL_RECORD_FORM", "form.pdf", "application/pdf", PDF))
			.param("item", ITEM)
			.param("unit", UNIT)
			.param("submit", "true")
			.exchange();
		assertThat(result).hasStatus(HttpStatus.CREATED);
		return json(result).get("reference").asString();
	}
}
