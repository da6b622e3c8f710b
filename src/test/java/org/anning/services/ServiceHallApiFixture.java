package org.anning.services;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.anning.residents.IdentityNumber;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Residents for the service hall's API tests, registered and signed in through the API itself. The database is
 * shared by every test class, so each resident gets a fresh, fictional identity number.
 */
final class ServiceHallApiFixture {

	static final String PASSWORD = "Quiet-Harbour-Kettle-58";

	static final JsonMapper JSON = JsonMapper.builder().build();

	/** A minimal file that starts like a PDF: the type is judged by content. */
	static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	/** Not a PDF, whatever its name says. */
	static final byte[] FAKE_PDF = "hello".getBytes(StandardCharsets.US_ASCII);

	/** An item handled at stations, with two mandatory materials: ID_CARD (PDF/JPEG/PNG) and the form (PDF). */
	static final String ITEM = "NO_CRIMINAL_RECORD_CERTIFICATE";

	static final String UNIT = "AN-DC-01";

	private ServiceHallApiFixture() {
	}

	/** A registered resident with a bearer token for /api/v1/me/…. */
	record Resident(String idNumber, String token) {

		String bearer() {
			return "Bearer " + token;
		}

		String idSuffix() {
			return idNumber.substring(idNumber.length() - 6);
		}
	}

	static Resident resident(MockMvcTester mvc) {
		String idNumber = idNumber();
		Map<String, String> body = new LinkedHashMap<>();
		body.put("name", "周安然");
		body.put("idNumber", idNumber);
		body.put("mobile", mobile());
		body.put("password", PASSWORD);
		assertThat(mvc.post()
			.uri("/api/v1/residents")
			.contentType(MediaType.APPLICATION_JSON)
			.content(JSON.writeValueAsString(body))).hasStatus(HttpStatus.CREATED);
		MvcTestResult signedIn = mvc.post()
			.uri("/api/v1/residents/tokens")
			.contentType(MediaType.APPLICATION_JSON)
			.content(JSON.writeValueAsString(Map.of("username", idNumber, "password", PASSWORD)))
			.exchange();
		assertThat(signedIn).hasStatus(HttpStatus.CREATED);
		return new Resident(idNumber, json(signedIn).get("token").asString());
	}

	static JsonNode json(MvcTestResult result) {
		try {
			return JSON.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
		}
		catch (java.io.UnsupportedEncodingException e) {
			throw new IllegalStateException(e);
		}
	}

	static String draftJson(String item, String unit) {
		Map<String, String> body = new LinkedHashMap<>();
		body.put("item", item);
		body.put("unit", unit);
		body.put("note", "for a job application");
		body.put("delivery", "COLLECT");
		return JSON.writeValueAsString(body);
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
