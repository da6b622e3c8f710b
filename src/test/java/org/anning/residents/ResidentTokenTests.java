package org.anning.residents;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.anning.AnningTest;
import org.anning.DemoStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

@AnningTest
class ResidentTokenTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Residents residents;

	@Autowired
	JdbcClient jdbc;

	@Test
	void issuesAnAnrTokenForTheIdentityNumberAndPasswordAndStoresOnlyItsHash() {
		NewResident draft = TestResidents.draft();
		Resident resident = residents.register(draft);

		MvcTestResult result = signIn(draft.idNumber(), TestResidents.PASSWORD);

		assertThat(result).hasStatus(HttpStatus.CREATED).doesNotContainHeader(HttpHeaders.SET_COOKIE);
		String token = token(result);
		assertThat(token).startsWith("anr_").hasSize(4 + 43);
		assertThat(result).bodyJson().extractingPath("$.expiresAt").isNotNull();
		Map<String, Object> stored = jdbc.sql("SELECT * FROM resident_token WHERE resident_id = ?")
			.param(resident.id().value())
			.query()
			.singleRow();
		assertThat(stored.get("token_hash")).isEqualTo(ResidentTokens.hash(token));
		assertThat(stored.values()).noneMatch(v -> String.valueOf(v).contains(token));
		Instant created = ((Timestamp) stored.get("created_at")).toInstant();
		Instant expires = ((Timestamp) stored.get("expires_at")).toInstant();
		assertThat(java.time.Duration.between(created, expires)).hasHours(12);
		assertThat(jdbc.sql("""
				SELECT count(*) FROM audit_event
				 WHERE action = 'TOKEN_ISSUED' AND object_type = 'resident-token' AND object_id = ?
				   AND subject_resident = ? AND actor_kind = 'RESIDENT'
				""").params(stored.get("id").toString(), resident.id().value()).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void issuesATokenForTheMobileNumber() {
		NewResident draft = TestResidents.draft();
		residents.register(draft);

		assertThat(signIn(draft.mobile(), TestResidents.PASSWORD)).hasStatus(HttpStatus.CREATED);
	}

	@Test
	void wrongPasswordGetsTheSame401AsAnUnknownResident() {
		NewResident draft = TestResidents.draft();
		residents.register(draft);

		MvcTestResult wrong = signIn(draft.idNumber(), "Not-The-Password-1");
		MvcTestResult unknown = signIn(TestResidents.idNumber(), TestResidents.PASSWORD);

		assertThat(wrong).hasStatus(HttpStatus.UNAUTHORIZED).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(unknown).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(wrong.getResponse().getContentAsByteArray()).isEqualTo(unknown.getResponse().getContentAsByteArray());
		assertThat(wrong).bodyJson().extractingPath("$.title").isEqualTo("登录失败");
	}

	@Test
	void fiveWrongPasswordsThroughTheApiLockTheResidentOutOfTheApiWithTheSameAnswer() {
		NewResident draft = TestResidents.draft();
		residents.register(draft);
		MvcTestResult wrong = null;
		for (int i = 0; i < ResidentLockout.MAX_FAILURES; i++) {
			wrong = signIn(draft.idNumber(), "Not-The-Password-1");
		}

		MvcTestResult locked = signIn(draft.idNumber(), TestResidents.PASSWORD);

		assertThat(locked).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(locked.getResponse().getContentAsByteArray()).isEqualTo(wrong.getResponse().getContentAsByteArray());
	}

	@Test
	void theTokenOpensTheResidentsOwnAccountWithMaskedNumbers() throws Exception {
		NewResident draft = TestResidents.draft();
		Resident resident = residents.register(draft);
		String token = token(signIn(draft.idNumber(), TestResidents.PASSWORD));

		MvcTestResult result = mvc.get().uri("/api/v1/me/account").header("Authorization", "Bearer " + token).exchange();

		assertThat(result).hasStatusOk().doesNotContainHeader(HttpHeaders.SET_COOKIE);
		assertThat(result).bodyJson().extractingPath("$.name").isEqualTo("周安然");
		assertThat(result).bodyJson().extractingPath("$.id").isEqualTo(resident.id().toString());
		assertThat(result).bodyJson().extractingPath("$.maskedIdNumber").isEqualTo(resident.idNumber().masked());
		assertThat(result).bodyJson().extractingPath("$.maskedMobile").isEqualTo(resident.mobile().masked());
		assertThat(result.getResponse().getContentAsString()).doesNotContain(draft.idNumber()).doesNotContain(draft.mobile());
	}

	@Test
	void withoutATokenTheResidentsApiAnswers401AsAProblem() {
		assertThat(mvc.get().uri("/api/v1/me/account")).hasStatus(HttpStatus.UNAUTHORIZED)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.hasHeader("WWW-Authenticate", "Bearer");
	}

	@Test
	void anExpiredTokenAnswers401() {
		Resident resident = residents.register(TestResidents.draft());
		String token = ResidentTokens.PREFIX + UUID.randomUUID();
		Instant now = Instant.now();
		jdbc.sql("""
				INSERT INTO resident_token (id, resident_id, token_hash, created_at, expires_at)
				VALUES (?, ?, ?, ?, ?)
				""").params(UUID.randomUUID(), resident.id().value(), ResidentTokens.hash(token),
				Timestamp.from(now.minusSeconds(13 * 3600)), Timestamp.from(now.minusSeconds(3600))).update();

		assertThat(mvc.get().uri("/api/v1/me/account").header("Authorization", "Bearer " + token))
			.hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void signingOutRevokesTheTokenOfTheRequest() {
		NewResident draft = TestResidents.draft();
		residents.register(draft);
		String token = token(signIn(draft.idNumber(), TestResidents.PASSWORD));
		String other = token(signIn(draft.idNumber(), TestResidents.PASSWORD));

		assertThat(mvc.delete().uri("/api/v1/me/tokens/current").header("Authorization", "Bearer " + token))
			.hasStatus(HttpStatus.NO_CONTENT);

		assertThat(mvc.get().uri("/api/v1/me/account").header("Authorization", "Bearer " + token))
			.hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(mvc.get().uri("/api/v1/me/account").header("Authorization", "Bearer " + other)).hasStatusOk();
		assertThat(jdbc.sql("SELECT revoked_at FROM resident_token WHERE token_hash = ?")
			.param(ResidentTokens.hash(token))
			.query(Timestamp.class)
			.single()).isNotNull();
	}

	@Test
	void aStaffTokenDoesNotOpenTheResidentsApiAndStillOpensTheStaffMembersOwnAccount() {
		assertThat(mvc.get().uri("/api/v1/me/account").header("Authorization", "Bearer " + DemoStaff.ADMIN_TOKEN))
			.hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(mvc.get().uri("/api/v1/me").header("Authorization", "Bearer " + DemoStaff.ADMIN_TOKEN))
			.hasStatusOk();
	}

	@Test
	void aResidentTokenDoesNotOpenTheStaffApi() {
		NewResident draft = TestResidents.draft();
		residents.register(draft);
		String token = token(signIn(draft.idNumber(), TestResidents.PASSWORD));

		assertThat(mvc.get().uri("/api/v1/units").header("Authorization", "Bearer " + token))
			.hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(mvc.get().uri("/api/v1/me").header("Authorization", "Bearer " + token))
			.hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void aPortalSessionDoesNotOpenTheResidentsApi() {
		NewResident draft = TestResidents.draft();
		residents.register(draft);
		MockHttpSession session = new MockHttpSession();
		assertThat(mvc.post()
			.uri("/signin")
			.session(session)
			.param("username", draft.idNumber())
			.param("password", draft.password())
			.with(csrf())).hasRedirectedUrl("/me");
		assertThat(mvc.get().uri("/me").session(session)).hasStatusOk();

		assertThat(mvc.get().uri("/api/v1/me/account").session(session)).hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void idNumberEndsWithComparesTheLastSixCharactersWithXInEitherCase() {
		String idNumber = TestResidents.idNumberEndingInX();
		Resident resident = residents.register(new NewResident("周安然", idNumber, TestResidents.mobile(),
				TestResidents.PASSWORD));
		String lastSix = idNumber.substring(12);

		assertThat(residents.idNumberEndsWith(resident.id(), lastSix)).isTrue();
		assertThat(residents.idNumberEndsWith(resident.id(), lastSix.toLowerCase())).isTrue();
		assertThat(residents.idNumberEndsWith(resident.id(), idNumber.substring(11, 17))).isFalse();
		assertThat(residents.idNumberEndsWith(resident.id(), idNumber)).isFalse();
		assertThat(residents.idNumberEndsWith(resident.id(), "")).isFalse();
		assertThat(residents.idNumberEndsWith(resident.id(), null)).isFalse();
		assertThat(residents.idNumberEndsWith(new ResidentId(UUID.randomUUID()), lastSix)).isFalse();
	}

	@Test
	void applicantViewHasFullAndMaskedNumbersButLogsOnlyMaskedOnes() {
		NewResident draft = TestResidents.draft();
		Resident resident = residents.register(draft);

		ApplicantView applicant = residents.applicant(resident.id());

		assertThat(applicant.name()).isEqualTo("周安然");
		assertThat(applicant.idNumber()).isEqualTo(draft.idNumber());
		assertThat(applicant.maskedIdNumber()).isEqualTo(resident.idNumber().masked());
		assertThat(applicant.mobile()).isEqualTo(draft.mobile());
		assertThat(applicant.toString()).doesNotContain(draft.idNumber()).doesNotContain(draft.mobile())
			.doesNotContain("周安然");
		assertThat(residents.name(resident.id())).contains("周安然");
		assertThat(residents.maskedIdNumber(resident.id())).contains(resident.idNumber().masked());
	}

	private MvcTestResult signIn(String username, String password) {
		return mvc.post()
			.uri("/api/v1/residents/tokens")
			.contentType(MediaType.APPLICATION_JSON)
			.content(JSON.writeValueAsString(Map.of("username", username, "password", password)))
			.exchange();
	}

	private static String token(MvcTestResult result) {
		assertThat(result).hasStatus(HttpStatus.CREATED);
		return JSON.readTree(result.getResponse().getContentAsByteArray()).get("token").asString();
	}
}
