package org.anning.calendar;

import java.time.LocalDate;
import java.util.Locale;

/**
 * A day that differs from the plain rule: a holiday ({@code working} false) or an adjusted working day (调休,
 * {@code working} true), named after the holiday it belongs to.
 */
public record CalendarDay(LocalDate date, boolean working, String nameZh, String nameEn, Source source) {

	public enum Source {

		OFFICIAL, ADMINISTRATOR;

		String column() {
			return name().toLowerCase(Locale.ROOT);
		}

		static Source of(String column) {
			return valueOf(column.toUpperCase(Locale.ROOT));
		}
	}

	/** The name in the given language; Chinese when there is no English name. */
	public String name(Locale locale) {
		return "en".equals(locale.getLanguage()) && nameEn != null ? nameEn : nameZh;
	}
}
