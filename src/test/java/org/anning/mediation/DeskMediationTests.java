package org.anning.mediation;

import java.time.Clock;
import java.time.LocalDate;

import org.anning.AnningTest;
import org.anning.DemoStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.anning.mediation.MediationFixture.mediator;
import static org.anning.mediation.MediationFixture.neighbours;
import static org.anning.mediation.MediationFixture.receive;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The desk's mediation pages: intake form, worklists with due-soon, overdue and high risk, the dispute and its forms. */
@AnningTest
class DeskMediationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	MockMvcTester tester;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	LocalDate today() {
		return LocalDate.now(clock);
	}

	@Test
	void intakeFormWithBadValuesShowsErrorsBesideTheFieldsAndKeepsWhatWasTyped() throws Exception {
		mvc.perform(post("/desk/mediation/new").with(csrf()).with(mediator())
			.param("channel", "WALK_IN").param("category", "").param("account", "楼道堆放杂物引发争执")
			.param("risk", "HIGH").param("riskReason", "").param("receivedOn", "上周")
			.param("parties[0].role", "APPLICANT").param("parties[0].name", "王小明").param("parties[0].contact", "12345")
			.param("parties[1].role", "RESPONDENT").param("parties[1].name", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"category-error\""),
					containsString("id=\"riskReason-error\""), containsString("id=\"receivedOn-error\""),
					containsString("id=\"parties-0-contact-error\""), containsString("id=\"parties-1-name-error\""),
					containsString("楼道堆放杂物引发争执"), containsString("value=\"王小明\""), containsString("value=\"12345\""),
					containsString("value=\"上周\""), containsString("class=\"error-summary\""))));
	}

	@Test
	void intakeFormReceivesADisputeAndRedirectsToItsPageWithMaskedParties() throws Exception {
		String location = mvc.perform(post("/desk/mediation/new").with(csrf()).with(mediator())
			.param("channel", "CALL_110").param("category", "CONSUMER").param("account", "顾客与商家就退款发生争执")
			.param("risk", "LOW").param("receivedOn", today().toString())
			.param("parties[0].role", "APPLICANT").param("parties[0].name", "王小明").param("parties[0].contact", "13900001111")
			.param("parties[1].role", "RESPONDENT").param("parties[1].name", "某某超市"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/desk/mediation/TJ-*"))
			.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(get(location).with(mediator()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("王**"), containsString("139****1111"),
					not(containsString("13900001111")), containsString("id=\"open-parties\""),
					containsString("id=\"session-form\""), containsString("id=\"agreement-form\""))));
		mvc.perform(post(location + "/parties").with(csrf()).with(mediator()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("王小明"), containsString("13900001111"))));
	}

	@Test
	void worklistsShowDueSoonOverdueAndHighRiskFirst() throws Exception {
		String dueSoon = receive(tester, neighbours(today(), 26, "LOW"));
		String overdue = receive(tester, neighbours(today(), 31, "LOW"));
		String fresh = receive(tester, neighbours(today(), 1, "LOW"));
		String high = receive(tester, neighbours(today(), 0, "HIGH"));
		mvc.perform(get("/desk/mediation").param("queue", "DUE_SOON").with(mediator()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"due-soon-" + dueSoon + "\""),
					not(containsString("id=\"line-" + overdue + "\"")), not(containsString("id=\"line-" + fresh + "\"")))));
		mvc.perform(get("/desk/mediation").param("queue", "OVERDUE").with(mediator()))
			.andExpect(content().string(allOf(containsString("id=\"overdue-" + overdue + "\""),
					not(containsString("id=\"line-" + dueSoon + "\"")))));
		String all = mvc.perform(get("/desk/mediation").with(mediator())).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(all).contains("id=\"high-risk-" + high + "\"");
		// High risk sorts first, before every other dispute of the queue.
		assertThat(all.indexOf("id=\"line-" + high + "\"")).isLessThan(all.indexOf("id=\"line-" + overdue + "\""))
			.isLessThan(all.indexOf("id=\"line-" + fresh + "\""));
		mvc.perform(get("/desk/mediation").with(DemoStaff.chief2()))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(high))));
	}

	@Test
	void aSiblingStationGets404ForTheDisputePageAndItsForms() throws Exception {
		String ref = receive(tester, neighbours(today(), 2, "LOW"));
		mvc.perform(get("/desk/mediation/" + ref).with(DemoStaff.chief2())).andExpect(status().isNotFound());
		mvc.perform(post("/desk/mediation/" + ref + "/sessions").with(csrf()).with(DemoStaff.chief2())
			.param("attended", "双方").param("notes", "调解")).andExpect(status().isNotFound());
		mvc.perform(get("/desk/mediation/" + ref + "/agreement.pdf").with(DemoStaff.chief2()))
			.andExpect(status().isNotFound());
		mvc.perform(get("/desk/mediation/" + ref).with(DemoStaff.chief())).andExpect(status().isOk());
		mvc.perform(get("/desk/mediation/" + ref).with(DemoStaff.command()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"facts\""), not(containsString("id=\"session-form\"")),
					not(containsString("id=\"open-parties\"")))));
	}

	@Test
	void aSessionOnAClosedDisputeAnswers409WithTheReasonOnThePage() throws Exception {
		String ref = receive(tester, neighbours(today(), 2, "LOW"));
		mvc.perform(post("/desk/mediation/" + ref + "/withdrawal").with(csrf()).with(mediator()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/desk/mediation/" + ref + "/sessions").with(csrf()).with(mediator())
			.param("attended", "双方").param("notes", "调解"))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(containsString("id=\"conflict\""), containsString(ref))));
	}

	@Test
	void theAgreementFormRecordsTermsAndTheFollowUpFormFollowsAndThePdfPrints() throws Exception {
		String ref = receive(tester, neighbours(today(), 20, "LOW"));
		mvc.perform(post("/desk/mediation/" + ref + "/agreement").with(csrf()).with(mediator())
			.param("agreedOn", today().minusDays(15).toString()).param("terms[0].party", "李四海")
			.param("terms[0].obligation", "赔偿维修费八百元").param("terms[0].dueBy", "下周"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"terms-0-dueBy-error\""),
					containsString("value=\"赔偿维修费八百元\""))));
		mvc.perform(post("/desk/mediation/" + ref + "/agreement").with(csrf()).with(mediator())
			.param("agreedOn", today().minusDays(15).toString()).param("terms[0].party", "李四海")
			.param("terms[0].obligation", "赔偿维修费八百元"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/desk/mediation").param("queue", "FOLLOW_UP_DUE").with(mediator()))
			.andExpect(content().string(containsString("id=\"follow-up-due-" + ref + "\"")));
		mvc.perform(get("/desk/mediation/" + ref).with(mediator()))
			.andExpect(content().string(allOf(containsString("id=\"follow-up-form\""), containsString("id=\"agreement-pdf\""),
					not(containsString("id=\"session-form\"")))));
		mvc.perform(get("/desk/mediation/" + ref + "/agreement.pdf").with(mediator()))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"));
		mvc.perform(post("/desk/mediation/" + ref + "/follow-up").with(csrf()).with(mediator())
			.param("followedUpOn", today().toString()).param("carriedOut", "true"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/desk/mediation").param("queue", "FOLLOW_UP_DUE").with(mediator()))
			.andExpect(content().string(not(containsString("id=\"line-" + ref + "\""))));
		assertThat(jdbc.sql("SELECT carried_out FROM mediation_agreement a JOIN mediation_dispute d ON d.id = a.dispute_id WHERE d.reference = ?")
			.param(ref).query(Boolean.class).single()).isTrue();
	}

	@Test
	void mediatorsPageAddsALawyerAndKeepsTheFormWhenTheKindIsMissing() throws Exception {
		mvc.perform(post("/desk/mediation/mediators").with(csrf()).with(mediator()).param("name", "孙律师")
			.param("organisation", "安宁明法律师事务所"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"kind-error\""), containsString("value=\"孙律师\""))));
		mvc.perform(post("/desk/mediation/mediators").with(csrf()).with(mediator()).param("kind", "LAWYER")
			.param("name", "孙律师").param("organisation", "安宁明法律师事务所"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/desk/mediation/mediators").with(mediator()))
			.andExpect(content().string(containsString("安宁明法律师事务所")));
	}
}
