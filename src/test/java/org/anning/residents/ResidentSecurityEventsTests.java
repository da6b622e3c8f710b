package org.anning.residents;

import java.util.List;

import org.anning.AnningTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** Registration, sign-ins, failures and lockouts of residents are audit events. */
@AnningTest
class ResidentSecurityEventsTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Residents residents;

	@Autowired
	JdbcClient jdbc;

	@Test
	void registrationIsACreateEventByTheNewResidentAboutThemselves() {
		Resident resident = residents.register(TestResidents.draft());
		assertThat(events(resident)).containsExactly("CREATE RESIDENT " + resident.id());
	}

	@Test
	void signInFailureAndLockAreAuditedAgainstTheResident() {
		NewResident draft = TestResidents.draft();
		Resident resident = residents.register(draft);
		assertThat(signIn(draft.idNumber(), draft.password())).hasRedirectedUrl("/me");
		for (int i = 0; i < 5; i++) {
			assertThat(signIn(draft.mobile(), "Wrong-Password-" + i)).hasRedirectedUrl("/signin?error");
		}
		String me = "RESIDENT " + resident.id();
		assertThat(events(resident)).containsExactly("CREATE " + me, "SIGN_IN " + me, "SIGN_IN_FAILED " + me,
				"SIGN_IN_FAILED " + me, "SIGN_IN_FAILED " + me, "SIGN_IN_FAILED " + me, "SIGN_IN_FAILED " + me,
				"LOCKED " + me);
	}

	@Test
	void aSignInByAnUnknownNumberIsAuditedAnonymouslyWithoutWhatWasTyped() {
		String unknown = TestResidents.idNumber();
		long before = anonymousFailures();
		assertThat(signIn(unknown, TestResidents.PASSWORD)).hasRedirectedUrl("/signin?error");
		assertThat(anonymousFailures()).isEqualTo(before + 1);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE detail LIKE ? OR object_id = ?")
			.params("%" + unknown.substring(6, 14) + "%", unknown)
			.query(Long.class)
			.single()).isZero();
	}

	private long anonymousFailures() {
		return jdbc.sql("""
				SELECT count(*) FROM audit_event
				 WHERE action = 'SIGN_IN_FAILED' AND actor_kind = 'ANONYMOUS' AND actor_id IS NULL AND object_type = 'resident'
				""").query(Long.class).single();
	}

	private List<String> events(Resident resident) {
		return jdbc.sql("SELECT action, actor_kind, actor_id FROM audit_event WHERE subject_resident = ? ORDER BY seq")
			.param(resident.id().value())
			.query((rs, n) -> rs.getString("action") + " " + rs.getString("actor_kind") + " " + rs.getString("actor_id"))
			.list();
	}

	private org.springframework.test.web.servlet.assertj.MvcTestResult signIn(String username, String password) {
		return mvc.post()
			.uri("/signin")
			.session(new MockHttpSession())
			.param("username", username)
			.param("password", password)
			.with(csrf())
			.exchange();
	}
}
