package org.anning.cases;

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
 * Residents and reports for the reports and cases API tests, registered and signed in through the API itself.
 * The database is shared by every test class, so each resident gets a fresh, fictional identity number.
 */
final class CasesApiFixture {

	static final String PASSWORD = "Quiet-Harbour-Kettle-58";

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String UNIT = "AN-DC-01";

	/** A minimal file that starts like a PDF: the type is judged by content. */
	static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	/** Not a PDF, whatever its name says. */
	static final byte[] FAKE_PDF = "hello, not a pdf".getBytes(StandardCharsets.US_ASCII);

	private CasesApiFixture() {
	}

	static RequestPostProcessor caseOfficer() {
		return DemoStaff.as("caseofficer", UNIT, Role.CASE_OFFICER);
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

	/** An investment fraud: 12,000 yuan paid into one bank account two days ago. */
	static Map<String, Object> investmentFraud() {
		Map<String, Object> account = new LinkedHashMap<>();
		account.put("channel", "BANK");
		account.put("institution", "中国工商银行");
		account.put("account", "6222020200112233445");
		account.put("holder", "李某");
		account.put("amount", 12000);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("kind", "TELECOM_FRAUD");
		body.put("unit", UNIT);
		body.put("narrative", "网友拉我进投资群，在虚假理财平台充值后无法提现");
		body.put("occurredAt", LocalDate.now().minusDays(2) + "T14:30");
		body.put("place", "家中，通过手机");
		body.put("loss", 12000);
		body.put("paymentMethod", "BANK");
		body.put("accounts", List.of(account));
		return body;
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
