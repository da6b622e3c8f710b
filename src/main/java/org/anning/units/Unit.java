package org.anning.units;

import java.util.Locale;

/** A unit of the organisation as other modules see it. */
public record Unit(UnitId id, String code, String nameZh, String nameEn, UnitLevel level, UnitId parentId,
		String parentCode, boolean active) {

	/** The unit's name in the given language. */
	public String name(Locale locale) {
		return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
	}

	public boolean isTop() {
		return parentId == null;
	}
}
