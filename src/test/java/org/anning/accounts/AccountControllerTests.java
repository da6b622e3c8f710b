package org.anning.accounts;

import java.util.Set;
import java.util.UUID;

import org.anning.AnningTest;
import org.anning.DemoStaff;
import org.anning.units.UnitScopes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The desk's account pages: unit scope as 404, administrators only for changes, forms that keep what was typed. */
@AnningTest
class AccountControllerTests {

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
		AccountId frontDesk = DemoStaff.accountId("frontdesk");

		mvc.perform(get("/desk/accounts/{id}", frontDesk).with(DemoStaff.chief2())).andExpect(status().isNotFound());
		mvc.perform(get("/desk/accounts/{id}", frontDesk).with(DemoStaff.chief()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("frontdesk"), containsString("窗口民警 李娜"),
					containsString("和平路派出所"))));
	}

	@Test
	void listShowsOnlyAccountsInTheUnitScope() throws Exception {
		mvc.perform(get("/desk/accounts").with(DemoStaff.chief2()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(row("chief2"))))
			.andExpect(content().string(not(containsString(row("frontdesk")))))
			.andExpect(content().string(not(containsString(row("chief")))))
			.andExpect(content().string(not(containsString(row("admin")))));
	}

	@Test
	void listIsHiddenFromAFrontDeskOfficer() throws Exception {
		mvc.perform(get("/desk/accounts").with(DemoStaff.frontDesk())).andExpect(status().isForbidden());
		mvc.perform(get("/desk/accounts/{id}", DemoStaff.accountId("frontdesk")).with(DemoStaff.frontDesk()))
			.andExpect(status().isForbidden());
	}

	@Test
	void listIsAWholePageForAPlainRequestAndOnlyTheResultsForHtmx() throws Exception {
		mvc.perform(get("/desk/accounts").param("unit", "AN-DC-01").with(DemoStaff.admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<html"), containsString("hx-get=\"/desk/accounts\""),
					containsString("id=\"account-results\""), containsString(row("chief")))));

		mvc.perform(get("/desk/accounts").param("unit", "AN-DC-01").header("HX-Request", "true").with(DemoStaff.admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"account-results\""), containsString(row("chief")),
					not(containsString(row("chief2"))), not(containsString("<html")), not(containsString("<form")))));
	}

	@Test
	void listFiltersByUnitRoleAndText() throws Exception {
		mvc.perform(get("/desk/accounts").param("unit", "AN-DC-02").param("role", "STATION_CHIEF").param("q", "CHIEF")
			.with(DemoStaff.admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(row("chief2")), not(containsString(row("chief"))),
					not(containsString(row("admin"))))));
		mvc.perform(get("/desk/accounts").param("unit", "AN-DC-01").param("role", "FRONT_DESK").with(DemoStaff.admin()))
			.andExpect(content().string(allOf(containsString(row("frontdesk")), not(containsString(row("chief"))))));
		mvc.perform(get("/desk/accounts").param("q", "李娜").with(DemoStaff.admin()))
			.andExpect(content().string(allOf(containsString(row("frontdesk")), not(containsString(row("admin"))))));
	}

	@Test
	void listShowsTheNewAccountButtonToAdministratorsOnly() throws Exception {
		mvc.perform(get("/desk/accounts").with(DemoStaff.admin()))
			.andExpect(content().string(containsString("id=\"new-account\"")));
		mvc.perform(get("/desk/accounts").with(DemoStaff.chief()))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"new-account\""))));
	}

	@Test
	void listIsInEnglishWhenAskedFor() throws Exception {
		mvc.perform(get("/desk/accounts").param("lang", "en").with(DemoStaff.admin()))
			.andExpect(content().string(allOf(containsString("Staff accounts"), containsString("Hepinglu Police Station"),
					containsString("Station chief"))));
	}

	@Test
	void onlyAdministratorsOpenOrChangeAccounts() throws Exception {
		mvc.perform(get("/desk/accounts/new").with(DemoStaff.chief())).andExpect(status().isForbidden());
		mvc.perform(post("/desk/accounts/{id}/deactivate", DemoStaff.accountId("frontdesk")).with(csrf())
			.with(DemoStaff.chief())).andExpect(status().isForbidden());
		mvc.perform(get("/desk/accounts/{id}", DemoStaff.accountId("frontdesk")).with(DemoStaff.chief()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("account-status"), not(containsString("deactivate\"")),
					not(containsString("id=\"issue-token\"")))));
	}

	@Test
	void createsAnAccountAndRedirectsToItsPageWithANotice() throws Exception {
		String username = unique();
		MvcResult result = mvc.perform(post("/desk/accounts/new").with(csrf()).with(DemoStaff.admin())
			.param("username", username)
			.param("displayName", "新 民警")
			.param("unitCode", "AN-DC-01")
			.param("roles", "FRONT_DESK", "REVIEWER")
			.param("password", PASSWORD))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("notice", "accounts.notice.created"))
			.andReturn();
		String location = result.getResponse().getRedirectedUrl();

		mvc.perform(get(location).with(DemoStaff.admin()).flashAttrs(result.getFlashMap()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(username), containsString("账户已创建"),
					containsString("窗口民警"), containsString("审核民警"))));
	}

	@Test
	void creationPageKeepsTypedValuesAndShowsTheErrorBesideTheField() throws Exception {
		mvc.perform(post("/desk/accounts/new").with(csrf()).with(DemoStaff.admin())
			.param("username", "chief2")
			.param("displayName", "重名 民警")
			.param("unitCode", "AN-DC-02")
			.param("roles", "MEDIATOR")
			.param("password", PASSWORD))
			.andExpect(status().isOk())
			.andExpect(view().name("desk/accounts/form"))
			.andExpect(content().string(allOf(containsString("id=\"username-error\""), containsString("用户名“chief2”已被使用"),
					containsString("class=\"error-summary\""), containsString("value=\"chief2\""),
					containsString("value=\"重名 民警\""), matchesPattern("(?s).*value=\"MEDIATOR\"[^>]*checked.*"),
					not(containsString(PASSWORD)))));

		mvc.perform(post("/desk/accounts/new").with(csrf()).with(DemoStaff.admin())
			.param("username", unique())
			.param("displayName", "")
			.param("unitCode", "AN-DC-02")
			.param("roles", "MEDIATOR")
			.param("password", "password123"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"displayName-error\""), containsString("请输入姓名"),
					not(containsString("id=\"username-error\"")), not(containsString("password123")))));

		mvc.perform(post("/desk/accounts/new").with(csrf()).with(DemoStaff.admin())
			.param("username", unique())
			.param("displayName", "常见 密码")
			.param("unitCode", "AN-DC-02")
			.param("roles", "MEDIATOR")
			.param("password", "password123"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"password-error\""), containsString("这个密码太常见"),
					not(containsString("password123")))));
	}

	@Test
	void aSubBureauAdministratorSeesWhyCommandCannotBeGranted() throws Exception {
		StaffAccount officer = create("AN-DC-01", Role.FRONT_DESK);

		mvc.perform(post("/desk/accounts/{id}/roles", officer.id()).with(csrf())
			.with(DemoStaff.as("dcadmin", "AN-DC", Role.ADMINISTRATOR))
			.param("roles", "COMMAND"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"roles-error\""),
					containsString("只有管辖全局的管理员才能授予指挥中心或督察角色"))));
		assertThat(staff.get(officer.id(), scopes.of(ADMIN)).roles()).containsExactly(Role.FRONT_DESK);
	}

	@Test
	void changesRolesAndUnitAndRedirectsBack() throws Exception {
		StaffAccount officer = create("AN-DC-01", Role.FRONT_DESK);

		mvc.perform(post("/desk/accounts/{id}/roles", officer.id()).with(csrf()).with(DemoStaff.admin())
			.param("roles", "MEDIATOR", "COMMUNITY_OFFICER"))
			.andExpect(redirectedUrl("/desk/accounts/" + officer.id()))
			.andExpect(flash().attribute("notice", "accounts.notice.rolesChanged"));
		mvc.perform(post("/desk/accounts/{id}/unit", officer.id()).with(csrf()).with(DemoStaff.admin())
			.param("unitCode", "AN-DC-01-P1"))
			.andExpect(redirectedUrl("/desk/accounts/" + officer.id()));

		StaffAccount changed = staff.get(officer.id(), scopes.of(ADMIN));
		assertThat(changed.roles()).containsExactlyInAnyOrder(Role.MEDIATOR, Role.COMMUNITY_OFFICER);
		assertThat(changed.unitId()).isEqualTo(DemoStaff.unitId("AN-DC-01-P1"));
	}

	@Test
	void aChangeThatBreaksARuleShowsTheReasonOnThePage() throws Exception {
		mvc.perform(post("/desk/accounts/{id}/deactivate", ADMIN.accountId()).with(csrf()).with(DemoStaff.admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("class=\"error-summary\""), containsString("不能停用自己的账户"))));
		assertThat(staff.get(ADMIN.accountId(), scopes.of(ADMIN)).active()).isTrue();
	}

	@Test
	void anAdministratorOfASiblingStationGetsNotFoundWhenChangingAnAccount() throws Exception {
		StaffAccount officer = create("AN-DC-01", Role.FRONT_DESK);
		mvc.perform(post("/desk/accounts/{id}/deactivate", officer.id()).with(csrf())
			.with(DemoStaff.as("dc02admin", "AN-DC-02", Role.ADMINISTRATOR)))
			.andExpect(status().isNotFound());
		assertThat(staff.get(officer.id(), scopes.of(ADMIN)).active()).isTrue();
	}

	@Test
	void unlockIsOfferedForALockedAccountAndClearsTheLock() throws Exception {
		StaffAccount officer = create("AN-DC-01", Role.FRONT_DESK);
		for (int i = 0; i < Lockout.MAX_FAILURES; i++) {
			lockout.recordFailure(officer.principal(), "password");
		}
		mvc.perform(get("/desk/accounts/{id}", officer.id()).with(DemoStaff.admin()))
			.andExpect(content().string(allOf(containsString("id=\"unlock\""), containsString("已锁定"))));

		mvc.perform(post("/desk/accounts/{id}/unlock", officer.id()).with(csrf()).with(DemoStaff.admin()))
			.andExpect(redirectedUrl("/desk/accounts/" + officer.id()));

		assertThat(staff.get(officer.id(), scopes.of(ADMIN)).locked()).isFalse();
		mvc.perform(get("/desk/accounts/{id}", officer.id()).with(DemoStaff.admin()))
			.andExpect(content().string(not(containsString("id=\"unlock\""))));
	}

	@Test
	void deactivatesReactivatesAndSetsAPassword() throws Exception {
		StaffAccount officer = create("AN-DC-01", Role.FRONT_DESK);

		mvc.perform(post("/desk/accounts/{id}/deactivate", officer.id()).with(csrf()).with(DemoStaff.admin()))
			.andExpect(redirectedUrl("/desk/accounts/" + officer.id()));
		assertThat(staff.get(officer.id(), scopes.of(ADMIN)).active()).isFalse();
		mvc.perform(post("/desk/accounts/{id}/reactivate", officer.id()).with(csrf()).with(DemoStaff.admin()))
			.andExpect(redirectedUrl("/desk/accounts/" + officer.id()));
		assertThat(staff.get(officer.id(), scopes.of(ADMIN)).active()).isTrue();

		mvc.perform(post("/desk/accounts/{id}/password", officer.id()).with(csrf()).with(DemoStaff.admin())
			.param("password", "short"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"password-error\""), not(containsString("value=\"short\"")))));
		mvc.perform(post("/desk/accounts/{id}/password", officer.id()).with(csrf()).with(DemoStaff.admin())
			.param("password", "Pebble-Harbour-Violet-31"))
			.andExpect(redirectedUrl("/desk/accounts/" + officer.id()))
			.andExpect(flash().attribute("notice", "accounts.notice.passwordReset"));
	}

	@Test
	void issuedTokenIsShownOnceAfterTheRedirectAndThenOnlyListed() throws Exception {
		StaffAccount officer = create("AN-DC-01", Role.FRONT_DESK);

		MvcResult result = mvc.perform(post("/desk/accounts/{id}/tokens", officer.id()).with(csrf())
			.with(DemoStaff.admin())
			.param("name", "夜班脚本")
			.param("days", "14"))
			.andExpect(redirectedUrl("/desk/accounts/" + officer.id()))
			.andReturn();
		ApiTokens.IssuedToken issued = (ApiTokens.IssuedToken) result.getFlashMap().get("issued");
		assertThat(issued.token()).startsWith("ann_");

		mvc.perform(get("/desk/accounts/{id}", officer.id()).with(DemoStaff.admin()).flashAttrs(result.getFlashMap()))
			.andExpect(content().string(allOf(containsString(issued.token()), containsString("不会再次显示"),
					containsString("夜班脚本"))));
		mvc.perform(get("/desk/accounts/{id}", officer.id()).with(DemoStaff.admin()))
			.andExpect(content().string(allOf(not(containsString(issued.token())), containsString("夜班脚本"),
					containsString("/tokens/" + issued.id() + "/revoke"))));

		mvc.perform(post("/desk/accounts/{id}/tokens/{token}/revoke", officer.id(), issued.id()).with(csrf())
			.with(DemoStaff.admin()))
			.andExpect(redirectedUrl("/desk/accounts/" + officer.id()));
		assertThat(tokens.authenticate(issued.token())).isEmpty();
	}

	@Test
	void tokenDaysOutOfRangeShowBesideTheField() throws Exception {
		StaffAccount officer = create("AN-DC-01", Role.FRONT_DESK);
		for (String days : new String[] { "0", "400", "many" }) {
			mvc.perform(post("/desk/accounts/{id}/tokens", officer.id()).with(csrf()).with(DemoStaff.admin())
				.param("name", "script")
				.param("days", days))
				.andExpect(status().isOk())
				.andExpect(content().string(allOf(containsString("id=\"days-error\""), containsString("value=\"script\""))));
		}
		assertThat(tokens.of(officer.id())).isEmpty();
	}

	private StaffAccount create(String unitCode, Role role) {
		return TestAccounts.create(staff, scopes, "page", unitCode, role);
	}

	/** The list's row of a demo account, by its deterministic identifier. */
	private static String row(String username) {
		return "id=\"account-" + DemoStaff.accountId(username) + "\"";
	}

	private static String unique() {
		return "page-" + UUID.randomUUID().toString().substring(0, 8);
	}
}
