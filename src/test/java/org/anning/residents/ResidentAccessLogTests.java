package org.anning.residents;

import java.time.Clock;
import java.time.LocalDate;

import org.anning.AnningTest;
import org.anning.DemoStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A resident sees who opened their data and why; a station chief may defer an entry; a resident downloads it all. */
@AnningTest
class ResidentAccessLogTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Residents residents;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void afterStaffOpenTheRecordWithAPurposeTheResidentsLogShowsUnitRoleAndPurposeOnTheNextRequest() throws Exception {
		Resident resident = residents.register(TestResidents.draft());
		mvc.perform(get("/me/access-log").with(as(resident)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"no-accesses\"")));

		open(resident, "APPLICATION", "SQ-2026-0042");

		mvc.perform(get("/me/access-log").with(as(resident)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("和平路派出所"), containsString("窗口民警"),
					containsString("办理本人的政务服务申请"), not(containsString("id=\"no-accesses\"")),
					not(containsString("frontdesk")))));
		mvc.perform(get("/me/access-log").param("lang", "en").with(as(resident)))
			.andExpect(content().string(allOf(containsString("Front-desk officer"),
					containsString("Handling the resident&#39;s application"))));
		mvc.perform(get("/me").with(as(resident))).andExpect(content().string(containsString("href=\"/me/access-log\"")));
	}

	@Test
	void aDeferredEntryIsHiddenFromTheResidentUntilItsEndDateAndTheDeferralIsAudited() throws Exception {
		Resident resident = residents.register(TestResidents.draft());
		open(resident, "CASE", "AJ-2026-99");
		long seq = jdbc.sql("SELECT max(seq) FROM audit_event WHERE subject_resident = ? AND action = 'READ'")
			.param(resident.id().value())
			.query(Long.class)
			.single();
		String accesses = "/desk/residents/" + resident.id() + "/accesses";
		mvc.perform(get(accesses).with(DemoStaff.chief()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"access-" + seq + "\"")));
		mvc.perform(get(accesses).with(DemoStaff.frontDesk())).andExpect(status().isForbidden());

		// Errors beside the fields; nothing deferred.
		mvc.perform(post(accesses + "/" + seq + "/deferral").param("reason", "").param("until", "")
				.with(DemoStaff.chief())
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"reason-error-" + seq + "\"")));
		// A chief of another station cannot defer an access by this station's staff.
		LocalDate tomorrow = LocalDate.now(clock).plusDays(1);
		mvc.perform(post(accesses + "/" + seq + "/deferral").param("reason", "Open investigation").param("until", tomorrow.toString())
				.with(DemoStaff.chief2())
				.with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(get("/me/access-log").with(as(resident))).andExpect(content().string(containsString("id=\"access-" + seq + "\"")));

		mvc.perform(post(accesses + "/" + seq + "/deferral").param("reason", "Open investigation").param("until", tomorrow.toString())
				.with(DemoStaff.chief())
				.with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl(accesses));
		mvc.perform(get("/me/access-log").with(as(resident)))
			.andExpect(content().string(not(containsString("id=\"access-" + seq + "\""))));
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'DEFERRED' AND object_id = ? AND actor_id = ?")
			.params(String.valueOf(seq), DemoStaff.accountId("chief").toString())
			.query(Long.class)
			.single()).isEqualTo(1);
		mvc.perform(get(accesses).with(DemoStaff.chief()))
			.andExpect(content().string(containsString("id=\"deferred-" + seq + "\"")));

		// Once the end date has passed, the resident sees the entry.
		jdbc.sql("UPDATE audit_deferral SET until = ? WHERE audit_seq = ?").params(LocalDate.now(clock).minusDays(1), seq).update();
		mvc.perform(get("/me/access-log").with(as(resident)))
			.andExpect(content().string(containsString("id=\"access-" + seq + "\"")));
	}

	@Test
	void theResidentDownloadsAllTheirDataInFullAndTheExportIsAudited() throws Exception {
		NewResident draft = TestResidents.draft();
		Resident resident = residents.register(draft);
		open(resident, "APPLICATION", "SQ-1");
		mvc.perform(get("/me/data.json").with(as(resident)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andExpect(jsonPath("$.profile.idNumber").value(draft.idNumber()))
			.andExpect(jsonPath("$.profile.mobile").value(draft.mobile()))
			.andExpect(jsonPath("$.profile.name").value(draft.name()))
			.andExpect(jsonPath("$.accesses[0].unit").value("和平路派出所"))
			.andExpect(jsonPath("$.accesses[0].purposeKey").value("audit.purpose.APPLICATION"));
		assertThat(jdbc.sql("""
				SELECT count(*) FROM audit_event
				 WHERE action = 'EXPORT' AND subject_resident = ? AND actor_kind = 'RESIDENT' AND actor_id = ?
				""").params(resident.id().value(), resident.id().toString()).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void theResidentDownloadsTheirDataAsAPdfWithChineseTextAndTheExportIsAudited() throws Exception {
		NewResident draft = TestResidents.draft();
		Resident resident = residents.register(draft);
		open(resident, "APPLICATION", "SQ-2");
		byte[] pdf = mvc.perform(get("/me/data.pdf").with(as(resident)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andExpect(header().string("Content-Disposition", containsString("anning-my-data.pdf")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String text = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1);
		assertThat(text).startsWith("%PDF-1.7").endsWith("%%EOF\n").contains("/STSong-Light", "/UniGB-UCS2-H");
		// The name, the full identity number and the unit of the access, as UCS-2 text.
		assertThat(text).contains(DataPdf.ucs2(draft.name()), DataPdf.ucs2(draft.idNumber()), DataPdf.ucs2("和平路派出所"));
		int xref = Integer.parseInt(text.substring(text.lastIndexOf("startxref\n") + 10, text.lastIndexOf("\n%%EOF")).strip());
		assertThat(text.substring(xref)).startsWith("xref");
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'EXPORT' AND subject_resident = ?")
			.param(resident.id().value())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private void open(Resident resident, String purpose, String ref) throws Exception {
		mvc.perform(post("/desk/residents/{id}", resident.id()).param("purpose", purpose)
				.param("ref", ref)
				.with(DemoStaff.frontDesk())
				.with(csrf()))
			.andExpect(status().isOk());
	}

	static RequestPostProcessor as(Resident resident) {
		ResidentPrincipal principal = resident.principal();
		return authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.authorities()));
	}
}
