package org.anning.web;

import org.anning.AnningTest;
import org.anning.DemoStaff;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What every page and API answer share: languages, strict headers, health and problem details. */
@AnningTest
class PlatformTests {

	@Autowired
	MockMvc mvc;

	@Test
	void healthIsPublicAndUp() throws Exception {
		mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
	}

	@Test
	void otherActuatorEndpointsNeedAnAdministratorToken() throws Exception {
		mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
		mvc.perform(get("/actuator/info")).andExpect(status().isUnauthorized());
		mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + DemoStaff.ADMIN_TOKEN))
			.andExpect(status().isOk());
	}

	@Test
	void apiWithoutTokenAnswersProblemDetailsInTheRequestsLanguage() throws Exception {
		mvc.perform(get("/api/v1/units"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", "Bearer"))
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.status").value(401))
			.andExpect(jsonPath("$.title").value("需要登录"));
		mvc.perform(get("/api/v1/units").header("Accept-Language", "en"))
			.andExpect(jsonPath("$.title").value("Sign-in required"));
	}

	@Test
	void anUnknownApiPathAnswersProblemDetailsAndAnUnknownPageTheErrorPage() throws Exception {
		mvc.perform(get("/api/v1/no-such-thing").header("Authorization", "Bearer " + DemoStaff.ADMIN_TOKEN)
			.header("Accept-Language", "en"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.status").value(404))
			.andExpect(jsonPath("$.title").value("Not found"));
		mvc.perform(get("/no-such-page"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("页面不存在")));
	}

	@Test
	void anUnknownTokenIsRefused() throws Exception {
		mvc.perform(get("/api/v1/units").header("Authorization", "Bearer ann_not-a-real-token"))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void pagesAreChineseByDefaultAndEnglishOnARememberedSwitch() throws Exception {
		mvc.perform(get("/desk/signin"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("lang=\"zh-CN\"")))
			.andExpect(content().string(containsString("民警登录")));
		var switched = mvc.perform(get("/desk/signin").param("lang", "en"))
			.andExpect(content().string(containsString("Staff sign-in")))
			.andExpect(cookie().value("anning-lang", "en"))
			.andReturn();
		mvc.perform(get("/desk/signin").cookie(switched.getResponse().getCookie("anning-lang")))
			.andExpect(content().string(containsString("lang=\"en\"")))
			.andExpect(content().string(containsString("Staff sign-in")));
	}

	@Test
	void pagesStayChineseWhateverTheBrowserPrefersUntilTheUserSwitches() throws Exception {
		mvc.perform(get("/desk/signin").header("Accept-Language", "en-US,en;q=0.9"))
			.andExpect(content().string(containsString("民警登录")));
	}

	@Test
	void switchingLanguageKeepsThePageAndItsQuery() throws Exception {
		mvc.perform(get("/desk/units?q=DC").with(DemoStaff.admin()))
			.andExpect(content().string(containsString("href=\"/desk/units?q=DC&amp;lang=en\"")));
	}

	@Test
	void pagesCarryStrictSecurityHeaders() throws Exception {
		mvc.perform(get("/desk/signin"))
			.andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
			.andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().exists("Referrer-Policy"))
			.andExpect(header().string("Cache-Control", containsString("no-store")));
	}

	@Test
	void apiAnswersAreNotStoredByCachesAndCarryARequestId() throws Exception {
		mvc.perform(get("/api/v1/units").header("Authorization", "Bearer " + DemoStaff.ADMIN_TOKEN))
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andExpect(header().exists("X-Request-Id"));
	}

	@Test
	void strictTransportSecurityIsSentOverHttps() throws Exception {
		mvc.perform(get("/desk/signin").secure(true))
			.andExpect(header().string("Strict-Transport-Security", containsString("max-age=31536000")));
		mvc.perform(get("/desk/signin")).andExpect(header().doesNotExist("Strict-Transport-Security"));
	}

	@Test
	void sessionCookiesAreHttpOnlyAndSameSite() throws Exception {
		var response = mvc.perform(get("/desk/signin")).andReturn().getResponse();
		var session = response.getCookie("ANNING_SESSION");
		if (session != null) {
			assertThat(session.isHttpOnly()).isTrue();
		}
		mvc.perform(get("/desk/signin").param("lang", "en"))
			.andExpect(header().string("Set-Cookie", containsString("HttpOnly")))
			.andExpect(header().string("Set-Cookie", containsString("SameSite=Lax")));
	}

	@Test
	void formsCarryACsrfToken() throws Exception {
		mvc.perform(get("/desk/signin")).andExpect(content().string(containsString("name=\"_csrf\"")));
	}

	@Test
	void theApiIsDocumentedWithOpenApi() throws Exception {
		mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.openapi").exists())
			.andExpect(jsonPath("$.components.securitySchemes.token.scheme").value("bearer"))
			.andExpect(jsonPath("$.paths['/api/v1/units']").exists());
	}
}
