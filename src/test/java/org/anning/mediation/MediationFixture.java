package org.anning.mediation;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.anning.DemoStaff;
import org.anning.accounts.Role;
import org.anning.residents.IdentityNumber;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff, residents and disputes for the mediation tests. The database is shared by every test class, so each
 * test makes its own disputes (and residents, with fresh fictional identity numbers).
 */
final class MediationFixture {

	static final String API = "/api/v1/mediation/disputes";

	static final String MINE = "/api/v1/me/mediation";

	static final String UNIT = "AN-DC-01";

	static final JsonMapper JSON = JsonMapper.builder().build();

	private MediationFixture() {
	}

	/** The demo mediator of 和平路派出所 (AN-DC-01). */
	static RequestPostProcessor mediator() {
		return DemoStaff.as("mediator", UNIT, Role.MEDIATOR);
	}

	/** A community officer of 春晖派出所 (AN-DC-02), a sibling station. */
	static RequestPostProcessor siblingOfficer() {
		return DemoStaff.as("community2", "AN-DC-02", Role.COMMUNITY_OFFICER);
	}

	/** A neighbour dispute as the desk takes it, received {@code daysAgo} days ago at the given risk. */
	static Map<String, Object> neighbours(LocalDate today, int daysAgo, String risk) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("channel", "WALK_IN");
		body.put("category", "NEIGHBOURS");
		body.put("account", "楼上装修噪音持续到深夜，双方多次争吵");
		body.put("risk", risk);
		body.put("riskReason", "LOW".equals(risk) ? null : "一方扬言报复");
		body.put("receivedOn", today.minusDays(daysAgo).toString());
		body.put("parties", List.of(party("APPLICANT", "张三丰", "13812345678"), party("RESPONDENT", "李四海", "")));
		return body;
	}

	static Map<String, Object> party(String role, String name, String contact) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("role", role);
		p.put("name", name);
		p.put("contact", contact);
		return p;
	}

	/** Receives a dispute through the API as the demo mediator; returns its reference. */
	static String receive(MockMvcTester mvc, Map<String, Object> body) {
		MvcTestResult created = mvc.post().uri(API).with(mediator()).contentType(MediaType.APPLICATION_JSON)
			.content(write(body)).exchange();
		assertThat(created).hasStatus(HttpStatus.CREATED);
		return json(created).get("reference").asString();
	}

	static MvcTestResult post(MockMvcTester mvc, String uri, RequestPostProcessor who, Object body) {
		return mvc.post().uri(uri).with(who).contentType(MediaType.APPLICATION_JSON).content(write(body)).exchange();
	}

	/** A registered resident with a bearer token for /api/v1/me/…. */
	record Resident(String idNumber, String token) {

		String bearer() {
			return "Bearer " + token;
		}
	}

	static Resident resident(MockMvcTester mvc) {
		String idNumber = idNumber();
		Map<String, String> body = new LinkedHashMap<>();
		body.put("name", "郑晓雯");
		body.put("idNumber", idNumber);
		body.put("mobile", mobile());
		body.put("password", "Quiet-Harbour-Kettle-58");
		assertThat(mvc.post().uri("/api/v1/residents").contentType(MediaType.APPLICATION_JSON).content(write(body)))
			.hasStatus(HttpStatus.CREATED);
		MvcTestResult signedIn = mvc.post().uri("/api/v1/residents/tokens").contentType(MediaType.APPLICATION_JSON)
			.content(write(Map.of("username", idNumber, "password", "Quiet-Harbour-Kettle-58"))).exchange();
		assertThat(signedIn).hasStatus(HttpStatus.CREATED);
		return new Resident(idNumber, json(signedIn).get("token").asString());
	}

	static String write(Object value) {
		return JSON.writeValueAsString(value);
	}

	static JsonNode json(MvcTestResult result) {
		return JSON.readTree(raw(result));
	}

	static String raw(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (java.io.UnsupportedEncodingException e) {
			throw new IllegalStateException(e);
		}
	}

	static String idNumber() {
		var random = ThreadLocalRandom.current();
		LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(365 * 65));
		String first17 = "320106" + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + "%03d".formatted(random.nextInt(1000));
		return first17 + IdentityNumber.checkCharacter(first17);
	}

	static String mobile() {
		var random = ThreadLocalRandom.current();
		return "1" + (3 + random.nextInt(7)) + "%09d".formatted(random.nextInt(1_000_000_000));
	}
}
