package org.anning.residents;

import org.anning.AnningTest;
import org.anning.DemoStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.anning.residents.ResidentAccessLogTests.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Residents ask to correct their name or mobile; front-desk staff decide; before and after are kept. */
@AnningTest
class CorrectionTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Residents residents;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRequestWithoutValueOrReasonShowsErrorsBesideTheFieldsAndKeepsWhatWasTyped() throws Exception {
		Resident resident = residents.register(TestResidents.draft());
		mvc.perform(post("/me/corrections/new").param("field", "NAME").param("value", "").param("reason", "Typo")
				.with(as(resident))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"value-error\""), not(containsString("id=\"reason-error\"")),
					containsString("Typo"))));
		assertThat(requests(resident)).isZero();
	}

	@Test
	void anApprovedMobileCorrectionTakesEffectKeepsBothValuesSealedAndIsAudited() throws Exception {
		NewResident draft = TestResidents.draft();
		Resident resident = residents.register(draft);
		String newMobile = TestResidents.mobile();
		mvc.perform(post("/me/corrections/new").param("field", "MOBILE").param("value", newMobile)
				.param("reason", "New phone")
				.with(as(resident))
				.with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/me"));
		var id = jdbc.sql("SELECT id FROM resident_correction WHERE resident_id = ?")
			.param(resident.id().value())
			.query(java.util.UUID.class)
			.single();
		mvc.perform(get("/desk/corrections").with(DemoStaff.frontDesk()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("correction-" + id), not(containsString(newMobile)))));
		mvc.perform(get("/desk/corrections").with(DemoStaff.command())).andExpect(status().isForbidden());

		mvc.perform(post("/desk/corrections/{id}/approve", id).with(DemoStaff.frontDesk()).with(csrf()))
			.andExpect(status().isFound());
		assertThat(residents.find(resident.id()).orElseThrow().mobile().value()).isEqualTo(newMobile);
		var kept = jdbc.sql("SELECT status, before_mobile_sealed, after_mobile_sealed FROM resident_correction WHERE id = ?")
			.param(id)
			.query()
			.singleRow();
		assertThat(kept.get("status")).isEqualTo("APPROVED");
		assertThat(new String((byte[]) kept.get("after_mobile_sealed"), java.nio.charset.StandardCharsets.ISO_8859_1))
			.doesNotContain(newMobile);
		assertThat(kept.get("before_mobile_sealed")).isNotNull();
		assertThat(jdbc.sql("""
				SELECT action || ' ' || actor_kind FROM audit_event
				 WHERE subject_resident = ? AND object_type = 'resident-correction' ORDER BY seq
				""").param(resident.id().value()).query(String.class).list())
			.containsExactly("CREATE RESIDENT", "UPDATE STAFF");
		// A second decision on the same request is refused.
		mvc.perform(post("/desk/corrections/{id}/reject", id).with(DemoStaff.frontDesk()).with(csrf()))
			.andExpect(status().isConflict());
	}

	long requests(Resident resident) {
		return jdbc.sql("SELECT count(*) FROM resident_correction WHERE resident_id = ?")
			.param(resident.id().value())
			.query(Long.class)
			.single();
	}
}
