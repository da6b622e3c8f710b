package org.anning.services;

import org.anning.AnningTest;
import org.anning.services.ServiceHallApiFixture.Resident;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.anning.services.ServiceHallApiFixture.ITEM;
import static org.anning.services.ServiceHallApiFixture.PDF;
import static org.anning.services.ServiceHallApiFixture.UNIT;
import static org.anning.services.ServiceHallApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resident's own changes to an application are writes of personal data, so they are in the audit trail like
 * staff's: one entry per step, by the resident, about the resident, and none for a repeated request.
 */
@AnningTest
class SubmissionAuditTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSubmissionThroughTheApiIsAuditedOnceAsTheResidentsOwnChange() {
		Resident resident = ServiceHallApiFixture.resident(mvc);
		String key = java.util.UUID.randomUUID().toString();

		MvcTestResult first = apply(resident, key);
		MvcTestResult repeated = apply(resident, key);

		assertThat(first).hasStatus(HttpStatus.CREATED);
		assertThat(repeated).hasStatus(HttpStatus.CREATED);
		String reference = json(first).get("reference").asString();
		var entries = jdbc.sql("""
				SELECT actor_kind, action, detail, subject_resident::text = actor_id AS about_the_actor FROM audit_event
				 WHERE object_type = 'application' AND object_id = ? ORDER BY seq
				""").param(reference).query((rs, n) -> rs.getString("actor_kind") + " " + rs.getString("action") + " "
						+ rs.getString("detail") + " " + rs.getBoolean("about_the_actor")).list();
		assertThat(entries).containsExactly("RESIDENT UPDATE SUBMITTED true");
	}

	@Test
	void aWithdrawalByTheResidentIsAuditedToo() {
		Resident resident = ServiceHallApiFixture.resident(mvc);
		String reference = json(apply(resident, null)).get("reference").asString();

		assertThat(mvc.post().uri("/api/v1/me/applications/" + reference + "/withdraw")
			.header("Authorization", resident.bearer())).hasStatusOk();

		assertThat(jdbc.sql("""
				SELECT detail FROM audit_event WHERE object_type = 'application' AND object_id = ? AND actor_kind = 'RESIDENT'
				 ORDER BY seq
				""").param(reference).query(String.class).list()).containsExactly("SUBMITTED", "WITHDRAWN");
	}

	private MvcTestResult apply(Resident resident, String key) {
		var request = mvc.post()
			.uri("/api/v1/me/applications")
			.header("Authorization", resident.bearer())
			.multipart()
			.file(new MockMultipartFile("material.ID_CARD", "id.pdf", "application/pdf", PDF))
			.file(new MockMultipartFile("material.NO_CRIMINAL_RECORD_FORM", "form.pdf", "application/pdf", PDF))
			.param("item", ITEM)
			.param("unit", UNIT)
			.param("submit", "true");
		if (key != null) {
			request = request.header("Idempotency-Key", key);
		}
		return request.exchange();
	}
}
