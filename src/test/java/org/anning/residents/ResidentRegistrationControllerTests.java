package org.anning.residents;

import org.anning.AnningTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

@AnningTest
class ResidentRegistrationControllerTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void registrationPageAsksForTheFourFieldsWithHints() {
		assertThat(mvc.get().uri("/register")).hasStatusOk()
			.hasViewName("portal/register")
			.bodyText()
			.contains("<title>注册账户</title>", "id=\"name\"", "id=\"idNumber\"", "id=\"mobile\"", "id=\"password\"",
					"id=\"register\"")
			.contains("aria-describedby=\"idNumber-hint\"", "18 位，最后一位可能是 X，大小写均可。", "8 到 128 个字符",
					"最多 50 个字")
			.contains("name=\"_csrf\"")
			.doesNotContain("error-summary", "idNumber-error", "aria-invalid");
	}

	@Test
	void wrongCheckCharacterShowsTheErrorBesideTheIdFieldAndKeepsWhatWasTyped() {
		String idNumber = TestResidents.withWrongCheckCharacter(TestResidents.idNumber());
		String mobile = TestResidents.mobile();

		MvcTestResult result = submit(new MockHttpSession(), "林小雨", idNumber, mobile, "Secret-Not-Echoed-77");

		assertThat(result).hasStatusOk()
			.hasViewName("portal/register")
			.bodyText()
			.contains("id=\"idNumber-error\"", "身份证号最后一位（校验码）与前 17 位不符，请逐位核对")
			.contains("aria-describedby=\"idNumber-hint idNumber-error\"", "aria-invalid=\"true\"")
			.contains("class=\"error-summary\"", "href=\"#idNumber\"")
			.contains("value=\"林小雨\"", "value=\"" + idNumber + "\"", "value=\"" + mobile + "\"")
			.doesNotContain("Secret-Not-Echoed-77", "name-error", "mobile-error", "password-error");
	}

	@Test
	void everyInvalidFieldIsShownBesideItselfAndInTheSummary() {
		MvcTestResult result = submit(new MockHttpSession(), "", "123", "555", "password123");

		assertThat(result).hasStatusOk()
			.bodyText()
			.contains("id=\"name-error\"", "id=\"idNumber-error\"", "id=\"mobile-error\"", "id=\"password-error\"")
			.contains("href=\"#name\"", "href=\"#idNumber\"", "href=\"#mobile\"", "href=\"#password\"")
			.contains("请输入姓名", "身份证号应为 18 位", "请输入 11 位中国大陆手机号，以 13 至 19 开头", "这个密码太常见，容易被猜到，请换一个")
			.doesNotContain("password123");
	}

	@Test
	void aRegisteredNumberIsShownBesideTheIdField() {
		String idNumber = TestResidents.idNumber();
		assertThat(submit(new MockHttpSession(), "林小雨", idNumber, TestResidents.mobile(), TestResidents.PASSWORD))
			.hasRedirectedUrl("/me");

		assertThat(submit(new MockHttpSession(), "林小雨", idNumber, TestResidents.mobile(), TestResidents.PASSWORD))
			.hasStatusOk()
			.bodyText()
			.contains("id=\"idNumber-error\"", "该身份证号已经注册，请直接登录");
	}

	@Test
	void successfulRegistrationSignsInWithANewSessionAndShowsTheMaskedNumber() {
		String idNumber = TestResidents.idNumber();
		String mobile = TestResidents.mobile();
		MockHttpSession session = new MockHttpSession();
		String before = session.getId();

		MvcTestResult registered = submit(session, "林小雨", idNumber, mobile, TestResidents.PASSWORD);

		assertThat(registered).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/me");
		assertThat(registered.getMvcResult().getFlashMap().get("notice")).isEqualTo("portal.register.done");
		assertThat(session.getId()).isNotEqualTo(before);
		assertThat(session.getAttribute("ANNING_RESIDENT_SECURITY_CONTEXT")).isNotNull();

		MvcTestResult me = mvc.get().uri("/me").session(session).flashAttrs(registered.getMvcResult().getFlashMap()).exchange();
		String masked = idNumber.substring(0, 4) + "**********" + idNumber.substring(14);
		assertThat(me).hasStatusOk()
			.hasViewName("portal/me")
			.bodyText()
			.contains("注册成功，您已登录。", "林小雨", masked, mobile.substring(0, 3) + "****" + mobile.substring(7))
			.doesNotContain(idNumber, mobile);
	}

	@Test
	void registrationWithoutCsrfTokenIsRefused() {
		assertThat(mvc.post()
			.uri("/register")
			.param("name", "林小雨")
			.param("idNumber", TestResidents.idNumber())
			.param("mobile", TestResidents.mobile())
			.param("password", TestResidents.PASSWORD)).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void aSignedInResidentIsSentFromTheRegistrationPageToTheirAccount() {
		MockHttpSession session = new MockHttpSession();
		assertThat(submit(session, "林小雨", TestResidents.idNumber(), TestResidents.mobile(), TestResidents.PASSWORD))
			.hasRedirectedUrl("/me");

		assertThat(mvc.get().uri("/register").session(session)).hasRedirectedUrl("/me");
	}

	private MvcTestResult submit(MockHttpSession session, String name, String idNumber, String mobile, String password) {
		return mvc.post()
			.uri("/register")
			.session(session)
			.param("name", name)
			.param("idNumber", idNumber)
			.param("mobile", mobile)
			.param("password", password)
			.with(csrf())
			.exchange();
	}
}
