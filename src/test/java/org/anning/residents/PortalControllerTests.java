package org.anning.residents;

import org.anning.AnningTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

@AnningTest
class PortalControllerTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void homePageOffersTheServicesThe110BannerAndTheWayIn() {
		assertThat(mvc.get().uri("/")).hasStatusOk()
			.hasViewName("portal/home")
			.bodyText()
			.contains("<html lang=\"zh-CN\"", "class=\"banner-110\"", "紧急情况请立即拨打 110", "href=\"tel:110\"")
			.contains("政务服务申请", "网上报案", "矛盾纠纷调解")
			.contains("href=\"/register\"", "href=\"/signin\"", "href=\"/desk\"")
			.doesNotContain("action=\"/signout\"");
	}

	@Test
	void homePageSpeaksEnglishOnRequest() {
		assertThat(mvc.get().uri("/").param("lang", "en")).hasStatusOk()
			.bodyText()
			.contains("<html lang=\"en\"", "In an emergency call 110", "Service applications", "Online reports",
					"Dispute mediation", "Staff desk");
	}

	@Test
	void portalPagesCarryTheStrictSecurityHeaders() {
		assertThat(mvc.get().uri("/signin")).hasStatusOk()
			.hasHeader("X-Frame-Options", "DENY")
			.containsHeader("Content-Security-Policy");
	}

	@Test
	void signInPageAsksForIdentityNumberOrMobileAndLinksToRegistration() {
		assertThat(mvc.get().uri("/signin")).hasStatusOk()
			.hasViewName("portal/signin")
			.bodyText()
			.contains("id=\"username\"", "id=\"password\"", "id=\"signin\"", "身份证号或手机号", "href=\"/register\"")
			.doesNotContain("signin-error");
	}

	@Test
	void unknownPageAnswers404RatherThanASignInPage() {
		assertThat(mvc.get().uri("/no-such-page")).hasStatus(HttpStatus.NOT_FOUND);
	}
}
