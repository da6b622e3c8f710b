package org.anning.services;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.anning.AnningTest;
import org.anning.DemoStaff;
import org.anning.accounts.Role;
import org.anning.residents.IdentityNumber;
import org.anning.residents.NewResident;
import org.anning.residents.Residents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The service hall's desk pages: worklists, the application page and its actions, rectifications, catalogue. */
@AnningTest
class DeskServiceHallTests {

	static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF".getBytes(StandardCharsets.US_ASCII);

	@Autowired
	MockMvc mvc;

	@Autowired
	Applications applications;

	@Autowired
	Ratings ratings;

	@Autowired
	Residents residents;

	@Autowired
	JdbcClient jdbc;

	static RequestPostProcessor frontDesk() {
		return DemoStaff.as("frontdesk", "AN-DC-01", Role.FRONT_DESK);
	}

	@Test
	void worklistListsASubmittedApplicationForItsStationButNotForASiblingStation() throws Exception {
		Application a = submitted();
		mvc.perform(get("/desk/services").with(frontDesk()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"line-" + a.reference() + "\""),
					containsString("href=\"/desk/services/" + a.reference() + "\""), containsString("id=\"queue-TO_ACCEPT\""))));
		mvc.perform(get("/desk/services").param("queue", "TO_ACCEPT").param("item", "ID_CARD_RENEWAL")
			.param("status", "SUBMITTED").with(DemoStaff.chief2()))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(a.reference()))));
		// A filter by another item leaves it out.
		mvc.perform(get("/desk/services").param("item", "PASSPORT_ORDINARY").with(frontDesk()))
			.andExpect(content().string(not(containsString("id=\"line-" + a.reference() + "\""))));
	}

	@Test
	void worklistInEnglishHasNoChineseInItsHeadings() throws Exception {
		String html = mvc.perform(get("/desk/services").param("lang", "en").with(frontDesk()))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		String headings = html.replaceAll("(?s)<tbody>.*?</tbody>", "").replaceAll("(?s)<select.*?</select>", "");
		assertThat(headings).contains("Service hall worklists", "To accept").doesNotContainPattern("<h[12][^>]*>[^<]*\\p{IsHan}")
			.doesNotContainPattern("<th[^>]*>[^<]*\\p{IsHan}");
	}

	@Test
	void applicationOfAnotherUnitIsNotFound() throws Exception {
		Application a = submitted();
		mvc.perform(get("/desk/services/" + a.reference()).with(DemoStaff.chief2())).andExpect(status().isNotFound());
		mvc.perform(post("/desk/services/" + a.reference() + "/accept").with(csrf()).with(DemoStaff.chief2()))
			.andExpect(status().isNotFound());
	}

	@Test
	void openingTheApplicationPageRecordsAReadForHandlingIt() throws Exception {
		Application a = submitted();
		mvc.perform(get("/desk/services/" + a.reference()).with(frontDesk()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("周安然"), containsString("id=\"recorded\""),
					containsString("id=\"accept\""), containsString("id=\"item-ID_CARD\""),
					containsString("id=\"return-submit\""), containsString("id.pdf"),
					containsString("href=\"/desk/services\""), not(containsString("id=\"approve\"")))));
		Integer reads = jdbc.sql("""
				SELECT count(*) FROM audit_event WHERE action = 'READ' AND object_type = 'application'
				   AND purpose = 'APPLICATION' AND purpose_ref = ?""").param(a.reference()).query(Integer.class).single();
		assertThat(reads).isEqualTo(1);
	}

	@Test
	void materialDownloadsAsAnAttachmentWithItsContentType() throws Exception {
		Application a = submitted();
		Material m = applications.materials(a).get(0);
		mvc.perform(get("/desk/services/" + a.reference() + "/materials/" + m.id()).with(frontDesk()))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(content().bytes(PDF));
		mvc.perform(get("/desk/services/" + a.reference() + "/materials/" + UUID.randomUUID()).with(frontDesk()))
			.andExpect(status().isNotFound());
	}

	@Test
	void returnsApplicationWithOneCompleteNoticeOfBothTickedItems() throws Exception {
		Application a = submitted();
		mvc.perform(post("/desk/services/" + a.reference() + "/return").with(csrf()).with(frontDesk())
			.param("items", "ID_CARD", "ID_PHOTO_RECEIPT")
			.param("problem_ID_CARD", "INCORRECT").param("note_ID_CARD", "背面不清晰")
			.param("problem_ID_PHOTO_RECEIPT", "MISSING").param("note_ID_PHOTO_RECEIPT", "")
			.param("remarks", "请一并补交"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/desk/services/" + a.reference()))
			.andExpect(flash().attribute("notice", "services.desk.done.return"));
		SupplementNotice notice = applications.latestNotice(a);
		assertThat(applications.notices(a)).hasSize(1);
		assertThat(notice.remarks()).isEqualTo("请一并补交");
		assertThat(notice.items()).containsExactlyInAnyOrder(
				new SupplementNotice.Item("ID_CARD", SupplementNotice.Problem.INCORRECT, "背面不清晰"),
				new SupplementNotice.Item("ID_PHOTO_RECEIPT", SupplementNotice.Problem.MISSING, null));
		Application after = applications.get(a.reference(), new org.anning.units.UnitScope(
				java.util.Set.of(DemoStaff.unitId("AN-DC-01"))));
		assertThat(after.status()).isEqualTo(ApplicationStatus.RETURNED);
	}

	@Test
	void returnWithNothingTickedShowsTheErrorAndKeepsTheRemarks() throws Exception {
		Application a = submitted();
		mvc.perform(post("/desk/services/" + a.reference() + "/return").with(csrf()).with(frontDesk())
			.param("remarks", "   ").param("note_ID_CARD", "kept note"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"items-error\""), containsString("kept note"),
					containsString("id=\"timeline\""), containsString("id=\"applicant-name\""))));
		mvc.perform(post("/desk/services/" + a.reference() + "/return").with(csrf()).with(frontDesk())
			.param("remarks", "x".repeat(2100)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"remarks-error\""), containsString("x".repeat(2100)))));
		assertThat(applications.notices(a)).isEmpty();
	}

	@Test
	void refusalWithoutReasonShowsTheErrorAndAnIllegalActionShowsAPageError() throws Exception {
		Application a = submitted();
		mvc.perform(post("/desk/services/" + a.reference() + "/refuse").with(csrf()).with(frontDesk()).param("reason", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"refusal-reason-error\"")));
		mvc.perform(post("/desk/services/" + a.reference() + "/close").with(csrf()).with(frontDesk()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"conflict\"")));
		mvc.perform(post("/desk/services/" + a.reference() + "/approve").with(csrf()).with(frontDesk()))
			.andExpect(status().isForbidden());
	}

	@Test
	void aPoorRatingIsAnsweredByTheStationChief() throws Exception {
		Application a = submitted();
		String page = "/desk/services/" + a.reference();
		for (String action : List.of("accept", "review", "approve", "ready", "close")) {
			mvc.perform(post(page + "/" + action).with(csrf()).with(DemoStaff.chief()))
				.andExpect(redirectedUrl(page));
			mvc.perform(get(page).param("lang", "en").with(DemoStaff.chief()))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"timeline\"")));
		}
		ratings.rate(a.resident(), a.reference(), 1, "等了很久");
		mvc.perform(get("/desk/services/rectifications").with(DemoStaff.chief()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"task-" + a.reference() + "\""), containsString("等了很久"))));
		mvc.perform(get("/desk/services/rectifications").with(DemoStaff.chief2()))
			.andExpect(content().string(not(containsString(a.reference()))));
		String task = "/desk/services/rectifications/" + a.reference();
		mvc.perform(get(task).with(DemoStaff.chief()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"calledBackOn\""), containsString("id=\"answer-submit\""),
					matchesPatternIn("value=\"\\d{4}-\\d{2}-\\d{2}\""))));
		mvc.perform(post(task).with(csrf()).with(DemoStaff.chief()).param("calledBackOn", "")
			.param("callbackNote", "已回访").param("actionTaken", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"calledBackOn-error\""),
					containsString("id=\"actionTaken-error\""), containsString("已回访"))));
		mvc.perform(post(task).with(csrf()).with(DemoStaff.command()).param("calledBackOn", LocalDate.now().toString()))
			.andExpect(status().isForbidden());
		mvc.perform(post(task).with(csrf()).with(DemoStaff.chief()).param("calledBackOn", ratings.task(a.reference(),
				new org.anning.units.UnitScope(java.util.Set.of(DemoStaff.unitId("AN-DC-01")))).openedOn().toString())
			.param("callbackNote", "已电话回访，群众表示理解").param("actionTaken", "增加窗口人手"))
			.andExpect(redirectedUrl(task))
			.andExpect(flash().attribute("notice", "services.desk.rectification.answered"));
		mvc.perform(get(task).with(DemoStaff.chief()))
			.andExpect(content().string(allOf(containsString("增加窗口人手"), not(containsString("id=\"answer-submit\"")))));
	}

	@Test
	void catalogueEditWithAStaleVersionShowsTheConflict() throws Exception {
		String code = "DESK_TEST_" + Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000), 36).toUpperCase();
		mvc.perform(withIdCard(item(post("/desk/catalogue/new"), code, "0"))
			.param("materials[1].code", "").param("materials[1].nameZh", "").param("materials[1].nameEn", ""))
			.andExpect(redirectedUrl("/desk/catalogue/" + code));
		mvc.perform(get("/desk/catalogue").with(DemoStaff.admin()))
			.andExpect(content().string(containsString("id=\"item-" + code + "\"")));
		mvc.perform(get("/desk/catalogue/" + code).with(DemoStaff.admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("value=\"ID_CARD\""), containsString("name=\"version\""))));
		mvc.perform(withIdCard(item(post("/desk/catalogue/" + code), code, "0"))).andExpect(redirectedUrl("/desk/catalogue/" + code));
		mvc.perform(withIdCard(item(post("/desk/catalogue/" + code), code, "0")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"conflict\"")));
		// The catalogue's problem on its first material lands on the form's row where it was typed.
		mvc.perform(item(post("/desk/catalogue/" + code), code, "1").param("materials[0].code", "")
			.param("materials[0].nameZh", "").param("materials[0].nameEn", "")
			.param("materials[1].code", "lower").param("materials[1].nameZh", "照片").param("materials[1].nameEn", "Photo")
			.param("materials[1].formats", "JPEG"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("value=\"lower\""),
					matchesPatternIn("id=\"material-row-1\".*class=\"error\""))));
		mvc.perform(get("/desk/catalogue").with(frontDesk())).andExpect(status().isForbidden());
		mvc.perform(get("/desk/catalogue/new").with(DemoStaff.admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"material-row-1\""), containsString("href=\"/desk/catalogue\""))));
	}

	private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder item(
			org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String code,
			String version) {
		return request.with(csrf()).with(DemoStaff.admin())
			.param("code", code).param("category", "HOUSEHOLD").param("nameZh", "测试事项").param("nameEn", "Test item")
			.param("descriptionZh", "说明").param("descriptionEn", "Description").param("statutoryDays", "20")
			.param("committedDays", "10").param("fee", "0").param("handlingLevel", "STATION").param("online", "true")
			.param("active", "true").param("version", version);
	}

	private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder withIdCard(
			org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) {
		return request.param("materials[0].code", "ID_CARD").param("materials[0].nameZh", "身份证")
			.param("materials[0].nameEn", "Identity card").param("materials[0].mandatory", "true")
			.param("materials[0].formats", "PDF", "JPEG");
	}

	private static org.hamcrest.Matcher<String> matchesPatternIn(String regex) {
		return matchesPattern("(?s).*" + regex + ".*");
	}

	/** A submitted application of a fresh resident for an ID card renewal at 和平路派出所 (AN-DC-01). */
	private Application submitted() {
		UUID resident = residents.register(new NewResident("周安然", idNumber(), mobile(), "Quiet-Harbour-Kettle-58"))
			.id().value();
		return applications.apply(resident, new NewApplication("ID_CARD_RENEWAL", "AN-DC-01", null, "COLLECT"),
				List.of(new Upload("ID_CARD", "id.pdf", PDF), new Upload("ID_PHOTO_RECEIPT", "photo.pdf", PDF)),
				UUID.randomUUID().toString());
	}

	private static String idNumber() {
		var random = ThreadLocalRandom.current();
		LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(365 * 65));
		String first17 = "320106" + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + "%03d".formatted(random.nextInt(1000));
		return first17 + IdentityNumber.checkCharacter(first17);
	}

	private static String mobile() {
		var random = ThreadLocalRandom.current();
		return "1" + (3 + random.nextInt(7)) + "%09d".formatted(random.nextInt(1_000_000_000));
	}
}
