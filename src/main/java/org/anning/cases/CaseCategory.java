package org.anning.cases;

import java.util.Locale;

/** A code of the taxonomy, under its parent (or at the top). */
public record CaseCategory(String code, String parentCode, String nameZh, String nameEn) {

	public String name(Locale locale) {
		return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
	}
}
