package org.anning.services;

import java.nio.charset.StandardCharsets;

import org.anning.AnningTest;
import org.anning.services.ServiceHallApiFixture.Resident;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.anning.services.ServiceHallApiFixture.ITEM;
import static org.anning.services.ServiceHallApiFixture.JSON;
import static org.anning.services.ServiceHallApiFixture.PDF;
import static org.anning.services.ServiceHallApiFixture.UNIT;
import static org.anning.services.ServiceHallApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

@AnningTest
class ProgressApiTests {

	@Autowired
	MockMvcTester mvc;

	@Value("${anning.services.lookups-per-minute:20}")
	int limit;

	static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	@Test
	void theReferenceAndTheRightSuffixShowStatusDeadlineAndSteps() throws Exception {
		Resident resident = ServiceHallApiFixture.resident(mvc);
		String reference = submitted(resident);

		MvcTestResult result = mvc.get()
			.uri("/api/v1/applications/" + reference + "/progress?idSuffix=" + resident.idSuffix())
			.with(from("10.9.1.1"))
			.header("Accept-Language", "en")
			.exchange();

		assertThat(result).hasStatusOk();
		JsonNode body = json(result);
		assertThat(body.get("reference").asString()).isEqualTo(reference);
		assertThat(body.get("status").asString()).isEqualTo("SUBMITTED");
		assertThat(body.get("label").asString()).isEqualTo("Submitted, awaiting intake");
		assertThat(body.get("item").get("code").asString()).isEqualTo(ITEM);
		assertThat(body.get("unit").asString()).isEqualTo(UNIT);
		assertThat(body.get("clockStopped").asBoolean()).isFalse();
		assertThat(body.get("timeline")).hasSize(1);
		assertThat(body.get("timeline").get(0).get("step").asString()).isEqualTo("SUBMITTED");
		assertThat(body.get("timeline").get(0).get("date").asString()).isEqualTo(body.get("receivedOn").asString());
		assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain("周安然")
			.doesNotContain(resident.idNumber());
	}

	@Test
	void aWrongSuffixAndAnUnknownReferenceGetTheSame404() {
		Resident resident = ServiceHallApiFixture.resident(mvc);
		String reference = submitted(resident);
		String wrong = resident.idSuffix().equals("000000") ? "000001" : "000000";

		MvcTestResult wrongSuffix = mvc.get()
			.uri("/api/v1/applications/" + reference + "/progress?idSuffix=" + wrong)
			.with(from("10.9.2.2"))
			.exchange();
		MvcTestResult unknown = mvc.get()
			.uri("/api/v1/applications/SQ-1999-999999/progress?idSuffix=" + resident.idSuffix())
			.with(from("10.9.2.2"))
			.exchange();

		assertThat(wrongSuffix).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(unknown).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(comparable(wrongSuffix)).isEqualTo(comparable(unknown));
		assertThat(comparable(wrongSuffix)).contains("\"status\":404");
	}

	@Test
	void lookupsOverTheLimitFromOneAddressAnswer429WithRetryAfterWhileOthersGoOn() {
		Resident resident = ServiceHallApiFixture.resident(mvc);
		String reference = submitted(resident);
		for (int i = 0; i < limit; i++) {
			// found or not, every lookup counts
			String suffix = i % 2 == 0 ? resident.idSuffix() : "ZZZZZZ";
			assertThat(mvc.get()
				.uri("/api/v1/applications/" + reference + "/progress?idSuffix=" + suffix)
				.with(from("10.9.9.9"))).hasStatus(i % 2 == 0 ? HttpStatus.OK : HttpStatus.NOT_FOUND);
		}

		MvcTestResult tooMany = mvc.get()
			.uri("/api/v1/applications/" + reference + "/progress?idSuffix=" + resident.idSuffix())
			.with(from("10.9.9.9"))
			.header("Accept-Language", "en")
			.exchange();

		assertThat(tooMany).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(Integer.parseInt(tooMany.getResponse().getHeader("Retry-After"))).isBetween(1, 60);
		assertThat(tooMany).bodyJson().extractingPath("$.detail").isEqualTo("Too many lookups; try again in a minute");
		assertThat(tooMany).bodyJson().extractingPath("$.status").isEqualTo(429);
		assertThat(mvc.get()
			.uri("/api/v1/applications/" + reference + "/progress?idSuffix=" + resident.idSuffix())
			.with(from("10.9.9.10"))).hasStatusOk();
	}

	/** The body without the fields that name the request (its path, its identifier). */
	static String comparable(MvcTestResult result) {
		try {
			ObjectNode body = (ObjectNode) JSON.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
			body.remove("instance");
			body.remove("requestId");
			return body.toString();
		}
		catch (java.io.UnsupportedEncodingException e) {
			throw new IllegalStateException(e);
		}
	}

	String submitted(Resident resident) {
		MvcTestResult result = mvc.post()
			.uri("/api/v1/me/applications")
			.header("Authorization", resident.bearer())
			.multipart()
			.file(new MockMultipartFile("material.ID_CARD", "id.pdf", "application/pdf", PDF))
			.file(new MockMultipartFile("material.NO_CRIMINAL_RECORD_FORM", "form.pdf", "application/pdf", PDF))
			.param("item", ITEM)
			.param("unit", UNIT)
			.param("submit", "true")
			.exchange();
		assertThat(result).hasStatus(HttpStatus.CREATED);
		return json(result).get("reference").asString();
	}
}
