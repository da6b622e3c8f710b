package org.anning.accounts;

import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;

import org.anning.AnningTest;
import org.anning.DemoStaff;
import org.anning.units.UnitScopes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Staff sign in with a password and then a TOTP code; failures lock the account. */
@AnningTest
class StaffSignInTests {

	static final String PASSWORD = "Correct-Horse-Battery-42";

	@Autowired
	MockMvc mvc;

	@Autowired
	StaffAccounts staff;

	@Autowired
	StaffAccountRepository repository;

	@Autowired
	UnitScopes scopes;

	@Test
	void signsInWithPasswordThenCodeAndLandsOnDeskWithNewSessionId() throws Exception {
		var account = enrolledAccount();
		MockHttpSession session = new MockHttpSession();
		password(session, account.username(), PASSWORD).andExpect(redirectedUrl("/desk/signin/code"));
		String idAfterPassword = session.getId();

		mvc.perform(post("/desk/signin/code").session(session).with(csrf()).param("code", currentCode()))
			.andExpect(redirectedUrl("/desk"));

		assertThat(session.getId()).isNotEqualTo(idAfterPassword);
		mvc.perform(get("/desk").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString(account.username())));
	}

	@Test
	void passwordAloneDoesNotOpenTheDesk() throws Exception {
		var account = enrolledAccount();
		MockHttpSession session = new MockHttpSession();
		password(session, account.username(), PASSWORD);

		mvc.perform(get("/desk").session(session)).andExpect(redirectedUrl("/desk/signin/code"));
		mvc.perform(get("/desk/units").session(session)).andExpect(redirectedUrl("/desk/signin/code"));
	}

	@Test
	void refusesACodeThatWasAlreadyUsed() throws Exception {
		var account = enrolledAccount();
		String code = currentCode();
		MockHttpSession first = new MockHttpSession();
		password(first, account.username(), PASSWORD);
		mvc.perform(post("/desk/signin/code").session(first).with(csrf()).param("code", code))
			.andExpect(redirectedUrl("/desk"));

		MockHttpSession second = new MockHttpSession();
		password(second, account.username(), PASSWORD);
		mvc.perform(post("/desk/signin/code").session(second).with(csrf()).param("code", code))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("code-error")));
		mvc.perform(get("/desk").session(second)).andExpect(redirectedUrl("/desk/signin/code"));
	}

	@Test
	void fiveWrongPasswordsLockTheAccountUntilAnAdministratorUnlocksIt() throws Exception {
		var account = enrolledAccount();
		for (int i = 0; i < 5; i++) {
			password(new MockHttpSession(), account.username(), "wrong-password-" + i)
				.andExpect(redirectedUrl("/desk/signin?error"));
		}
		assertThat(repository.findById(account.id()).orElseThrow().locked()).isTrue();

		password(new MockHttpSession(), account.username(), PASSWORD).andExpect(redirectedUrl("/desk/signin?error"));

		staff.unlock(account.id(), DemoStaff.principal("admin", "AN", Role.ADMINISTRATOR),
				scopes.of(DemoStaff.principal("admin", "AN", Role.ADMINISTRATOR)));
		password(new MockHttpSession(), account.username(), PASSWORD).andExpect(redirectedUrl("/desk/signin/code"));
	}

	@Test
	void lockedUnknownAndMistypedAccountsGetTheSameResponse() throws Exception {
		var locked = enrolledAccount();
		repository.lock(locked.id(), Instant.now());
		var mistyped = enrolledAccount();

		MvcResult lockedResult = password(new MockHttpSession(), locked.username(), PASSWORD).andReturn();
		MvcResult unknownResult = password(new MockHttpSession(), "nobody-" + UUID.randomUUID(), PASSWORD).andReturn();
		MvcResult wrongResult = password(new MockHttpSession(), mistyped.username(), "not-the-password").andReturn();

		for (MvcResult result : new MvcResult[] { lockedResult, unknownResult, wrongResult }) {
			assertThat(result.getResponse().getStatus()).isEqualTo(302);
			assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/desk/signin?error");
		}
	}

	@Test
	void wrongCodesCountTowardsTheLockout() throws Exception {
		var account = enrolledAccount();
		MockHttpSession session = new MockHttpSession();
		password(session, account.username(), PASSWORD);
		for (int i = 0; i < 4; i++) {
			mvc.perform(post("/desk/signin/code").session(session).with(csrf()).param("code", "000000"))
				.andExpect(status().isOk());
		}
		mvc.perform(post("/desk/signin/code").session(session).with(csrf()).param("code", "000000"))
			.andExpect(redirectedUrl("/desk/signin?error"));
		assertThat(repository.findById(account.id()).orElseThrow().locked()).isTrue();
	}

	@Test
	void firstSignInEnrolsAnAuthenticatorAppWithQrCodeAndKey() throws Exception {
		var account = staff.create(new NewStaffAccount("new-" + suffix(), "新民警", "AN-DC-03",
				EnumSet.of(Role.COMMUNITY_OFFICER), PASSWORD), admin(), scopes.of(admin()));
		MockHttpSession session = new MockHttpSession();
		password(session, account.username(), PASSWORD).andExpect(redirectedUrl("/desk/signin/enrol"));

		mvc.perform(get("/desk/signin/enrol").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("<svg")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"secret\"")));
		String secret = (String) session.getAttribute(SignInController.PENDING_SECRET);
		assertThat(secret).hasSize(32);

		mvc.perform(post("/desk/signin/enrol").session(session)
			.with(csrf())
			.param("code", Totp.code(secret, Totp.step(Instant.now())))).andExpect(redirectedUrl("/desk"));
		assertThat(repository.findById(account.id()).orElseThrow().secondFactorEnrolled()).isTrue();
	}

	@Test
	void signingOutEndsTheSession() throws Exception {
		var account = enrolledAccount();
		MockHttpSession session = new MockHttpSession();
		password(session, account.username(), PASSWORD);
		mvc.perform(post("/desk/signin/code").session(session).with(csrf()).param("code", currentCode()));

		mvc.perform(post("/desk/signout").session(session).with(csrf())).andExpect(redirectedUrl("/desk/signin?signedOut"));
		assertThat(session.isInvalid()).isTrue();
		mvc.perform(get("/desk")).andExpect(redirectedUrl("/desk/signin"));
	}

	@Test
	void aLongPasswordCountsEveryCharacter() throws Exception {
		String longPassword = "安".repeat(100) + "宁"; // 303 bytes in UTF-8, far beyond bcrypt's 72
		var account = staff.create(new NewStaffAccount("long-" + suffix(), "长密码民警", "AN-DC-03",
				EnumSet.of(Role.FRONT_DESK), longPassword), admin(), scopes.of(admin()));
		repository.setSecondFactor(account.id(), StaffDemoData.TOTP_SECRET, 0, Instant.now());

		password(new MockHttpSession(), account.username(), "安".repeat(100) + "静")
			.andExpect(redirectedUrl("/desk/signin?error"));
		password(new MockHttpSession(), account.username(), longPassword).andExpect(redirectedUrl("/desk/signin/code"));
	}

	@Test
	void signInFormWithoutCsrfTokenIsRefused() throws Exception {
		var account = enrolledAccount();
		mvc.perform(post("/desk/signin").param("username", account.username()).param("password", PASSWORD))
			.andExpect(status().isForbidden());
	}

	private org.springframework.test.web.servlet.ResultActions password(MockHttpSession session, String username,
			String password) throws Exception {
		return mvc.perform(post("/desk/signin").session(session)
			.with(csrf())
			.param("username", username)
			.param("password", password));
	}

	/** A new account with the demo secret, so the test can compute its codes. */
	private StaffAccount enrolledAccount() {
		var account = staff.create(new NewStaffAccount("officer-" + suffix(), "测试民警", "AN-DC-03",
				EnumSet.of(Role.FRONT_DESK), PASSWORD), admin(), scopes.of(admin()));
		repository.setSecondFactor(account.id(), StaffDemoData.TOTP_SECRET, 0, Instant.now());
		return account;
	}

	private static String currentCode() {
		return Totp.code(StaffDemoData.TOTP_SECRET, Totp.step(Instant.now()));
	}

	private static StaffPrincipal admin() {
		return DemoStaff.principal("admin", "AN", Role.ADMINISTRATOR);
	}

	private static String suffix() {
		return UUID.randomUUID().toString().substring(0, 8);
	}
}
