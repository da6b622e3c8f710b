package org.anning.units.web;

import org.anning.AnningTest;
import org.anning.DemoStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

@AnningTest
class UnitApiTests {

	private static final String BEARER = "Bearer " + DemoStaff.ADMIN_TOKEN;

	@Autowired
	MockMvcTester mvc;

	@Test
	void listWithoutTokenAnswers401() {
		assertThat(mvc.get().uri("/api/v1/units")).hasStatus(HttpStatus.UNAUTHORIZED)
			.hasHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
	}

	@Test
	void listWithUnknownTokenAnswers401() {
		assertThat(mvc.get().uri("/api/v1/units").header(HttpHeaders.AUTHORIZATION, "Bearer ann_not-a-token"))
			.hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void administratorListsEveryDemoUnitWithTheBureauAtTheTop() {
		var result = assertThat(mvc.get().uri("/api/v1/units").header(HttpHeaders.AUTHORIZATION, BEARER))
			.hasStatusOk();
		result.bodyJson().extractingPath("$[*].code").asArray().contains("AN", "AN-DC", "AN-DC-01", "AN-NS-01-P1");
		// parentCode is present and null for the top, not left out
		result.bodyJson().extractingPath("$[?(@.code == 'AN')]").asArray().singleElement().satisfies(unit -> {
			assertThat(unit).asInstanceOf(MAP)
				.containsEntry("parentCode", null)
				.containsEntry("nameZh", "安宁市公安局")
				.containsEntry("nameEn", "Anning Municipal Public Security Bureau")
				.containsEntry("level", "BUREAU")
				.containsEntry("active", true);
		});
		result.bodyJson().extractingPath("$[?(@.code == 'AN-DC-01')].parentCode").asArray().containsExactly("AN-DC");
	}

	@Test
	void stationChiefListsOnlyTheirStationsSubtree() {
		assertThat(mvc.get().uri("/api/v1/units").with(DemoStaff.chief())).hasStatusOk()
			.bodyJson()
			.extractingPath("$[*].code")
			.asInstanceOf(LIST)
			.contains("AN-DC-01", "AN-DC-01-P1")
			.doesNotContain("AN", "AN-DC", "AN-DC-02", "AN-XH-01")
			.allSatisfy(code -> assertThat((String) code).startsWith("AN-DC-01"));
	}

	@Test
	void stationChiefGetsTheirOwnPostButNotFoundForASiblingStationsUnit() {
		assertThat(mvc.get().uri("/api/v1/units/AN-DC-01-P1").with(DemoStaff.chief())).hasStatusOk()
			.bodyJson()
			.extractingPath("$.parentCode")
			.isEqualTo("AN-DC-01");
		assertThat(mvc.get().uri("/api/v1/units/AN-DC-02").with(DemoStaff.chief()))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/api/v1/units/AN-DC-02").with(DemoStaff.chief2())).hasStatusOk();
	}

	@Test
	void unknownUnitAnswers404() {
		assertThat(get("NO-SUCH-UNIT")).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void createAnswers201WithLocationAndTheUnit() {
		String code = TestUnits.newCode("API");
		var result = assertThat(post("/api/v1/units", TestUnits.json(code, "STATION", "AN-XH")))
			.hasStatus(HttpStatus.CREATED)
			.hasHeader(HttpHeaders.LOCATION, "http://localhost/api/v1/units/" + code);
		result.bodyJson().extractingPath("$.code").isEqualTo(code);
		result.bodyJson().extractingPath("$.parentCode").isEqualTo("AN-XH");
		result.bodyJson().extractingPath("$.level").isEqualTo("STATION");
		result.bodyJson().extractingPath("$.active").isEqualTo(true);
		assertThat(get(code)).hasStatusOk().bodyJson().extractingPath("$.nameZh").isEqualTo("测试单位 " + code);
	}

	@Test
	void duplicateCodeAnswers409() {
		assertThat(post("/api/v1/units", TestUnits.json("AN-DC-01", "STATION", "AN-DC")))
			.hasStatus(HttpStatus.CONFLICT)
			.bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("单位代码“AN-DC-01”已被使用");
	}

	@Test
	void badCodeFormatAnswers422WithAFieldErrorInChineseByDefault() {
		var result = assertThat(post("/api/v1/units", TestUnits.json("bad code", "STATION", "AN-DC")))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		result.bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly("code");
		result.bodyJson()
			.extractingPath("$.errors[0].message")
			.isEqualTo("单位代码为 2 到 32 个大写字母、数字或连字符，以字母或数字开头");
	}

	@Test
	void badCodeFormatAnswers422WithAFieldErrorInEnglishWhenAskedFor() {
		var result = assertThat(post("/api/v1/units", TestUnits.json("bad code", "STATION", "AN-DC"))
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		result.bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly("code");
		result.bodyJson()
			.extractingPath("$.errors[0].message")
			.isEqualTo("A unit code has 2 to 32 capital letters, digits or hyphens, starting with a letter or digit");
	}

	@Test
	void unitWithoutParentBelowBureauLevelAnswers422OnParentCode() {
		assertThat(post("/api/v1/units", TestUnits.json(TestUnits.newCode("API"), "STATION", null)))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactly("parentCode");
	}

	@Test
	void renameAnswersTheRenamedUnit() {
		String code = create("SUB_BUREAU", "AN");
		var result = assertThat(put("/api/v1/units/" + code + "/names",
				"{\"nameZh\": \"新名称\", \"nameEn\": \"New name\"}"))
			.hasStatusOk();
		result.bodyJson().extractingPath("$.nameZh").isEqualTo("新名称");
		result.bodyJson().extractingPath("$.nameEn").isEqualTo("New name");
	}

	@Test
	void renameWithBlankNameAnswers422OnThatField() {
		String code = create("SUB_BUREAU", "AN");
		assertThat(put("/api/v1/units/" + code + "/names", "{\"nameZh\": \" \", \"nameEn\": \"New name\"}"))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactly("nameZh");
	}

	@Test
	void movingAUnitUnderItsOwnDescendantAnswers422OnParentCode() {
		String top = create("SUB_BUREAU", "AN");
		String middle = create("SUB_BUREAU", top);
		String bottom = create("STATION", middle);
		var result = assertThat(put("/api/v1/units/" + top + "/parent", "{\"parentCode\": \"" + bottom + "\"}"))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		result.bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly("parentCode");
		result.bodyJson().extractingPath("$.errors[0].message").isEqualTo("不能把单位移到它自己或它的下级单位之下");
		assertThat(get(top)).bodyJson().extractingPath("$.parentCode").isEqualTo("AN");
	}

	@Test
	void movingAUnitUnderAnotherParentAnswersTheMovedUnit() {
		String station = create("STATION", "AN-NS");
		assertThat(put("/api/v1/units/" + station + "/parent", "{\"parentCode\": \"AN-XH\"}")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.parentCode")
			.isEqualTo("AN-XH");
	}

	@Test
	void deactivatingAUnitWithActiveChildrenAnswers409UntilTheChildrenAreDeactivated() {
		String station = create("STATION", "AN-NS");
		String post = create("POST", station);
		assertThat(post("/api/v1/units/" + station + "/deactivate", null)).hasStatus(HttpStatus.CONFLICT)
			.bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("单位“" + station + "”下还有在用的下级单位，请先停用或移走它们");
		assertThat(post("/api/v1/units/" + post + "/deactivate", null)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.active")
			.isEqualTo(false);
		assertThat(post("/api/v1/units/" + station + "/deactivate", null)).hasStatusOk();
		// a unit cannot come back under a deactivated parent
		assertThat(post("/api/v1/units/" + post + "/reactivate", null)).hasStatus(HttpStatus.CONFLICT);
		assertThat(post("/api/v1/units/" + station + "/reactivate", null)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.active")
			.isEqualTo(true);
	}

	@Test
	void nonAdministratorsMayNotChangeUnits() {
		String code = TestUnits.newCode("API");
		assertThat(mvc.post()
			.uri("/api/v1/units")
			.with(DemoStaff.chief())
			.contentType(MediaType.APPLICATION_JSON)
			.content(TestUnits.json(code, "POST", "AN-DC-01"))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.put()
			.uri("/api/v1/units/AN-DC-01-P1/names")
			.with(DemoStaff.chief())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"nameZh\": \"新名称\", \"nameEn\": \"New name\"}")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri("/api/v1/units/AN-DC-01-P1/deactivate").with(DemoStaff.chief()))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(get(code)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(get("AN-DC-01-P1")).bodyJson().extractingPath("$.active").isEqualTo(true);
	}

	private String create(String level, String parentCode) {
		String code = TestUnits.newCode("API");
		assertThat(post("/api/v1/units", TestUnits.json(code, level, parentCode))).hasStatus(HttpStatus.CREATED);
		return code;
	}

	private MockMvcRequestBuilder get(String code) {
		return mvc.get().uri("/api/v1/units/{code}", code).header(HttpHeaders.AUTHORIZATION, BEARER);
	}

	private MockMvcRequestBuilder post(String uri, String json) {
		var request = mvc.post().uri(uri).header(HttpHeaders.AUTHORIZATION, BEARER);
		return json == null ? request : request.contentType(MediaType.APPLICATION_JSON).content(json);
	}

	private MockMvcRequestBuilder put(String uri, String json) {
		return mvc.put()
			.uri(uri)
			.header(HttpHeaders.AUTHORIZATION, BEARER)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json);
	}
}
