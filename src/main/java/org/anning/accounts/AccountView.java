package org.anning.accounts;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.anning.units.Unit;
import org.anning.units.UnitId;

/**
 * A staff account as the desk pages and the API show it: the unit by code and names instead of an identifier,
 * and nothing secret (no password hash, no TOTP secret).
 */
record AccountView(UUID id, String username, String displayName, String unitCode, String unitNameZh,
		String unitNameEn, List<Role> roles, boolean active, boolean locked, boolean secondFactorEnrolled) {

	static AccountView of(StaffAccount account, Unit unit) {
		return new AccountView(account.id().value(), account.username(), account.displayName(),
				unit == null ? null : unit.code(), unit == null ? null : unit.nameZh(),
				unit == null ? null : unit.nameEn(), account.roles().stream().sorted().toList(), account.active(),
				account.locked(), account.secondFactorEnrolled());
	}

	/** Views of several accounts, naming their units from the given ones (the units in the reader's scope). */
	static List<AccountView> of(List<StaffAccount> accounts, Collection<Unit> units) {
		Map<UnitId, Unit> byId = units.stream().collect(Collectors.toMap(Unit::id, Function.identity()));
		return accounts.stream().map(a -> of(a, byId.get(a.unitId()))).toList();
	}

	/** The unit's name in the reader's language; public so that page templates can call it. */
	public String unitName(Locale locale) {
		return "en".equals(locale.getLanguage()) ? unitNameEn : unitNameZh;
	}
}
