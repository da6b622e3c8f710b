package org.anning.services;

import java.util.Locale;
import java.util.Set;

/** A material an item asks for: what it is, whether it is mandatory, in which formats it may come. */
public record MaterialRequirement(String code, String nameZh, String nameEn, boolean mandatory,
		Set<MaterialFormat> formats) {

	public MaterialRequirement {
		formats = Set.copyOf(formats);
	}

	public String name(Locale locale) {
		return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
	}
}
