package org.anning.cases;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;

import org.anning.AnningTest;
import org.anning.DemoStaff;
import org.anning.accounts.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The desk pages for reports and cases: intake queue, the audited report page, triage, the case and its ledger, search. */
@AnningTest
class DeskCasesTests {

	static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF".getBytes(StandardCharsets.US_ASCII);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	static RequestPostProcessor officer() {
		return DemoStaff.as("caseofficer", "AN-DC-01", Role.CASE_OFFICER);
	}

	LocalDate today() {
		return LocalDate.now(clock);
	}

	@Test
	void intakeQueueShowsAReceivedReportForItsStationButNotForASiblingStation() throws Exception {
		String ref = takeReport("网购退款被骗");
		mvc.perform(get("/desk/reports").with(officer()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"report-" + ref + "\""),
					containsString("href=\"/desk/reports/" + ref + "\""), containsString("id=\"take-report\""))));
		mvc.perform(get("/desk/reports").param("status", "RECEIVED").with(officer()))
			.andExpect(content().string(containsString("id=\"report-" + ref + "\"")));
		mvc.perform(get("/desk/reports").param("status", "NON_CRIMINAL").with(officer()))
			.andExpect(content().string(not(containsString("id=\"report-" + ref + "\""))));
		mvc.perform(get("/desk/reports").with(DemoStaff.chief2()))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(ref))));
	}

	@Test
	void takingAReportWithBadTypedValuesShowsTheErrorsBesideTheFieldsAndKeepsWhatWasTyped() throws Exception {
		mvc.perform(multipart("/desk/reports/new").with(csrf()).with(officer())
			.param("channel", "CALL_110").param("kind", "THEFT").param("occurredAt", "昨天")
			.param("place", "幸福路 8 号").param("narrative", "").param("reporterName", "李某")
			.param("reporterPhone", "12345").param("accounts[0].account", "6222000011112222")
			.param("accounts[0].amount", "很多"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"occurredAt-error\""),
					containsString("id=\"narrative-error\""), containsString("id=\"reporterPhone-error\""),
					containsString("id=\"accounts-0-amount-error\""), containsString("value=\"幸福路 8 号\""),
					containsString("value=\"6222000011112222\""), containsString("value=\"12345\""))));
	}

	@Test
	void reportPageShowsTheReporterAndRecordsAReadForTheCase() throws Exception {
		String ref = takeReport("冒充客服要求转账");
		mvc.perform(get("/desk/reports/" + ref).with(officer()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"recorded\""), containsString("王某某"),
					containsString("13800138000"), containsString("6222021234567890"), containsString("proof.pdf"),
					containsString("id=\"category\""), containsString("id=\"registeredOn\""),
					containsString("value=\"" + today() + "\""), containsString("id=\"register-case\""),
					containsString("id=\"caseNumber\""), containsString("id=\"link-case\""),
					containsString("id=\"non-criminal-reason\""), containsString("id=\"non-criminal\""))));
		assertThat(reads(ref)).isEqualTo(1);

		String attachment = jdbc.sql("SELECT a.id::text FROM report_attachment a JOIN report r ON r.id = a.report_id WHERE r.reference = ?")
			.param(ref).query(String.class).single();
		mvc.perform(get("/desk/reports/" + ref + "/attachments/" + attachment).with(officer()))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(content().bytes(PDF));
		assertThat(reads(ref)).isEqualTo(2);
	}

	@Test
	void registeringACaseFromAReportRedirectsToTheCaseWithTheReporterAsVictim() throws Exception {
		String ref = takeReport("投资理财平台无法提现");
		String number = registerFrom(ref);
		assertThat(jdbc.sql("SELECT status FROM report WHERE reference = ?").param(ref).query(String.class).single())
			.isEqualTo("CASE_REGISTERED");
		String html = mvc.perform(get("/desk/cases/" + number).with(officer()))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(html).contains("id=\"report-" + ref + "\"", "投资理财平台无法提现", "id=\"record-event\"",
				"id=\"event-type\"", "id=\"event-on\"", "id=\"event-amount\"", "id=\"event-people\"", "id=\"event-victim\"",
				"id=\"start-investigation\"", "id=\"cleared-on\"", "id=\"cleared-how\"", "id=\"clear\"",
				"id=\"closed-on\"", "id=\"closed-reason\"", "id=\"close-case\"", "id=\"other-case\"", "id=\"link\"");
		String victims = html.replaceAll("(?s).*<table id=\"victims\">(.*?)</table>.*", "$1");
		assertThat(victims).contains("<td>" + ref + "</td>", "<td>5000.00</td>");
		// The report page now shows the outcome and the case instead of the intake forms.
		mvc.perform(get("/desk/reports/" + ref).with(officer()))
			.andExpect(content().string(allOf(containsString("href=\"/desk/cases/" + number + "\""),
					not(containsString("id=\"register-case\"")))));
	}

	@Test
	void recordingFreezeReturnApprehensionAndClearingShowsTheSumsOnThePage() throws Exception {
		String number = registerFrom(takeReport("刷单返利"));
		String on = today().toString();
		event(number, "FREEZE", on, "3000", null);
		event(number, "RETURN", on, "1200.50", null);
		event(number, "APPREHENSION", on, null, "2");
		mvc.perform(post("/desk/cases/" + number + "/clear").with(csrf()).with(officer())
			.param("clearedOn", on).param("clearedHow", "抓获嫌疑人，追回部分赃款"))
			.andExpect(redirectedUrl("/desk/cases/" + number))
			.andExpect(flash().attribute("notice", "cases.desk.done.cleared"));
		String html = mvc.perform(get("/desk/cases/" + number).param("lang", "en").with(officer()))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(html).contains("id=\"sum-frozen\">3000.00<", "id=\"sum-returned\">1200.50<",
				"id=\"sum-apprehended\">2<", "id=\"sum-stop-paid\">0.00<", "id=\"status\">Cleared<", "2 people")
			.doesNotContain("id=\"clear\"", "id=\"close-case\"");
	}

	@Test
	void clearingWithADateBeforeRegistrationShowsTheErrorBesideTheFieldAndKeepsWhatWasTyped() throws Exception {
		String registered = today().minusDays(5).toString();
		String number = directCase(officer(), "电动车被盗", today().minusDays(6).toString(), registered);
		String before = today().minusDays(10).toString();
		mvc.perform(post("/desk/cases/" + number + "/clear").with(csrf()).with(officer())
			.param("clearedOn", before).param("clearedHow", "调取监控"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"cleared-on-error\""),
					containsString("日期不能早于立案日期 " + registered), containsString("value=\"" + before + "\""),
					containsString(">调取监控</textarea>"))));
		assertThat(jdbc.sql("SELECT status FROM case_file WHERE case_number = ?").param(number).query(String.class).single())
			.isEqualTo("REGISTERED");
	}

	@Test
	void recordingTheSameEventTwiceShowsTheConflict() throws Exception {
		String number = directCase(officer(), "冒充公检法", today().toString(), today().toString());
		event(number, "STOP_PAYMENT", today().toString(), "800", null);
		mvc.perform(post("/desk/cases/" + number + "/events").with(csrf()).with(officer())
			.param("type", "STOP_PAYMENT").param("on", today().toString()).param("amount", "800"))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(containsString("id=\"conflict\""),
					containsString("同一日期、同一金额（人数）的该项记录已经登记"))));
	}

	@Test
	void caseAndReportOfAnotherStationAreNotFound() throws Exception {
		String ref = takeReport("手机被盗");
		String number = directCase(officer(), "入室盗窃", today().toString(), today().toString());
		mvc.perform(get("/desk/cases/" + number).with(DemoStaff.chief2())).andExpect(status().isNotFound());
		mvc.perform(post("/desk/cases/" + number + "/events").with(csrf()).with(DemoStaff.chief2())
			.param("type", "FREEZE").param("on", today().toString()).param("amount", "1"))
			.andExpect(status().isNotFound());
		mvc.perform(post("/desk/cases/" + number + "/investigation").with(csrf()).with(DemoStaff.chief2()))
			.andExpect(status().isNotFound());
		mvc.perform(get("/desk/reports/" + ref).with(DemoStaff.chief2())).andExpect(status().isNotFound());
		mvc.perform(post("/desk/reports/" + ref + "/non-criminal").with(csrf()).with(DemoStaff.chief2())
			.param("reason", "民事纠纷"))
			.andExpect(status().isNotFound());
		assertThat(reads(ref)).isZero();
	}

	@Test
	void searchFindsACaseByAChineseWordOfItsNarrativeAndByItsNumberButNotOneOfAnotherUnit() throws Exception {
		String word = rareWord();
		String mine = directCase(officer(), "嫌疑人以" + word + "为名实施诈骗", today().toString(), today().toString());
		String theirs = directCase(DemoStaff.chief2(), "同样以" + word + "为名", today().toString(), today().toString());
		mvc.perform(get("/desk/cases").param("q", word).with(officer()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"hit-" + mine + "\""),
					containsString("href=\"/desk/cases/" + mine + "\""), not(containsString(theirs)))));
		mvc.perform(get("/desk/cases").param("q", mine).with(officer()))
			.andExpect(content().string(containsString("id=\"hit-" + mine + "\"")));
		mvc.perform(get("/desk/cases").param("q", theirs).with(officer()))
			.andExpect(content().string(allOf(containsString("id=\"no-hits\""), not(containsString(theirs + "<")))));
	}

	@Test
	void caseListFiltersByTopLevelCategoryIncludingItsSubcodes() throws Exception {
		String number = registerFrom(takeReport("网络贷款诈骗"));
		mvc.perform(get("/desk/cases").param("category", "TELECOM_FRAUD").with(officer()))
			.andExpect(content().string(containsString("id=\"case-" + number + "\"")));
		mvc.perform(get("/desk/cases").param("category", "THEFT").with(officer()))
			.andExpect(content().string(not(containsString("id=\"case-" + number + "\""))));
	}

	@Test
	void pagesInEnglishHaveNoChineseInTheirHeadings() throws Exception {
		String ref = takeReport("假冒快递理赔");
		String number = directCase(officer(), "夜间盗窃", today().toString(), today().toString());
		for (String page : new String[] { "/desk/reports", "/desk/reports/new", "/desk/reports/" + ref, "/desk/cases",
				"/desk/cases/new", "/desk/cases/" + number }) {
			String html = mvc.perform(get(page).param("lang", "en").with(officer()))
				.andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
			String headings = html.replaceAll("(?s)<tbody>.*?</tbody>", "").replaceAll("(?s)<select.*?</select>", "");
			assertThat(headings).as(page)
				.doesNotContainPattern("<h[123][^>]*>[^<]*\\p{IsHan}")
				.doesNotContainPattern("<th[^>]*>[^<]*\\p{IsHan}")
				.doesNotContainPattern("<label[^>]*>[^<]*\\p{IsHan}")
				.doesNotContainPattern("<dt[^>]*>[^<]*\\p{IsHan}");
		}
	}

	// ---- Helpers

	/** A walk-in fraud report at AN-DC-01, taken on the desk page; its reference. */
	String takeReport(String narrative) throws Exception {
		String occurred = LocalDateTime.now(clock).minusDays(1).truncatedTo(ChronoUnit.MINUTES).toString();
		String location = mvc.perform(multipart("/desk/reports/new")
				.file(new MockMultipartFile("files", "proof.pdf", "application/pdf", PDF))
				.with(csrf()).with(officer())
				.param("channel", "WALK_IN").param("kind", "TELECOM_FRAUD").param("occurredAt", occurred)
				.param("place", "和平路 1 号").param("narrative", narrative).param("loss", "5000")
				.param("paymentMethod", "BANK").param("accounts[0].channel", "BANK")
				.param("accounts[0].institution", "某银行").param("accounts[0].account", "6222021234567890")
				.param("accounts[0].holder", "张某").param("accounts[0].amount", "5000")
				.param("reporterName", "王某某").param("reporterPhone", "13800138000"))
			.andExpect(redirectedUrlPattern("/desk/reports/BA-*"))
			.andExpect(flash().attribute("notice", "cases.desk.done.taken"))
			.andReturn().getResponse().getRedirectedUrl();
		return location.substring("/desk/reports/".length());
	}

	String registerFrom(String ref) throws Exception {
		String location = mvc.perform(post("/desk/reports/" + ref + "/case").with(csrf()).with(officer())
				.param("category", "FRAUD_INVESTMENT").param("registeredOn", today().toString()))
			.andExpect(redirectedUrlPattern("/desk/cases/AJ-*"))
			.andExpect(flash().attribute("notice", "cases.desk.done.registered"))
			.andReturn().getResponse().getRedirectedUrl();
		return location.substring("/desk/cases/".length());
	}

	String directCase(RequestPostProcessor who, String narrative, String occurredOn, String registeredOn)
			throws Exception {
		String location = mvc.perform(post("/desk/cases/new").with(csrf()).with(who)
				.param("category", "THEFT").param("occurredOn", occurredOn).param("registeredOn", registeredOn)
				.param("place", "某小区").param("narrative", narrative))
			.andExpect(redirectedUrlPattern("/desk/cases/AJ-*"))
			.andReturn().getResponse().getRedirectedUrl();
		return location.substring("/desk/cases/".length());
	}

	void event(String number, String type, String on, String amount, String people) throws Exception {
		var request = post("/desk/cases/" + number + "/events").with(csrf()).with(officer())
			.param("type", type).param("on", on).param("note", "");
		if (amount != null) {
			request.param("amount", amount);
		}
		if (people != null) {
			request.param("people", people);
		}
		mvc.perform(request)
			.andExpect(redirectedUrl("/desk/cases/" + number))
			.andExpect(flash().attribute("notice", "cases.desk.done.event"));
	}

	int reads(String ref) {
		return jdbc.sql("""
				SELECT count(*) FROM audit_event WHERE action = 'READ' AND object_type = 'report'
				   AND purpose = 'CASE' AND purpose_ref = ?""").param(ref).query(Integer.class).single();
	}

	/** Two uncommon Chinese characters, so that no other record of the shared database has them side by side. */
	static String rareWord() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return new String(Character.toChars(0x7000 + random.nextInt(0x1000)))
				+ new String(Character.toChars(0x8000 + random.nextInt(0x1000)));
	}
}
