package org.anning.residents;

import java.util.UUID;

import org.anning.AnningTest;
import org.anning.DemoStaff;
import org.anning.accounts.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** Staff find residents (masked, not audited) and open one record with a stated purpose (audited). */
@AnningTest
class ResidentRecordsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Residents residents;

	@Autowired
	JdbcClient jdbc;

	@Test
	void searchListShowsMaskedNumbersOnlyAndAuditsNothing() throws Exception {
		NewResident draft = TestResidents.draft();
		Resident resident = residents.register(draft);
		mvc.perform(post("/desk/residents").param("idNumber", draft.idNumber().toLowerCase())
				.with(DemoStaff.frontDesk())
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(view().name("desk/residents/find"))
			.andExpect(content().string(allOf(containsString(draft.name()),
					containsString(resident.idNumber().masked()), containsString(resident.mobile().masked()),
					containsString("/desk/residents/" + resident.id()), not(containsString(draft.idNumber())),
					not(containsString(draft.mobile())))));
		mvc.perform(post("/desk/residents").param("mobile", draft.mobile())
				.with(DemoStaff.frontDesk())
				.with(csrf()))
			.andExpect(content().string(allOf(containsString(resident.mobile().masked()),
					not(containsString(draft.mobile())))));
		assertThat(reads(resident)).isZero();
	}

	@Test
	void withoutAPurposeTheRecordShowsNoPersonalDataAndNothingIsAudited() throws Exception {
		NewResident draft = TestResidents.draft();
		Resident resident = residents.register(draft);
		mvc.perform(get("/desk/residents/{id}", resident.id()).with(DemoStaff.frontDesk()))
			.andExpect(status().isOk())
			.andExpect(view().name("desk/residents/purpose"))
			.andExpect(content().string(allOf(containsString("id=\"purpose\""), containsString("id=\"ref\""),
					not(containsString(draft.idNumber())), not(containsString(draft.mobile())),
					not(containsString(resident.idNumber().masked())))));
		mvc.perform(post("/desk/residents/{id}", resident.id()).param("purpose", "").param("ref", "")
				.with(DemoStaff.frontDesk())
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(view().name("desk/residents/purpose"))
			.andExpect(content().string(allOf(containsString("id=\"purpose-error\""), containsString("id=\"ref-error\""),
					not(containsString(draft.idNumber())), not(containsString(draft.mobile())))));
		assertThat(reads(resident)).isZero();
	}

	@Test
	void openingWithAPurposeIsAuditedAndShowsFullNumbersWhereTheRoleNeedsThem() throws Exception {
		NewResident draft = TestResidents.draft();
		Resident resident = residents.register(draft);
		mvc.perform(post("/desk/residents/{id}", resident.id()).param("purpose", "APPLICATION")
				.param("ref", "SQ-2026-0001")
				.with(DemoStaff.frontDesk())
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(view().name("desk/residents/record"))
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andExpect(content().string(allOf(containsString(draft.name()), containsString(draft.idNumber()),
					containsString(draft.mobile()), containsString("SQ-2026-0001"))));
		assertThat(reads(resident)).isEqualTo(1);
		var event = jdbc.sql("""
				SELECT actor_id, actor_roles, purpose, purpose_ref, object_type, object_id FROM audit_event
				 WHERE subject_resident = ? AND action = 'READ'
				""").param(resident.id().value()).query().singleRow();
		assertThat(event).containsEntry("actor_id", DemoStaff.accountId("frontdesk").toString())
			.containsEntry("actor_roles", "FRONT_DESK")
			.containsEntry("purpose", "APPLICATION")
			.containsEntry("purpose_ref", "SQ-2026-0001")
			.containsEntry("object_type", "resident")
			.containsEntry("object_id", resident.id().toString());
	}

	@Test
	void aPurposeTheRoleDoesNotNeedShowsMaskedNumbersButIsStillAudited() throws Exception {
		NewResident draft = TestResidents.draft();
		Resident resident = residents.register(draft);
		mvc.perform(post("/desk/residents/{id}", resident.id()).param("purpose", "ACCIDENT")
				.param("ref", "JT-7")
				.with(DemoStaff.frontDesk())
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(resident.idNumber().masked()),
					containsString(resident.mobile().masked()), containsString("id=\"masked-note\""),
					not(containsString(draft.idNumber())), not(containsString(draft.mobile())))));
		assertThat(reads(resident)).isEqualTo(1);
	}

	@Test
	void rolesThatMayNotOpenResidentsGet403AndUnknownResidentsGet404() throws Exception {
		Resident resident = residents.register(TestResidents.draft());
		mvc.perform(get("/desk/residents").with(DemoStaff.command())).andExpect(status().isForbidden());
		mvc.perform(get("/desk/residents/{id}", resident.id()).with(DemoStaff.admin())).andExpect(status().isForbidden());
		mvc.perform(post("/desk/residents/{id}", resident.id()).param("purpose", "AUDIT")
				.param("ref", "X")
				.with(DemoStaff.admin())
				.with(csrf())).andExpect(status().isForbidden());
		mvc.perform(get("/desk/residents/{id}", UUID.randomUUID()).with(DemoStaff.frontDesk()))
			.andExpect(status().isNotFound());
		assertThat(reads(resident)).isZero();
	}

	@Test
	void apiListsMaskedResidentsAndAnswers422WithoutAPurpose() throws Exception {
		NewResident draft = TestResidents.draft();
		Resident resident = residents.register(draft);
		var caseOfficer = DemoStaff.as("caseofficer", "AN-DC-01", Role.CASE_OFFICER);
		mvc.perform(post("/api/v1/residents/search").contentType("application/json")
			.content("{\"idNumber\":\"" + draft.idNumber() + "\"}")
			.with(caseOfficer))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value(resident.id().toString()))
			.andExpect(jsonPath("$[0].idNumber").value(resident.idNumber().masked()))
			.andExpect(jsonPath("$[0].mobile").value(resident.mobile().masked()));
		mvc.perform(get("/api/v1/residents/{id}", resident.id()).with(caseOfficer))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("purpose", "ref")))
			.andExpect(content().string(not(containsString(draft.idNumber()))));
		assertThat(reads(resident)).isZero();

		mvc.perform(get("/api/v1/residents/{id}", resident.id()).param("purpose", "CASE")
				.param("ref", "AJ-2026-15")
				.with(caseOfficer))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andExpect(jsonPath("$.idNumber").value(draft.idNumber()))
			.andExpect(jsonPath("$.full").value(true));
		assertThat(reads(resident)).isEqualTo(1);
		mvc.perform(post("/api/v1/residents/search").contentType("application/json")
			.content("{\"mobile\":\"" + draft.mobile() + "\"}")
			.with(DemoStaff.command()))
			.andExpect(status().isForbidden());
	}

	long reads(Resident resident) {
		return jdbc.sql("SELECT count(*) FROM audit_event WHERE subject_resident = ? AND action = 'READ'")
			.param(resident.id().value())
			.query(Long.class)
			.single();
	}
}
