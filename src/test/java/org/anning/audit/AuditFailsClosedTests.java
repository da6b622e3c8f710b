package org.anning.audit;

import javax.sql.DataSource;

import org.anning.AnningTest;
import org.anning.DemoStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** When the audit record cannot be written, the audited action does not happen and the request answers 503. */
@AnningTest
class AuditFailsClosedTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient app;

	@Autowired
	@FlywayDataSource
	DataSource ownerDataSource;

	@Test
	void anActionWhoseAuditRecordCannotBeWrittenFailsClosedAndLeavesNoTrace() throws Exception {
		JdbcClient owner = JdbcClient.create(ownerDataSource);
		String code = "FAIL-" + System.nanoTime() % 100_000;
		owner.sql("REVOKE INSERT ON audit_event FROM anning_app").update();
		try {
			mvc.perform(post("/api/v1/units").header("Authorization", "Bearer " + DemoStaff.ADMIN_TOKEN)
				.contentType("application/json")
				.content("{\"code\":\"" + code
						+ "\",\"nameZh\":\"不应存在\",\"nameEn\":\"Must not exist\",\"level\":\"STATION\",\"parentCode\":\"AN-DC\"}"))
				.andExpect(status().isServiceUnavailable())
				.andExpect(jsonPath("$.status").value(503));
		}
		finally {
			owner.sql("GRANT INSERT ON audit_event TO anning_app").update();
		}
		assertThat(app.sql("SELECT count(*) FROM unit WHERE code = ?").param(code).query(Long.class).single()).isZero();
	}
}
