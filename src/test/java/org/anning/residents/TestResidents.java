package org.anning.residents;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import tools.jackson.databind.json.JsonMapper;

/**
 * Fictional residents for tests. The database is shared by every test class, so each test makes its own
 * identity numbers (random birth date and sequence, with a computed check character) and mobile numbers.
 */
final class TestResidents {

	static final String PASSWORD = "Quiet-Harbour-Kettle-58";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private TestResidents() {
	}

	/** The first 17 characters of a valid, fictional identity number. */
	static String first17() {
		var random = ThreadLocalRandom.current();
		LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(365 * 65));
		return "320106" + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + "%03d".formatted(random.nextInt(1000));
	}

	static String idNumber() {
		String first17 = first17();
		return first17 + IdentityNumber.checkCharacter(first17);
	}

	/** A valid number whose check character is X. */
	static String idNumberEndingInX() {
		while (true) {
			String number = idNumber();
			if (number.endsWith("X")) {
				return number;
			}
		}
	}

	/** The same first 17 characters with a check character that does not fit them. */
	static String withWrongCheckCharacter(String idNumber) {
		char right = idNumber.charAt(17);
		return idNumber.substring(0, 17) + (right == '0' ? '1' : '0');
	}

	static String mobile() {
		var random = ThreadLocalRandom.current();
		return "1" + (3 + random.nextInt(7)) + "%09d".formatted(random.nextInt(1_000_000_000));
	}

	static NewResident draft() {
		return new NewResident("周安然", idNumber(), mobile(), PASSWORD);
	}

	static String json(String name, String idNumber, String mobile, String password) {
		Map<String, String> body = new LinkedHashMap<>();
		body.put("name", name);
		body.put("idNumber", idNumber);
		body.put("mobile", mobile);
		body.put("password", password);
		return JSON.writeValueAsString(body);
	}

	static String json(NewResident draft) {
		return json(draft.name(), draft.idNumber(), draft.mobile(), draft.password());
	}
}
