package org.anning.accounts;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.UUID;
import java.util.stream.Stream;

import org.anning.database.DemoMode;
import org.anning.units.Organisation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo staff: one account per role with a fixed password and TOTP secret, printed at start-up with an API token
 * for the demo administrator. Only in demo mode; no default account exists otherwise.
 */
@Component
@Order(20)
class StaffDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(StaffDemoData.class);

	static final String PASSWORD = "Anning-Demo-2026";

	/** 32 Base32 characters (20 bytes), the same for every demo account. */
	static final String TOTP_SECRET = "ANNINGDEMOTOTPSECRETFORSTAFF2345";

	static final String ADMIN_TOKEN = "ann_demo-administrator-token-not-for-production";

	/** username, display name, unit code, role. */
	static final String[][] ACCOUNTS = { { "admin", "管理员 王静", "AN", "ADMINISTRATOR" },
			{ "frontdesk", "窗口民警 李娜", "AN-DC-01", "FRONT_DESK" },
			{ "reviewer", "审核民警 张伟", "AN-DC-01", "REVIEWER" },
			{ "caseofficer", "办案民警 刘洋", "AN-DC-01", "CASE_OFFICER" },
			{ "mediator", "调解员 陈敏", "AN-DC-01", "MEDIATOR" },
			{ "traffic", "交警 杨帆", "AN-DC", "TRAFFIC_OFFICER" },
			{ "community", "社区民警 赵磊", "AN-DC-01", "COMMUNITY_OFFICER" },
			{ "chief", "所长 黄强", "AN-DC-01", "STATION_CHIEF" },
			{ "chief2", "所长 周杰", "AN-DC-02", "STATION_CHIEF" },
			{ "command", "指挥中心 吴芳", "AN", "COMMAND" },
			{ "auditor", "督察 郑涛", "AN", "AUDITOR" } };

	private final StaffAccountRepository accounts;

	private final Organisation organisation;

	private final ApiTokens tokens;

	private final PasswordEncoder encoder;

	private final DemoMode demo;

	private final Clock clock;

	StaffDemoData(StaffAccountRepository accounts, Organisation organisation, ApiTokens tokens, PasswordEncoder encoder,
			DemoMode demo, Clock clock) {
		this.accounts = accounts;
		this.organisation = organisation;
		this.tokens = tokens;
		this.encoder = encoder;
		this.demo = demo;
		this.clock = clock;
	}

	static AccountId idOf(String username) {
		return new AccountId(UUID.nameUUIDFromBytes(("anning-demo-account:" + username).getBytes(StandardCharsets.UTF_8)));
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!demo.on()) {
			return;
		}
		if (accounts.count() == 0) {
			String hash = encoder.encode(PASSWORD);
			for (String[] a : ACCOUNTS) {
				organisation.findByCode(a[2]).ifPresent(unit -> accounts.insert(idOf(a[0]), a[0], a[1], unit.id(), hash,
						TOTP_SECRET, EnumSet.of(Role.valueOf(a[3])), clock.instant()));
			}
		}
		if (accounts.findById(idOf("admin")).isPresent()) {
			tokens.ensure(idOf("admin"), "demo", ADMIN_TOKEN, Duration.ofDays(365));
		}
		demo.announce("""

				==== Anning demo mode ====
				Staff desk: /desk  ·  residents' portal: /  ·  API docs: /api-docs.html
				Demo staff accounts (password %s), one per role:
				  %s
				TOTP secret of every demo account (add it to an authenticator app): %s
				  otpauth URI: %s
				API token of the demo administrator: %s
				==========================
				""".formatted(PASSWORD, String.join(", ", Stream.of(ACCOUNTS).map(a -> a[0] + " (" + a[3] + ")").sorted().toList()),
				TOTP_SECRET, Totp.otpauthUri(SignInController.ISSUER, "admin", TOTP_SECRET), ADMIN_TOKEN));
		log.info("Demo staff accounts ready: {}", ACCOUNTS.length);
	}
}
