package org.anning.audit;

import org.anning.AnningTest;
import org.anning.DemoStaff;
import org.anning.accounts.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Auditors read the trail and verify the chain, in pages and API; reading the trail is itself audited. */
@AnningTest
class AuditorTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAuditorSeesTheLatestEventsAndTheViewIsAudited() throws Exception {
		long before = count("AUDIT_VIEWED");
		mvc.perform(get("/desk/audit").with(DemoStaff.as("auditor", "AN", Role.AUDITOR)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"verify\"")));
		assertThat(count("AUDIT_VIEWED")).isEqualTo(before + 1);
	}

	@Test
	void anAuditorVerifiesTheChainFromThePage() throws Exception {
		var result = mvc.perform(post("/desk/audit/verification").with(csrf()).with(DemoStaff.as("auditor", "AN", Role.AUDITOR)))
			.andReturn();
		Verification verification = (Verification) result.getFlashMap().get("verification");
		assertThat(verification.intact()).as(verification.summary()).isTrue();
		assertThat(verification.rows()).isPositive();
	}

	@Test
	void theApiVerifiesTheChainForAnAuditor() throws Exception {
		mvc.perform(post("/api/v1/audit/verification").with(DemoStaff.as("auditor", "AN", Role.AUDITOR)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.intact").value(true));
	}

	@Test
	void otherRolesMayNotReadTheTrail() throws Exception {
		mvc.perform(get("/desk/audit").with(DemoStaff.admin())).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/audit/events").header("Authorization", "Bearer " + DemoStaff.ADMIN_TOKEN))
			.andExpect(status().isForbidden());
	}

	@Test
	void administrationIsRecordedWithActorUnitRoleRequestAndAddress() throws Exception {
		mvc.perform(post("/api/v1/units").header("Authorization", "Bearer " + DemoStaff.ADMIN_TOKEN)
			.header("X-Request-Id", "audit-test-request-1")
			.contentType("application/json")
			.content("{\"code\":\"AUD-" + System.nanoTime() % 100000
					+ "\",\"nameZh\":\"审计测试所\",\"nameEn\":\"Audit Test Station\",\"level\":\"STATION\",\"parentCode\":\"AN-DC\"}"))
			.andExpect(status().isCreated());
		var row = jdbc.sql("SELECT actor_kind, actor_id, actor_unit, actor_roles, action, object_type, source_address "
				+ "FROM audit_event WHERE request_id = 'audit-test-request-1'").query().singleRow();
		assertThat(row).containsEntry("actor_kind", "STAFF")
			.containsEntry("actor_id", DemoStaff.accountId("admin").toString())
			.containsEntry("actor_unit", DemoStaff.unitId("AN").value())
			.containsEntry("actor_roles", "ADMINISTRATOR")
			.containsEntry("action", "CREATE")
			.containsEntry("object_type", "unit")
			.containsEntry("source_address", "127.0.0.1");
	}

	private long count(String action) {
		return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = ?").param(action).query(Long.class).single();
	}
}
