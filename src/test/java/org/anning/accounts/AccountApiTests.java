package org.anning.accounts;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.anning.AnningTest;
import org.anning.DemoStaff;
import org.anning.units.UnitScopes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Staff accounts over the API: unit scope as 404, administrators only for changes, tokens shown once. */
@AnningTest
class AccountApiTests {

	static final String PASSWORD = TestAccounts.PASSWORD;

	static final StaffPrincipal ADMIN = TestAccounts.ADMIN;

	@Autowired
	MockMvc mvc;

	@Autowired
	StaffAccounts staff;

	@Autowired
	ApiTokens tokens;

	@Autowired
	Lockout lockout;

	@Autowired
	UnitScopes scopes;

	@Test
	void stationChiefGetsNotFoundForAnAccountOfASiblingStationWhileItsOwnChiefSeesIt() throws Exception {
		String frontDesk = DemoStaff.accountId("frontdesk").toString();

		mvc.perform(as(tokenOf("chief2"), get("/api/v1/accounts/{id}", frontDesk)))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(content().string(not(containsString("frontdesk"))));
		mvc.perform(as(tokenOf("chief"), get("/api/v1/accounts/{id}", frontDesk)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value("frontdesk"))
			.andExpect(jsonPath("$.unitCode").value("AN-DC-01"));
	}

	@Test
	void listHoldsOnlyAccountsOfTheCallersUnitScope() throws Exception {
		mvc.perform(as(tokenOf("chief2"), get("/api/v1/accounts")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].username", hasItem("chief2")))
			.andExpect(jsonPath("$[*].username", not(hasItem("frontdesk"))))
			.andExpect(jsonPath("$[*].unitCode", everyItem(is("AN-DC-02"))));
	}

	@Test
	void listFiltersByUnitRoleAndText() throws Exception {
		mvc.perform(as(DemoStaff.ADMIN_TOKEN, get("/api/v1/accounts").param("unit", "AN-DC-01")
			.param("role", "STATION_CHIEF")
			.param("q", "chie")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].username", hasItem("chief")))
			.andExpect(jsonPath("$[*].username", not(hasItem("chief2"))))
			.andExpect(jsonPath("$[*].roles", everyItem(hasItem("STATION_CHIEF"))));
	}

	@Test
	void filteringByAUnitOutsideTheScopeIsInvalidRatherThanUnfiltered() throws Exception {
		mvc.perform(as(tokenOf("chief2"), get("/api/v1/accounts").param("unit", "AN-DC-01")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("unit"));
	}

	@Test
	void frontDeskOfficerIsForbiddenToListAccounts() throws Exception {
		mvc.perform(as(tokenOf("frontdesk"), get("/api/v1/accounts")))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void stationChiefMayReadButNotChangeAccounts() throws Exception {
		String frontDesk = DemoStaff.accountId("frontdesk").toString();
		mvc.perform(as(tokenOf("chief"), post("/api/v1/accounts/{id}/deactivate", frontDesk)))
			.andExpect(status().isForbidden());
		mvc.perform(as(tokenOf("chief"), get("/api/v1/accounts/{id}", frontDesk)))
			.andExpect(jsonPath("$.active").value(true));
	}

	@Test
	void meIsTheCallersOwnAccountForAnyStaffRole() throws Exception {
		mvc.perform(as(DemoStaff.ADMIN_TOKEN, get("/api/v1/me")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value("admin"))
			.andExpect(jsonPath("$.unitCode").value("AN"))
			.andExpect(jsonPath("$.unitNameZh").value("安宁市公安局"))
			.andExpect(jsonPath("$.unitNameEn").value("Anning Municipal Public Security Bureau"))
			.andExpect(jsonPath("$.roles[0]").value("ADMINISTRATOR"));
		mvc.perform(as(tokenOf("frontdesk"), get("/api/v1/me")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value("frontdesk"));
	}

	@Test
	void withoutATokenTheApiAnswersUnauthorized() throws Exception {
		mvc.perform(get("/api/v1/accounts")).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer ann_not-a-token"))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void createsAnAccountWith201AndItsLocationAndNoSecretsInTheAnswer() throws Exception {
		String username = unique();
		String body = mvc.perform(as(DemoStaff.ADMIN_TOKEN, post("/api/v1/accounts"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(newAccount(username, "AN-DC-01", "FRONT_DESK", PASSWORD)))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", containsString("/api/v1/accounts/")))
			.andExpect(jsonPath("$.username").value(username))
			.andExpect(jsonPath("$.unitCode").value("AN-DC-01"))
			.andExpect(jsonPath("$.roles[0]").value("FRONT_DESK"))
			.andExpect(jsonPath("$.active").value(true))
			.andExpect(jsonPath("$.locked").value(false))
			.andExpect(jsonPath("$.secondFactorEnrolled").value(false))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = JsonPath.read(body, "$.id");

		assertThat(body).doesNotContainIgnoringCase("password").doesNotContainIgnoringCase("totp")
			.doesNotContainIgnoringCase("hash").doesNotContain(PASSWORD);
		mvc.perform(as(DemoStaff.ADMIN_TOKEN, get("/api/v1/accounts/{id}", id)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.displayName").value("测试 用户"));
	}

	@Test
	void aTakenUsernameIsAConflict() throws Exception {
		mvc.perform(as(DemoStaff.ADMIN_TOKEN, post("/api/v1/accounts")).contentType(MediaType.APPLICATION_JSON)
			.content(newAccount("Chief2", "AN-DC-01", "FRONT_DESK", PASSWORD)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("urn:anning:problem:accounts.username.taken"));
	}

	@Test
	void aCommonPasswordIsInvalidOnThePasswordField() throws Exception {
		mvc.perform(as(DemoStaff.ADMIN_TOKEN, post("/api/v1/accounts")).contentType(MediaType.APPLICATION_JSON)
			.content(newAccount(unique(), "AN-DC-01", "FRONT_DESK", "password123")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("password"))
			.andExpect(jsonPath("$.errors[0].message").value("这个密码太常见，容易被猜到，请换一个"));
	}

	@Test
	void missingFieldsAreInvalidEachOnItsField() throws Exception {
		mvc.perform(as(DemoStaff.ADMIN_TOKEN, post("/api/v1/accounts")).contentType(MediaType.APPLICATION_JSON)
			.header("Accept-Language", "en")
			.content("{\"username\":\"x\",\"roles\":[]}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].field", hasItem("username")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("displayName")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("unitCode")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("roles")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("password")))
			.andExpect(jsonPath("$.errors[*].message", hasItem("Choose at least one role")));
	}

	@Test
	void anAdministratorOfASubBureauCannotGrantTheCommandRole() throws Exception {
		StaffAccount subAdmin = staff.create(
				new NewStaffAccount(unique(), "分局管理员", "AN-DC", Set.of(Role.ADMINISTRATOR), PASSWORD), ADMIN,
				scopes.of(ADMIN));
		String token = tokens.issue(subAdmin.id(), "test", 1, ADMIN.accountId()).token();

		mvc.perform(as(token, post("/api/v1/accounts")).contentType(MediaType.APPLICATION_JSON)
			.content(newAccount(unique(), "AN-DC-01", "COMMAND", PASSWORD)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("roles"));

		StaffAccount officer = create("AN-DC-01", Role.FRONT_DESK);
		mvc.perform(as(token, put("/api/v1/accounts/{id}/roles", officer.id())).contentType(MediaType.APPLICATION_JSON)
			.content("{\"roles\":[\"FRONT_DESK\",\"COMMAND\"]}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("roles"));
		assertThat(staff.get(officer.id(), scopes.of(ADMIN)).roles()).containsExactly(Role.FRONT_DESK);
	}

	@Test
	void anAdministratorOfASubBureauGetsNotFoundForAccountsOutsideIt() throws Exception {
		StaffAccount subAdmin = staff.create(
				new NewStaffAccount(unique(), "分局管理员", "AN-XH", Set.of(Role.ADMINISTRATOR), PASSWORD), ADMIN,
				scopes.of(ADMIN));
		String token = tokens.issue(subAdmin.id(), "test", 1, ADMIN.accountId()).token();
		StaffAccount elsewhere = create("AN-DC-01", Role.FRONT_DESK);

		mvc.perform(as(token, post("/api/v1/accounts/{id}/deactivate", elsewhere.id())))
			.andExpect(status().isNotFound());
		mvc.perform(as(token, post("/api/v1/accounts/{id}/tokens", elsewhere.id()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"x\",\"days\":1}")).andExpect(status().isNotFound());
		assertThat(staff.get(elsewhere.id(), scopes.of(ADMIN)).active()).isTrue();
		assertThat(tokens.of(elsewhere.id())).isEmpty();
	}

	@Test
	void changesRolesUnitAndStatus() throws Exception {
		StaffAccount account = create("AN-DC-01", Role.FRONT_DESK);

		mvc.perform(as(DemoStaff.ADMIN_TOKEN, put("/api/v1/accounts/{id}/roles", account.id()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"roles\":[\"REVIEWER\",\"CASE_OFFICER\"]}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.roles", is(List.of("REVIEWER", "CASE_OFFICER"))));
		mvc.perform(as(DemoStaff.ADMIN_TOKEN, put("/api/v1/accounts/{id}/unit", account.id()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"unitCode\":\"AN-DC-02\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.unitCode").value("AN-DC-02"))
			.andExpect(jsonPath("$.unitNameZh").value("春晖派出所"));
		mvc.perform(as(DemoStaff.ADMIN_TOKEN, post("/api/v1/accounts/{id}/deactivate", account.id())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.active").value(false));
		mvc.perform(as(DemoStaff.ADMIN_TOKEN, post("/api/v1/accounts/{id}/reactivate", account.id())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.active").value(true));
	}

	@Test
	void setsANewPasswordWith204AndRefusesACommonOne() throws Exception {
		StaffAccount account = create("AN-DC-01", Role.FRONT_DESK);

		mvc.perform(as(DemoStaff.ADMIN_TOKEN, put("/api/v1/accounts/{id}/password", account.id()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"password\":\"qwerty123\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("password"));
		mvc.perform(as(DemoStaff.ADMIN_TOKEN, put("/api/v1/accounts/{id}/password", account.id()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"password\":\"Pebble-Harbour-Violet-31\"}"))
			.andExpect(status().isNoContent());
	}

	@Test
	void issuedTokenIsShownOnceAuthenticatesAndIsRefusedAfterRevocation() throws Exception {
		StaffAccount account = create("AN-DC-01", Role.FRONT_DESK);

		var response = mvc.perform(as(DemoStaff.ADMIN_TOKEN, post("/api/v1/accounts/{id}/tokens", account.id()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"reporting script\",\"days\":7}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse();
		String issued = response.getContentAsString();
		String token = JsonPath.read(issued, "$.token");
		String tokenId = JsonPath.read(issued, "$.id");
		assertThat(response.getHeader("Location")).endsWith("/api/v1/accounts/" + account.id() + "/tokens/" + tokenId);
		assertThat(token).startsWith("ann_");
		assertThat((String) JsonPath.read(issued, "$.expiresAt")).isNotBlank();

		mvc.perform(as(DemoStaff.ADMIN_TOKEN, get("/api/v1/accounts/{id}/tokens", account.id())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value(tokenId))
			.andExpect(jsonPath("$[0].name").value("reporting script"))
			.andExpect(content().string(not(containsString(token))))
			.andExpect(content().string(not(containsString(ApiTokens.hash(token)))));
		mvc.perform(as(token, get("/api/v1/me")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value(account.username()));

		mvc.perform(as(DemoStaff.ADMIN_TOKEN, delete("/api/v1/accounts/{id}/tokens/{token}", account.id(), tokenId)))
			.andExpect(status().isNoContent());

		mvc.perform(as(token, get("/api/v1/me"))).andExpect(status().isUnauthorized());
		mvc.perform(as(DemoStaff.ADMIN_TOKEN, delete("/api/v1/accounts/{id}/tokens/{token}", account.id(), tokenId)))
			.andExpect(status().isNotFound());
	}

	@Test
	void tokenDaysOutsideOneTo366OrAnOverlongNameAreInvalid() throws Exception {
		StaffAccount account = create("AN-DC-01", Role.FRONT_DESK);
		for (String days : new String[] { "0", "367", "null" }) {
			mvc.perform(as(DemoStaff.ADMIN_TOKEN, post("/api/v1/accounts/{id}/tokens", account.id()))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"x\",\"days\":" + days + "}"))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors[0].field").value("days"));
		}
		mvc.perform(as(DemoStaff.ADMIN_TOKEN, post("/api/v1/accounts/{id}/tokens", account.id()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"" + "x".repeat(101) + "\",\"days\":1}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("name"));
		assertThat(tokens.of(account.id())).isEmpty();
	}

	@Test
	void unlockClearsALockFromFailedSignIns() throws Exception {
		StaffAccount account = create("AN-DC-01", Role.FRONT_DESK);
		for (int i = 0; i < Lockout.MAX_FAILURES; i++) {
			lockout.recordFailure(account.principal(), "password");
		}
		mvc.perform(as(DemoStaff.ADMIN_TOKEN, get("/api/v1/accounts/{id}", account.id())))
			.andExpect(jsonPath("$.locked").value(true));

		mvc.perform(as(DemoStaff.ADMIN_TOKEN, post("/api/v1/accounts/{id}/unlock", account.id())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.locked").value(false));
		assertThat(staff.get(account.id(), scopes.of(ADMIN)).locked()).isFalse();
	}

	@Test
	void resettingTheSecondFactorLeavesTheAccountNotEnrolled() throws Exception {
		StaffAccount account = create("AN-DC-01", Role.FRONT_DESK);
		mvc.perform(as(DemoStaff.ADMIN_TOKEN, post("/api/v1/accounts/{id}/second-factor/reset", account.id())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.secondFactorEnrolled").value(false));
	}

	private StaffAccount create(String unitCode, Role role) {
		return TestAccounts.create(staff, scopes, "api", unitCode, role);
	}

	/** A short-lived token for a demo account; it adds a token, and changes nothing of the account itself. */
	private String tokenOf(String username) {
		return tokens.issue(DemoStaff.accountId(username), "test", 1, ADMIN.accountId()).token();
	}

	private static MockHttpServletRequestBuilder as(String token, MockHttpServletRequestBuilder request) {
		return request.header("Authorization", "Bearer " + token);
	}

	private static String newAccount(String username, String unitCode, String role, String password) {
		return """
				{"username":"%s","displayName":"测试 用户","unitCode":"%s","roles":["%s"],"password":"%s"}
				""".formatted(username, unitCode, role, password);
	}

	private static String unique() {
		return "api-" + UUID.randomUUID().toString().substring(0, 8);
	}
}
