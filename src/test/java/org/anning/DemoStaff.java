package org.anning;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.anning.accounts.AccountId;
import org.anning.accounts.Role;
import org.anning.accounts.StaffPrincipal;
import org.anning.units.UnitId;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/**
 * Signs MockMvc requests in as a demo staff member who has passed both factors, without going through the
 * sign-in pages (which have tests of their own). Identifiers are the demo data's deterministic ones.
 */
public final class DemoStaff {

	/** The demo administrator's API token, for API tests. */
	public static final String ADMIN_TOKEN = "ann_demo-administrator-token-not-for-production";

	/** The password of every demo staff account. */
	public static final String PASSWORD = "Anning-Demo-2026";

	/** The TOTP secret of every demo staff account. */
	public static final String TOTP_SECRET = "ANNINGDEMOTOTPSECRETFORSTAFF2345";

	private DemoStaff() {
	}

	public static RequestPostProcessor admin() {
		return as("admin", "AN", Role.ADMINISTRATOR);
	}

	/** The station chief of 和平路派出所 (AN-DC-01). */
	public static RequestPostProcessor chief() {
		return as("chief", "AN-DC-01", Role.STATION_CHIEF);
	}

	/** The station chief of 春晖派出所 (AN-DC-02), a sibling of AN-DC-01. */
	public static RequestPostProcessor chief2() {
		return as("chief2", "AN-DC-02", Role.STATION_CHIEF);
	}

	public static RequestPostProcessor command() {
		return as("command", "AN", Role.COMMAND);
	}

	public static RequestPostProcessor frontDesk() {
		return as("frontdesk", "AN-DC-01", Role.FRONT_DESK);
	}

	/** Any principal: a user of the given unit (by demo code) with the given roles. */
	public static RequestPostProcessor as(String username, String unitCode, Role... roles) {
		StaffPrincipal principal = principal(username, unitCode, roles);
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority(Role.STAFF));
		for (Role role : roles) {
			authorities.add(role.authority());
		}
		return authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities));
	}

	public static StaffPrincipal principal(String username, String unitCode, Role... roles) {
		return new StaffPrincipal(accountId(username), username, username, unitId(unitCode), Set.of(roles));
	}

	public static AccountId accountId(String username) {
		return new AccountId(UUID.nameUUIDFromBytes(("anning-demo-account:" + username).getBytes(StandardCharsets.UTF_8)));
	}

	public static UnitId unitId(String code) {
		return new UnitId(UUID.nameUUIDFromBytes(("anning-demo-unit:" + code).getBytes(StandardCharsets.UTF_8)));
	}
}
