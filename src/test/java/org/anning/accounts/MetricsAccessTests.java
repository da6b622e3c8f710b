package org.anning.accounts;

import java.time.Instant;

import org.anning.AnningTest;
import org.anning.DemoStaff;
import org.anning.units.UnitScopes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who may read the Prometheus metrics: administrators signed in at the desk or with an API token, and the
 * scraper with the metrics token; nobody else. Health and readiness stay public.
 */
@AnningTest
class MetricsAccessTests {

	static final String METRICS = "/actuator/prometheus";

	@Autowired
	MockMvc mvc;

	@Autowired
	StaffAccounts staff;

	@Autowired
	StaffAccountRepository repository;

	@Autowired
	ApiTokens tokens;

	@Autowired
	UnitScopes scopes;

	@Value("${anning.metrics.token}")
	String metricsToken;

	@Test
	void anonymousCallersGetUnauthorizedAsProblemDetails() throws Exception {
		mvc.perform(get(METRICS))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", "Bearer"))
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.title").value("需要登录"));
		mvc.perform(get("/actuator/info")).andExpect(status().isUnauthorized());
	}

	@Test
	void healthAndReadinessStayPublic() throws Exception {
		mvc.perform(get("/actuator/health")).andExpect(status().isOk());
		mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
		mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
	}

	@Test
	void theMetricsTokenReadsTheMetricsAndNothingElse() throws Exception {
		mvc.perform(get(METRICS).header("Authorization", "Bearer " + metricsToken))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("# HELP anning_outbox_incomplete")))
			.andExpect(header().doesNotExist("Set-Cookie"));
		mvc.perform(get("/actuator/info").header("Authorization", "Bearer " + metricsToken))
			.andExpect(status().isForbidden());
	}

	@Test
	void aWrongOrTruncatedMetricsTokenIsUnauthorized() throws Exception {
		mvc.perform(get(METRICS).header("Authorization", "Bearer " + metricsToken + "x"))
			.andExpect(status().isUnauthorized());
		mvc.perform(get(METRICS).header("Authorization", "Bearer " + metricsToken.substring(0, metricsToken.length() - 1)))
			.andExpect(status().isUnauthorized());
		mvc.perform(get(METRICS).header("Authorization", "Bearer ann_not-a-real-token"))
			.andExpect(status().isUnauthorized());
		mvc.perform(get(METRICS).header("Authorization", "Basic " + metricsToken)).andExpect(status().isUnauthorized());
	}

	@Test
	void anAdministratorsApiTokenReadsTheMetricsWithoutOpeningASession() throws Exception {
		mvc.perform(get(METRICS).header("Authorization", "Bearer " + DemoStaff.ADMIN_TOKEN))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("anning_services_applications_waiting")))
			.andExpect(header().doesNotExist("Set-Cookie"));
		mvc.perform(get("/actuator/info").header("Authorization", "Bearer " + DemoStaff.ADMIN_TOKEN))
			.andExpect(status().isOk());
	}

	@Test
	void anotherStaffMembersApiTokenIsForbidden() throws Exception {
		var officer = TestAccounts.create(staff, scopes, "scrape", "AN-DC-01", Role.STATION_CHIEF);
		String token = tokens.issue(officer.id(), "metrics", 1, TestAccounts.ADMIN.accountId()).token();

		mvc.perform(get(METRICS).header("Authorization", "Bearer " + token)).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
	}

	@Test
	void anAdministratorSignedInAtTheDeskReadsTheMetricsWithTheSession() throws Exception {
		MockHttpSession session = signedIn(Role.ADMINISTRATOR);

		mvc.perform(get(METRICS).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("anning_audit_checkpoint_age_seconds")));
	}

	@Test
	void staffSignedInAtTheDeskWithoutTheAdministratorRoleAreForbidden() throws Exception {
		MockHttpSession session = signedIn(Role.COMMAND);

		mvc.perform(get(METRICS).session(session)).andExpect(status().isForbidden());
		mvc.perform(get("/actuator/info").session(session)).andExpect(status().isForbidden());
	}

	@Test
	void aSignInHalfwayThroughIsNotEnough() throws Exception {
		var account = enrolled(Role.ADMINISTRATOR);
		MockHttpSession session = new MockHttpSession();
		password(session, account.username()).andExpect(redirectedUrl("/desk/signin/code"));

		mvc.perform(get(METRICS).session(session)).andExpect(status().isForbidden());
	}

	/** A session past both factors, as the desk's sign-in leaves it. */
	private MockHttpSession signedIn(Role role) throws Exception {
		var account = enrolled(role);
		MockHttpSession session = new MockHttpSession();
		password(session, account.username()).andExpect(redirectedUrl("/desk/signin/code"));
		mvc.perform(post("/desk/signin/code").session(session)
			.with(csrf())
			.param("code", Totp.code(StaffDemoData.TOTP_SECRET, Totp.step(Instant.now()))))
			.andExpect(redirectedUrl("/desk"));
		return session;
	}

	private StaffAccount enrolled(Role role) {
		var account = TestAccounts.create(staff, scopes, "metrics", "AN", role);
		repository.setSecondFactor(account.id(), StaffDemoData.TOTP_SECRET, 0, Instant.now());
		return account;
	}

	private org.springframework.test.web.servlet.ResultActions password(MockHttpSession session, String username)
			throws Exception {
		return mvc.perform(post("/desk/signin").session(session)
			.with(csrf())
			.param("username", username)
			.param("password", TestAccounts.PASSWORD));
	}
}
