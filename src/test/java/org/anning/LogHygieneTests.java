package org.anning;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.anning.residents.IdentityNumber;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs after every other test class (junit-platform.properties orders classes by @Order) and reads the
 * application log they produced: it must hold no full identity number, password, TOTP secret or code, API token
 * or session id.
 */
@Order(Integer.MAX_VALUE)
class LogHygieneTests {

	static final Path LOG = Path.of("target", "test-logs", "anning-" + ProcessHandle.current().pid() + ".log");

	/** Passwords and secrets that the tests and the demo data use. */
	static final List<String> SECRETS = List.of(DemoStaff.PASSWORD, DemoStaff.TOTP_SECRET, DemoStaff.ADMIN_TOKEN,
			"Anning-Resident-2026", "Correct-Horse-Battery-42", "Quiet-River-Lantern-27");

	static final Pattern IDENTITY_NUMBER = Pattern.compile("(?<![0-9A-Za-z])(\\d{17}[0-9Xx])(?![0-9A-Za-z])");

	static final Pattern TOKEN = Pattern.compile("ann_[A-Za-z0-9_-]{16,}");

	static final Pattern SESSION_ID = Pattern.compile("(?i)(jsessionid|session id|sessionid)\\W{0,3}[0-9a-f]{16,}|(?<![0-9A-Za-z])[0-9A-F]{32}(?![0-9A-Za-z])");

	static final Pattern TOTP_CODE = Pattern.compile("(?i)(code|otp|totp)\\W{0,3}\\d{6}(?!\\d)");

	@Test
	void theApplicationLogHoldsNoIdentityNumberPasswordCodeTokenOrSessionId() throws IOException {
		assertThat(LOG).as("the test run's application log").exists();
		String log = Files.readString(LOG);
		assertThat(log).contains("Started");

		List<String> found = new ArrayList<>();
		Matcher ids = IDENTITY_NUMBER.matcher(log);
		while (ids.find()) {
			String candidate = ids.group(1).toUpperCase();
			try {
				// A valid number (real birth date, right check character), not any 18 digits such as a file name's.
				IdentityNumber.parse(candidate, java.time.LocalDate.now());
				found.add("identity number " + candidate.substring(0, 4) + "…");
			}
			catch (IdentityNumber.Invalid notAnIdentityNumber) {
				// digits of something else
			}
		}
		SECRETS.stream().filter(log::contains).forEach(s -> found.add("secret " + s.substring(0, 4) + "…"));
		TOKEN.matcher(log).results().forEach(m -> found.add("token " + m.group().substring(0, 6) + "…"));
		SESSION_ID.matcher(log).results().forEach(m -> found.add("session id near: " + m.group().substring(0, 8) + "…"));
		TOTP_CODE.matcher(log).results().forEach(m -> found.add("code: " + m.group()));
		assertThat(found).isEmpty();
	}
}
