package org.anning.services;

import java.util.concurrent.ThreadLocalRandom;

import org.anning.AnningTest;
import org.anning.DemoStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

import static org.anning.services.ServiceHallApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

@AnningTest
class CatalogueApiTests {

	static final String CATALOGUE = "/api/v1/catalogue";

	@Autowired
	MockMvcTester mvc;

	@Test
	void anyoneSeesTheActiveOnlineItemsWithTheirMaterials() {
		MvcTestResult result = mvc.get().uri(CATALOGUE).exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$[*].code").asArray()
			.contains("NO_CRIMINAL_RECORD_CERTIFICATE", "PASSPORT_ORDINARY")
			.doesNotContain("ID_CARD_FIRST", "VEHICLE_REGISTRATION"); // handled at the counter only
		assertThat(result).bodyJson()
			.extractingPath("$[?(@.code == 'NO_CRIMINAL_RECORD_CERTIFICATE')].materials[?(@.code == 'NO_CRIMINAL_RECORD_FORM')].formats")
			.asArray()
			.singleElement()
			.asList()
			.containsExactly("PDF");
	}

	@Test
	void oneItemByCodeHasItsLimitsAndFee() {
		MvcTestResult result = mvc.get().uri(CATALOGUE + "/NO_CRIMINAL_RECORD_CERTIFICATE").exchange();

		assertThat(result).hasStatusOk();
		JsonNode item = json(result);
		assertThat(item.get("handlingLevel").asString()).isEqualTo("STATION");
		assertThat(item.get("committedDays").asInt()).isPositive().isLessThanOrEqualTo(item.get("statutoryDays").asInt());
		assertThat(item.get("materials").get(0).get("code").asString()).isEqualTo("ID_CARD");
		assertThat(item.get("materials").get(0).get("mandatory").asBoolean()).isTrue();
	}

	@Test
	void anUnknownItemIs404() {
		assertThat(mvc.get().uri(CATALOGUE + "/NO_SUCH_ITEM")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri(CATALOGUE + "/NO_SUCH_ITEM/units")).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void aStationItemMayBeAppliedForAtStationsNotAtTheBureau() {
		assertThat(mvc.get().uri(CATALOGUE + "/NO_CRIMINAL_RECORD_CERTIFICATE/units")).hasStatusOk()
			.bodyJson()
			.extractingPath("$[*].code")
			.asArray()
			.contains("AN-DC-01", "AN-DC-02")
			.doesNotContain("AN", "AN-DC");
	}

	@Test
	void anAdministratorAddsChangesAndWithdrawsAnItemAndAStaleVersionIs409() {
		String code = "TEST_API_" + ThreadLocalRandom.current().nextInt(1_000_000);

		MvcTestResult added = mvc.post()
			.uri(CATALOGUE)
			.with(DemoStaff.admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content(item(code, "测试事项", null, true))
			.exchange();
		assertThat(added).hasStatus(HttpStatus.CREATED);
		assertThat(added.getResponse().getHeader("Location")).endsWith(CATALOGUE + "/" + code);
		assertThat(json(added).get("version").asInt()).isZero();
		assertThat(json(added).get("materials").get(0).get("formats").get(0).asString()).isEqualTo("PDF");

		MvcTestResult changed = mvc.put()
			.uri(CATALOGUE + "/" + code)
			.with(DemoStaff.admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content(item(code, "测试事项（改）", 0, true))
			.exchange();
		assertThat(changed).hasStatusOk();
		assertThat(json(changed).get("nameZh").asString()).isEqualTo("测试事项（改）");
		assertThat(json(changed).get("version").asInt()).isEqualTo(1);

		assertThat(mvc.put()
			.uri(CATALOGUE + "/" + code)
			.with(DemoStaff.admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content(item(code, "过时的修改", 0, true))).hasStatus(HttpStatus.CONFLICT);
		assertThat(mvc.get().uri(CATALOGUE + "/" + code)).hasStatusOk().bodyJson().extractingPath("$.nameZh")
			.isEqualTo("测试事项（改）");
		assertThat(mvc.get().uri(CATALOGUE)).bodyJson().extractingPath("$[*].code").asArray().contains(code);

		assertThat(mvc.put()
			.uri(CATALOGUE + "/" + code)
			.with(DemoStaff.admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content(item(code, "测试事项（改）", 1, false))).hasStatusOk().bodyJson().extractingPath("$.active")
			.isEqualTo(false);
		assertThat(mvc.get().uri(CATALOGUE)).bodyJson().extractingPath("$[*].code").asArray().doesNotContain(code);
		assertThat(mvc.get().uri(CATALOGUE + "/" + code)).hasStatusOk();
	}

	@Test
	void anInvalidItemAnswers422WithEveryField() {
		assertThat(mvc.post()
			.uri(CATALOGUE)
			.with(DemoStaff.admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"lower\",\"statutoryDays\":5,\"committedDays\":9,\"fee\":0,\"materials\":[]}"))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.contains("code", "category", "nameZh", "committedDays", "handlingLevel");
	}

	@Test
	void staffWhoAreNotAdministratorsMayNotChangeTheCatalogue() {
		assertThat(mvc.post()
			.uri(CATALOGUE)
			.with(DemoStaff.chief())
			.contentType(MediaType.APPLICATION_JSON)
			.content(item("TEST_API_FORBIDDEN", "不许", null, true))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.put()
			.uri(CATALOGUE + "/NO_CRIMINAL_RECORD_CERTIFICATE")
			.with(DemoStaff.frontDesk())
			.contentType(MediaType.APPLICATION_JSON)
			.content(item("NO_CRIMINAL_RECORD_CERTIFICATE", "不许", 0, true))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post()
			.uri(CATALOGUE)
			.contentType(MediaType.APPLICATION_JSON)
			.content(item("TEST_API_ANONYMOUS", "不许", null, true))).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(mvc.get().uri(CATALOGUE + "/TEST_API_FORBIDDEN")).hasStatus(HttpStatus.NOT_FOUND);
	}

	static String item(String code, String nameZh, Integer version, boolean active) {
		return """
				{"code":"%s","category":"PUBLIC_ORDER","nameZh":"%s","nameEn":"A test item",
				 "descriptionZh":"测试用","descriptionEn":"For tests","statutoryDays":20,"committedDays":10,
				 "fee":"0.00","handlingLevel":"STATION","online":true,"active":%s,%s
				 "materials":[{"code":"APPLICATION_FORM","nameZh":"申请表","nameEn":"Application form",
				   "mandatory":true,"formats":["PDF"]}]}
				""".formatted(code, nameZh, active, version == null ? "" : "\"version\":" + version + ",");
	}
}
