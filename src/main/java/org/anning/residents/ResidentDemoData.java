package org.anning.residents;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.anning.database.DemoMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo residents with fictional names, identity numbers and mobiles, and one password, printed at start-up to
 * the console (not to the log). Only in demo mode, and only into a portal without residents.
 */
@Component
@Order(30)
class ResidentDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ResidentDemoData.class);

	static final String PASSWORD = "Anning-Resident-2026";

	/**
	 * Name, the first 17 characters of the identity number (area, birth date, sequence whose last digit is odd
	 * for men and even for women), mobile. The check character is computed.
	 */
	static final String[][] RESIDENTS = { { "林晓梅", "33010619850312026", "13800000001" },
			{ "王建国", "33010219620708013", "13800000002" }, { "陈雨萱", "33010820010925048", "13800000003" } };

	private final ResidentRepository residents;

	private final ResidentPasswords passwords;

	private final DemoMode demo;

	private final Clock clock;

	ResidentDemoData(ResidentRepository residents, ResidentPasswords passwords, DemoMode demo, Clock clock) {
		this.residents = residents;
		this.passwords = passwords;
		this.demo = demo;
		this.clock = clock;
	}

	static IdentityNumber idNumberOf(String[] resident) {
		return IdentityNumber.parse(resident[1] + IdentityNumber.checkCharacter(resident[1]), LocalDate.MAX);
	}

	static ResidentId idOf(IdentityNumber idNumber) {
		return new ResidentId(
				UUID.nameUUIDFromBytes(("anning-demo-resident:" + idNumber.value()).getBytes(StandardCharsets.UTF_8)));
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!demo.on()) {
			return;
		}
		if (residents.count() == 0) {
			String hash = passwords.hash(PASSWORD);
			for (String[] r : RESIDENTS) {
				IdentityNumber idNumber = idNumberOf(r);
				residents.insert(idOf(idNumber), r[0], idNumber, new MobileNumber(r[2]), hash, clock.instant());
			}
		}
		List<String> lines = new ArrayList<>();
		for (String[] r : RESIDENTS) {
			IdentityNumber idNumber = idNumberOf(r);
			if (residents.findById(idOf(idNumber)).isPresent()) {
				// Fictional numbers, printed in full so that they can be typed at the sign-in page.
				lines.add(r[0] + "  " + idNumber.value() + "  " + r[2]);
			}
		}
		if (!lines.isEmpty()) {
			demo.announce("""

					==== Anning demo residents ====
					Residents' portal: /signin with the identity number or the mobile, password %s
					  %s
					===============================
					""".formatted(PASSWORD, String.join("\n  ", lines)));
			log.info("Demo residents ready: {}", lines.size());
		}
	}
}
