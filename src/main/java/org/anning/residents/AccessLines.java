package org.anning.residents;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.anning.accounts.Role;
import org.anning.audit.DataAccess;
import org.anning.units.Organisation;
import org.anning.units.UnitId;
import org.springframework.stereotype.Component;

/** Accesses to a resident's data as pages show them: local time, the unit's name, role and purpose keys. */
@Component
class AccessLines {

	private final Organisation organisation;

	private final Clock clock;

	AccessLines(Organisation organisation, Clock clock) {
		this.organisation = organisation;
		this.clock = clock;
	}

	/** One access, ready for a page or an export. */
	record AccessLine(long seq, LocalDateTime at, String unit, List<String> roleKeys, String actionKey,
			String purposeKey, String ref, LocalDate deferredUntil) {
	}

	private static boolean known(String role) {
		return Arrays.stream(Role.values()).anyMatch(r -> r.name().equals(role));
	}

	AccessLine of(DataAccess access, Locale locale) {
		return of(access, null, locale);
	}

	AccessLine of(DataAccess access, LocalDate deferredUntil, Locale locale) {
		String unit = access.unit() == null ? null
				: organisation.find(new UnitId(access.unit())).map(u -> u.name(locale)).orElse(null);
		List<String> roles = access.roles() == null ? List.of()
				: Arrays.stream(access.roles().split(",")).filter(AccessLines::known).map(r -> Role.valueOf(r).messageKey()).toList();
		return new AccessLine(access.seq(), LocalDateTime.ofInstant(access.at(), clock.getZone()), unit, roles,
				access.action().messageKey(), access.purpose() == null ? null : access.purpose().messageKey(),
				access.purposeRef(), deferredUntil);
	}
}
