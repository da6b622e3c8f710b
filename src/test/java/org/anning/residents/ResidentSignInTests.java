package org.anning.residents;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.anning.AnningTest;
import org.anning.privacy.PersonalData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

@AnningTest
class ResidentSignInTests {

	static final String FAILED = "/signin?error";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Residents residents;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	PersonalData personalData;

	@Test
	void myAccountWithoutSignInRedirectsToTheSignInPage() {
		assertThat(mvc.get().uri("/me")).hasStatus(HttpStatus.FOUND).redirectedUrl().endsWith("/signin");
	}

	@Test
	void signsInByMobileNumberEvenTypedWithSpaces() {
		NewResident draft = TestResidents.draft();
		residents.register(draft);
		String spaced = draft.mobile().substring(0, 3) + " " + draft.mobile().substring(3, 7) + "-"
				+ draft.mobile().substring(7);
		MockHttpSession session = new MockHttpSession();

		assertThat(signIn(session, spaced, draft.password())).hasRedirectedUrl("/me");

		assertThat(mvc.get().uri("/me").session(session)).hasStatusOk().bodyText().contains(draft.name());
	}

	@Test
	void signsInByIdentityNumberWithALowerCaseX() {
		String idNumber = TestResidents.idNumberEndingInX();
		residents.register(new NewResident("钱多多", idNumber, TestResidents.mobile(), TestResidents.PASSWORD));
		MockHttpSession session = new MockHttpSession();

		assertThat(signIn(session, idNumber.toLowerCase(), TestResidents.PASSWORD)).hasRedirectedUrl("/me");

		assertThat(mvc.get().uri("/me").session(session)).hasStatusOk().bodyText().contains("钱多多");
	}

	@Test
	void signInChangesTheSessionIdAndKeepsTheResidentApartFromStaff() {
		NewResident draft = TestResidents.draft();
		residents.register(draft);
		MockHttpSession session = new MockHttpSession();
		String before = session.getId();

		assertThat(signIn(session, draft.idNumber(), draft.password())).hasRedirectedUrl("/me");

		assertThat(session.getId()).isNotEqualTo(before);
		assertThat(session.getAttribute("ANNING_RESIDENT_SECURITY_CONTEXT")).isNotNull();
		assertThat(session.getAttribute("SPRING_SECURITY_CONTEXT")).isNull();
		assertThat(session.getAttribute("ANNING_STAFF_SECURITY_CONTEXT")).isNull();
		// A resident's sign-in opens nothing on the staff desk.
		assertThat(mvc.get().uri("/desk").session(session)).hasStatus(HttpStatus.FOUND)
			.redirectedUrl()
			.endsWith("/desk/signin");
	}

	@Test
	void unknownUserAndWrongPasswordGetTheSameAnswerAndTheTypedUsernameBack() {
		NewResident draft = TestResidents.draft();
		residents.register(draft);
		MockHttpSession session = new MockHttpSession();

		String unknownNumber = TestResidents.idNumber();
		assertThat(signIn(session, unknownNumber, TestResidents.PASSWORD)).hasRedirectedUrl(FAILED);
		assertThat(mvc.get().uri(FAILED).session(session)).hasStatusOk()
			.bodyText()
			.contains("id=\"signin-error\"", "登录失败", "value=\"" + unknownNumber + "\"");

		assertThat(signIn(session, draft.mobile(), "Wrong-Password-123")).hasRedirectedUrl(FAILED);
		assertThat(mvc.get().uri(FAILED).session(session)).hasStatusOk()
			.bodyText()
			.contains("id=\"signin-error\"", "登录失败", "value=\"" + draft.mobile() + "\"")
			.doesNotContain("Wrong-Password-123");
	}

	@Test
	void fiveWrongPasswordsLockTheResidentForFifteenMinutes() {
		NewResident draft = TestResidents.draft();
		residents.register(draft);
		for (int i = 0; i < 5; i++) {
			assertThat(signIn(new MockHttpSession(), draft.mobile(), "Wrong-Password-" + i)).hasRedirectedUrl(FAILED);
		}
		Instant lockedUntil = lockedUntil(draft);
		assertThat(lockedUntil).isBetween(clock.instant().plus(Duration.ofMinutes(14)),
				clock.instant().plus(Duration.ofMinutes(15)));

		// The right password gets the same answer as a wrong one while locked, by either name.
		assertThat(signIn(new MockHttpSession(), draft.mobile(), draft.password())).hasRedirectedUrl(FAILED);
		assertThat(signIn(new MockHttpSession(), draft.idNumber(), draft.password())).hasRedirectedUrl(FAILED);
		assertThat(lockedUntil(draft)).isEqualTo(lockedUntil);

		// Fourteen minutes later: still locked.
		moveLockedUntil(draft, clock.instant().plus(Duration.ofMinutes(1)));
		assertThat(signIn(new MockHttpSession(), draft.mobile(), draft.password())).hasRedirectedUrl(FAILED);

		// Fifteen minutes later: open again.
		moveLockedUntil(draft, clock.instant().minusSeconds(1));
		assertThat(signIn(new MockHttpSession(), draft.mobile(), draft.password())).hasRedirectedUrl("/me");
	}

	@Test
	void fourWrongPasswordsDoNotLockAndASuccessForgivesThem() {
		NewResident draft = TestResidents.draft();
		residents.register(draft);
		for (int i = 0; i < 4; i++) {
			signIn(new MockHttpSession(), draft.idNumber(), "Wrong-Password-" + i);
		}

		assertThat(signIn(new MockHttpSession(), draft.idNumber(), draft.password())).hasRedirectedUrl("/me");
		assertThat(failures(draft)).isZero();
		assertThat(lockedUntil(draft)).isNull();
	}

	@Test
	void failuresOlderThanFifteenMinutesDoNotCount() {
		NewResident draft = TestResidents.draft();
		residents.register(draft);
		Instant longAgo = clock.instant().minus(Duration.ofMinutes(16));
		for (int i = 0; i < 4; i++) {
			jdbc.sql("INSERT INTO resident_sign_in_failure (resident_id, failed_at) SELECT id, ? FROM resident WHERE id_number_index = ?")
				.params(Timestamp.from(longAgo), idNumberIndex(draft))
				.update();
		}

		assertThat(signIn(new MockHttpSession(), draft.mobile(), "Wrong-Password")).hasRedirectedUrl(FAILED);

		assertThat(lockedUntil(draft)).isNull();
		assertThat(signIn(new MockHttpSession(), draft.mobile(), draft.password())).hasRedirectedUrl("/me");
	}

	@Test
	void residentsSharingAMobileEachSignInWithTheirOwnPassword() {
		String mobile = TestResidents.mobile();
		NewResident parent = new NewResident("赵家长", TestResidents.idNumber(), mobile, "Parent-Password-2026");
		NewResident child = new NewResident("赵小孩", TestResidents.idNumber(), mobile, "Child-Password-2026");
		residents.register(parent);
		residents.register(child);

		MockHttpSession parentSession = new MockHttpSession();
		assertThat(signIn(parentSession, mobile, parent.password())).hasRedirectedUrl("/me");
		assertThat(mvc.get().uri("/me").session(parentSession)).bodyText().contains("赵家长").doesNotContain("赵小孩");

		MockHttpSession childSession = new MockHttpSession();
		assertThat(signIn(childSession, mobile, child.password())).hasRedirectedUrl("/me");
		assertThat(mvc.get().uri("/me").session(childSession)).bodyText().contains("赵小孩").doesNotContain("赵家长");
		assertThat(failures(parent)).isZero();
	}

	@Test
	void longPasswordsAreNeitherRefusedNorTruncated() {
		// 100 Chinese characters are 300 bytes: far beyond the 72 bytes bcrypt itself reads.
		String password = "安宁".repeat(50);
		NewResident draft = new NewResident("孙长文", TestResidents.idNumber(), TestResidents.mobile(), password);
		residents.register(draft);

		assertThat(signIn(new MockHttpSession(), draft.idNumber(), "安宁".repeat(49) + "安全")).hasRedirectedUrl(FAILED);
		assertThat(signIn(new MockHttpSession(), draft.idNumber(), password)).hasRedirectedUrl("/me");
	}

	@Test
	void signOutEndsTheSession() {
		NewResident draft = TestResidents.draft();
		residents.register(draft);
		MockHttpSession session = new MockHttpSession();
		assertThat(signIn(session, draft.mobile(), draft.password())).hasRedirectedUrl("/me");

		assertThat(mvc.post().uri("/signout").session(session).with(csrf())).hasRedirectedUrl("/signin?signedOut");

		assertThat(session.isInvalid()).isTrue();
		assertThat(mvc.get().uri("/me")).hasStatus(HttpStatus.FOUND).redirectedUrl().endsWith("/signin");
	}

	@Test
	void signInWithoutCsrfTokenIsRefused() {
		NewResident draft = TestResidents.draft();
		residents.register(draft);

		assertThat(mvc.post().uri("/signin").param("username", draft.mobile()).param("password", draft.password()))
			.hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void demoResidentsSignInWithTheDemoPassword() {
		assertThat(signIn(new MockHttpSession(), ResidentDemoData.RESIDENTS[0][2], ResidentDemoData.PASSWORD))
			.hasRedirectedUrl("/me");
		String idNumber = ResidentDemoData.idNumberOf(ResidentDemoData.RESIDENTS[1]).value();
		assertThat(signIn(new MockHttpSession(), idNumber, ResidentDemoData.PASSWORD)).hasRedirectedUrl("/me");
	}

	private MvcTestResult signIn(MockHttpSession session, String username, String password) {
		return mvc.post()
			.uri("/signin")
			.session(session)
			.param("username", username)
			.param("password", password)
			.with(csrf())
			.exchange();
	}

	private Instant lockedUntil(NewResident draft) {
		Timestamp t = jdbc.sql("SELECT locked_until FROM resident WHERE id_number_index = ?")
			.param(idNumberIndex(draft))
			.query((rs, n) -> rs.getTimestamp(1))
			.list()
			.get(0);
		return t == null ? null : t.toInstant();
	}

	private void moveLockedUntil(NewResident draft, Instant until) {
		jdbc.sql("UPDATE resident SET locked_until = ? WHERE id_number_index = ?")
			.params(Timestamp.from(until), idNumberIndex(draft))
			.update();
	}

	private int failures(NewResident draft) {
		return jdbc.sql("""
				SELECT count(*) FROM resident_sign_in_failure f JOIN resident r ON r.id = f.resident_id
				 WHERE r.id_number_index = ?
				""").param(idNumberIndex(draft)).query(Integer.class).single();
	}

	private String idNumberIndex(NewResident draft) {
		return personalData.index(ResidentRepository.ID_NUMBER, draft.idNumber());
	}
}
