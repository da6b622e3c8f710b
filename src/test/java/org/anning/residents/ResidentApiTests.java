package org.anning.residents;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.anning.AnningTest;
import org.anning.privacy.PersonalData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

@AnningTest
class ResidentApiTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalData personalData;

	@Test
	void wrongCheckCharacterAnswers422WithAChineseErrorOnTheIdNumberByDefault() {
		String json = TestResidents.json("周安然", TestResidents.withWrongCheckCharacter(TestResidents.idNumber()),
				TestResidents.mobile(), TestResidents.PASSWORD);

		MvcTestResult result = register(json, null);

		assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.title").isEqualTo("输入有误");
		assertThat(result).bodyJson()
			.extractingPath("$.errors")
			.isEqualTo(List.of(Map.of("field", "idNumber", "message", "身份证号最后一位（校验码）与前 17 位不符，请逐位核对")));
	}

	@Test
	void wrongCheckCharacterIsExplainedInEnglishForAcceptLanguageEn() {
		String json = TestResidents.json("Zhou Anran", TestResidents.withWrongCheckCharacter(TestResidents.idNumber()),
				TestResidents.mobile(), TestResidents.PASSWORD);

		MvcTestResult result = register(json, "en");

		assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(result).bodyJson().extractingPath("$.title").isEqualTo("Invalid input");
		assertThat(result).bodyJson()
			.extractingPath("$.errors[0].message")
			.isEqualTo("The last character of the identity number (the check character) does not fit the first 17; "
					+ "check each digit");
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("idNumber");
	}

	@Test
	void validRegistrationAnswers201WithTheNewIdAndItsLocation() {
		String idNumber = TestResidents.idNumber();

		MvcTestResult result = register(TestResidents.json(" 周安然 ", idNumber, "139-0000 1234", TestResidents.PASSWORD),
				null);

		assertThat(result).hasStatus(HttpStatus.CREATED);
		String id = stored(idNumber).get("id").toString();
		assertThat(result).bodyJson().extractingPath("$.id").isEqualTo(id);
		assertThat(result).hasHeader(HttpHeaders.LOCATION, "http://localhost/api/v1/residents/" + id);
		assertThat(stored(idNumber)).containsEntry("name", "周安然");
		assertThat(personalData.open(ResidentRepository.MOBILE, (byte[]) stored(idNumber).get("mobile_sealed")))
			.isEqualTo("13900001234");
		assertThat(stored(idNumber).get("password_hash").toString()).startsWith("{argon2@SpringSecurity_v5_8}$argon2id$")
			.doesNotContain(TestResidents.PASSWORD);
	}

	@Test
	void registeringANumberAgainAnswers409() {
		String idNumber = TestResidents.idNumber();
		assertThat(register(TestResidents.json("周安然", idNumber, TestResidents.mobile(), TestResidents.PASSWORD), null))
			.hasStatus(HttpStatus.CREATED);

		MvcTestResult again = register(TestResidents.json("别人", idNumber, TestResidents.mobile(), "Another-Long-Pass-9"),
				null);

		assertThat(again).hasStatus(HttpStatus.CONFLICT);
		assertThat(again).bodyJson().extractingPath("$.type").isEqualTo("urn:anning:problem:residents.idNumber.taken");
		assertThat(again).bodyJson().extractingPath("$.detail").isEqualTo("该身份证号已经注册，请直接登录");
		assertThat(stored(idNumber)).containsEntry("name", "周安然");
	}

	@Test
	void lowerCaseXIsAcceptedAndStoredUpperCaseSoTheUpperCaseNumberIsADuplicate() {
		String idNumber = TestResidents.idNumberEndingInX();
		String lowerCase = idNumber.substring(0, 17) + "x";

		assertThat(register(TestResidents.json("周安然", lowerCase, TestResidents.mobile(), TestResidents.PASSWORD), null))
			.hasStatus(HttpStatus.CREATED);
		assertThat(personalData.open(ResidentRepository.ID_NUMBER, (byte[]) stored(idNumber).get("id_number_sealed")))
			.isEqualTo(idNumber);

		assertThat(register(TestResidents.json("周安然", idNumber, TestResidents.mobile(), TestResidents.PASSWORD), "en"))
			.hasStatus(HttpStatus.CONFLICT)
			.bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("This identity number is registered already; sign in instead");
	}

	@Test
	void badMobileAndCommonPasswordAreReportedTogether() {
		String idNumber = TestResidents.idNumber();

		MvcTestResult result = register(TestResidents.json("周安然", idNumber, "12345678901", "password123"), null);

		assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(result).bodyJson()
			.extractingPath("$.errors")
			.asInstanceOf(LIST)
			.containsExactlyInAnyOrder(Map.of("field", "mobile", "message", "请输入 11 位中国大陆手机号，以 13 至 19 开头"),
					Map.of("field", "password", "message", "这个密码太常见，容易被猜到，请换一个"));
		assertThat(jdbc.sql("SELECT count(*) FROM resident WHERE id_number_index = ?")
			.param(personalData.index(ResidentRepository.ID_NUMBER, idNumber))
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void everyInvalidFieldIsReportedAtOnceInEnglish() {
		MvcTestResult result = register(TestResidents.json("", "11010519491231", "", "short"), "en");

		assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(result).bodyJson()
			.extractingPath("$.errors")
			.asInstanceOf(LIST)
			.containsExactlyInAnyOrder(Map.of("field", "name", "message", "Enter your name"),
					Map.of("field", "idNumber", "message", "An identity number has 18 characters"),
					Map.of("field", "mobile", "message", "Enter your mobile number"),
					Map.of("field", "password", "message", "The password needs at least 8 characters"));
	}

	@Test
	void missingFieldsAreReportedAsRequired() {
		MvcTestResult result = register("{}", null);

		assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(result).bodyJson()
			.extractingPath("$.errors[*].field")
			.asInstanceOf(LIST)
			.containsExactlyInAnyOrder("name", "idNumber", "mobile", "password");
	}

	@Test
	void nameIsCountedInCharactersAsAPersonCountsThem() {
		// 50 characters outside the Basic Multilingual Plane: 100 UTF-16 units, still 50 characters.
		String rareName = "𠀀".repeat(Residents.NAME_MAX_LENGTH);
		String idNumber = TestResidents.idNumber();

		assertThat(register(TestResidents.json(rareName, idNumber, TestResidents.mobile(), TestResidents.PASSWORD), null))
			.hasStatus(HttpStatus.CREATED);
		assertThat(stored(idNumber)).containsEntry("name", rareName);

		assertThat(register(TestResidents.json(rareName + "安", TestResidents.idNumber(), TestResidents.mobile(),
				TestResidents.PASSWORD), null))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.bodyJson()
			.extractingPath("$.errors[0].message")
			.isEqualTo("姓名最多 50 个字");
	}

	@Test
	void registrationNeedsNoTokenAndStartsNoSession() {
		MvcTestResult result = register(TestResidents.json(TestResidents.draft()), null);

		assertThat(result).hasStatus(HttpStatus.CREATED).doesNotContainHeader(HttpHeaders.SET_COOKIE);
		assertThat(result.getRequest().getSession(false)).isNull();
		assertThat(result).hasHeader("X-Frame-Options", "DENY");
	}

	@Test
	void otherResidentPathsOfTheApiStillNeedAToken() {
		assertThat(mvc.post().uri("/api/v1/residents/search").contentType("application/json").content("{}"))
			.hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(mvc.get().uri("/api/v1/residents/" + UUID.randomUUID())).hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void registrationIsDocumentedInTheOpenApiDescription() {
		assertThat(mvc.get().uri("/v3/api-docs")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.paths['/api/v1/residents'].post.tags")
			.asInstanceOf(LIST)
			.containsExactly("Residents");
	}

	@Test
	void malformedJsonAnswers400() {
		assertThat(register("{\"name\": ", null)).hasStatus(HttpStatus.BAD_REQUEST);
	}

	private MvcTestResult register(String json, String language) {
		var request = mvc.post().uri("/api/v1/residents").contentType(MediaType.APPLICATION_JSON).content(json);
		if (language != null) {
			request.header(HttpHeaders.ACCEPT_LANGUAGE, language);
		}
		return request.exchange();
	}

	private Map<String, Object> stored(String idNumber) {
		return jdbc.sql("""
				SELECT id, name, id_number_sealed, mobile_sealed, password_hash FROM resident WHERE id_number_index = ?
				""")
			.param(personalData.index(ResidentRepository.ID_NUMBER, idNumber))
			.query()
			.singleRow();
	}
}
