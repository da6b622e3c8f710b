package org.anning.cases;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.anning.AnningTest;
import org.anning.residents.NewResident;
import org.anning.residents.Resident;
import org.anning.residents.Residents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.anning.cases.CasesApiFixture.FAKE_PDF;
import static org.anning.cases.CasesApiFixture.PDF;
import static org.anning.cases.CasesApiFixture.caseOfficer;
import static org.anning.cases.CasesApiFixture.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@AnningTest
class PortalReportTests {

	static final String NARRATIVE = "网友拉我进投资群，在虚假理财平台充值后无法提现";

	@Autowired
	MockMvc mvc;

	@Autowired
	Residents residents;

	@Autowired
	Reports reports;

	Resident resident;

	@BeforeEach
	void register() {
		resident = residents.register(new NewResident("林安", CasesApiFixture.idNumber(), CasesApiFixture.mobile(),
				"Quiet-Harbour-Kettle-58"));
	}

	RequestPostProcessor me() {
		return as(resident);
	}

	static RequestPostProcessor as(Resident r) {
		return authentication(UsernamePasswordAuthenticationToken.authenticated(r.principal(), null,
				List.of(new SimpleGrantedAuthority("ROLE_RESIDENT"))));
	}

	/** The form as a resident fills it in for an investment fraud with one receiving account; then the changes. */
	MockMultipartHttpServletRequestBuilder fraudForm(String... changes) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("kind", "TELECOM_FRAUD");
		fields.put("unit", "AN-DC-01");
		fields.put("occurredAt", LocalDate.now().minusDays(2) + "T14:30");
		fields.put("place", "家中，通过手机");
		fields.put("narrative", NARRATIVE);
		fields.put("loss", "12000");
		fields.put("paymentMethod", "BANK");
		fields.put("accounts[0].channel", "BANK");
		fields.put("accounts[0].institution", "中国工商银行");
		fields.put("accounts[0].account", "6222020200112233445");
		fields.put("accounts[0].holder", "李某");
		fields.put("accounts[0].amount", "12000");
		fields.put("accounts[1].channel", "BANK");
		fields.put("accounts[2].channel", "BANK");
		for (int i = 0; i < changes.length; i += 2) {
			fields.put(changes[i], changes[i + 1]);
		}
		MockMultipartHttpServletRequestBuilder form = multipart("/me/reports/new");
		form.with(me()).with(csrf());
		fields.forEach(form::param);
		return form;
	}

	@Test
	void aResidentReportsAnInvestmentFraudOnTheFormAndSeesItsNumberAccountsAndAttachments() throws Exception {
		String location = mvc.perform(fraudForm()
				.file(new MockMultipartFile("files", "transfer.pdf", "application/pdf", PDF))
				.file(new MockMultipartFile("files", "", "application/octet-stream", new byte[0])))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/me/reports/BA-*"))
			.andReturn().getResponse().getRedirectedUrl();
		String reference = location.substring(location.lastIndexOf('/') + 1);
		assertThat(reference).matches("BA-\\d{4}-\\d{6}");

		String page = page(location);
		assertThat(page).contains("id=\"emergency-banner\"", "href=\"tel:110\"", "紧急情况请立即拨打 110",
				"id=\"report-reference\">" + reference + "<", "id=\"report-status\">已接收，待受理<",
				"¥12,000.00", "6222020200112233445", "transfer.pdf", "电信网络诈骗", NARRATIVE);
		assertThat(page).doesNotContain("id=\"case-number\"");
		assertThat(reports.attachments(reports.mine(resident.id().value(), reference))).hasSize(1);

		String list = page("/me/reports");
		assertThat(list).contains("id=\"emergency-banner\"", reference, "尚未立案");
	}

	@Test
	void aFraudReportWithoutAReceivingAccountShowsTheErrorByTheFieldAndKeepsEverythingTyped() throws Exception {
		String page = mvc.perform(fraudForm("accounts[0].account", "", "accounts[0].holder", "",
				"accounts[0].institution", "", "accounts[0].amount", ""))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		String message = "请至少填写一个收款账户，以便及时止付、冻结";
		assertThat(page.split(message).length - 1).isEqualTo(2); // in the summary and by the field
		assertThat(page).contains("id=\"accounts0-account-error\"", "id=\"accounts0.account\"",
				"id=\"emergency-banner\"", NARRATIVE, "value=\"12000\"", "value=\"家中，通过手机\"");
		assertThat(page).containsPattern("id=\"kind-TELECOM_FRAUD\"[^>]*checked");
		assertThat(page).containsPattern("<option value=\"AN-DC-01\" selected");
		assertThat(reports.mine(resident.id().value())).isEmpty();
	}

	@Test
	void aFakePdfIsRefusedWithAClearMessageAndNothingTypedIsLost() throws Exception {
		String page = mvc.perform(fraudForm()
				.file(new MockMultipartFile("files", "transfer.pdf", "application/pdf", PDF))
				.file(new MockMultipartFile("files", "chat.pdf", "application/pdf", FAKE_PDF)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("“chat.pdf”不是 PDF、JPEG 或 PNG 文件", "您填写的其他内容都已保留，请重新选择附件",
				"value=\"6222020200112233445\"", "value=\"李某\"", NARRATIVE, "value=\"12000\"");
		assertThat(reports.mine(resident.id().value())).isEmpty();
	}

	@Test
	void aFileOverTenMegabytesIsRefusedByNameAndTheOtherFieldsAreStillJudged() throws Exception {
		byte[] big = new byte[10 * 1024 * 1024 + 1];
		System.arraycopy(PDF, 0, big, 0, PDF.length);
		String page = mvc.perform(fraudForm("place", "")
				.file(new MockMultipartFile("files", "big.pdf", "application/pdf", big)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("“big.pdf”超过 10 MB，请压缩后再上传", "id=\"place-error\"", NARRATIVE,
				"value=\"6222020200112233445\"");
		assertThat(page).doesNotContain("文件是空的");
		assertThat(reports.mine(resident.id().value())).isEmpty();
	}

	@Test
	void theFormSpeaksEnglishWhenAsked() throws Exception {
		String page = mvc.perform(get("/me/reports/new").param("lang", "en").with(me())).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("In an emergency call 110 now", "Send the report", "Telecom or online fraud");
	}

	@Test
	void anUnreadableTimeIsReportedOnItsFieldAndKept() throws Exception {
		String page = mvc.perform(fraudForm("occurredAt", "昨天下午"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("id=\"occurredAt-error\"", "请按“年-月-日 时:分”填写发生时间", "value=\"昨天下午\"");
		assertThat(page).doesNotContain("请填写发生时间");
		assertThat(reports.mine(resident.id().value())).isEmpty();
	}

	@Test
	void anotherResidentsReportIsNotFound() throws Exception {
		Report r = reports.reportOnline(resident.id().value(), theft(), List.of());
		Resident other = residents.register(new NewResident("王平", CasesApiFixture.idNumber(),
				CasesApiFixture.mobile(), "Quiet-Harbour-Kettle-58"));
		mvc.perform(get("/me/reports/" + r.reference()).with(as(other))).andExpect(status().isNotFound());
		mvc.perform(get("/me/reports/" + r.reference()).with(me())).andExpect(status().isOk());
	}

	@Test
	void theReportPageShowsTheCaseItsStatusAndTheMoneyReturned() throws Exception {
		Report r = reports.reportOnline(resident.id().value(), new NewReport("TELECOM_FRAUD", "AN-DC-01", NARRATIVE,
				java.time.LocalDateTime.now().minusDays(2), "家中", "12000", "BANK",
				List.of(new ReceivingAccount(PaymentChannel.BANK, "中国工商银行", "6222020200112233445", "李某",
						new java.math.BigDecimal("12000"))), null, null), List.of());
		String caseJson = mvc.perform(post("/api/v1/reports/" + r.reference() + "/case").with(caseOfficer())
				.contentType(MediaType.APPLICATION_JSON).content(write(Map.of("category", "FRAUD_INVESTMENT"))))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		String number = CasesApiFixture.JSON.readTree(caseJson).get("caseFile").get("caseNumber").asString();
		mvc.perform(post("/api/v1/cases/" + number + "/events").with(caseOfficer())
				.contentType(MediaType.APPLICATION_JSON)
				.content(write(Map.of("type", "RETURN", "on", LocalDate.now().toString(), "amount", 5000))))
			.andExpect(status().isCreated());
		mvc.perform(post("/api/v1/cases/" + number + "/clear").with(caseOfficer())
				.contentType(MediaType.APPLICATION_JSON)
				.content(write(Map.of("on", LocalDate.now().toString(), "how", "追回部分赃款"))))
			.andExpect(status().isOk());

		String page = page("/me/reports/" + r.reference());
		assertThat(page).contains("id=\"case-number\">" + number + "<", "id=\"case-status\">已破案<",
				"id=\"returned-amount\">¥5,000.00<", "id=\"report-status\">已立案<",
				"id=\"case-clearedOn\">" + LocalDate.now() + "<");
		assertThat(page("/me/reports")).contains(number);
	}

	@Test
	void aNonCriminalOutcomeShowsItsReason() throws Exception {
		Report r = reports.reportOnline(resident.id().value(), theft(), List.of());
		mvc.perform(post("/api/v1/reports/" + r.reference() + "/non-criminal").with(caseOfficer())
				.contentType(MediaType.APPLICATION_JSON).content(write(Map.of("reason", "系遗忘在出租车上，已联系司机归还"))))
			.andExpect(status().isOk());
		String page = page("/me/reports/" + r.reference());
		assertThat(page).contains("id=\"report-status\">不属于刑事案件<", "id=\"outcome-reason\">系遗忘在出租车上，已联系司机归还<");
	}

	@Test
	void theEmptyFormShowsTheEmergencyBannerAndEveryField() throws Exception {
		String page = page("/me/reports/new");
		assertThat(page).contains("id=\"emergency-banner\"", "href=\"tel:110\"", "id=\"kind-TELECOM_FRAUD\"",
				"id=\"kind-THEFT\"", "id=\"kind-LOST_PROPERTY\"", "id=\"kind-OTHER\"", "id=\"unit\"",
				"type=\"datetime-local\"", "id=\"occurredAt\"", "id=\"place\"", "id=\"narrative\"", "id=\"loss\"",
				"id=\"paymentMethod\"", "id=\"accounts0.account\"", "id=\"accounts2.amount\"", "name=\"files\"",
				"id=\"submit-report\"", "和平路派出所");
	}

	private static NewReport theft() {
		return new NewReport("THEFT", "AN-DC-01", "电动车在小区门口被盗", java.time.LocalDateTime.now().minusDays(1),
				"和平小区东门", "3000", null, List.of(), null, null);
	}

	private String page(String uri) throws Exception {
		return mvc.perform(get(uri).with(me())).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}
}
