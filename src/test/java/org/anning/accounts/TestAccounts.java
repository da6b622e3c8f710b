package org.anning.accounts;

import java.util.Set;
import java.util.UUID;

import org.anning.DemoStaff;
import org.anning.units.UnitScopes;

/** Staff accounts that tests open for themselves, as the demo administrator, each with a unique username. */
final class TestAccounts {

	static final String PASSWORD = "Lantern-Orchard-Ferry-58";

	static final StaffPrincipal ADMIN = DemoStaff.principal("admin", "AN", Role.ADMINISTRATOR);

	private TestAccounts() {
	}

	static StaffAccount create(StaffAccounts staff, UnitScopes scopes, String prefix, String unitCode, Role role) {
		String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
		return staff.create(new NewStaffAccount(username, "测试 用户", unitCode, Set.of(role), PASSWORD), ADMIN,
				scopes.of(ADMIN));
	}
}
