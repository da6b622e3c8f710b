package org.anning.services;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.anning.units.UnitLevel;

/**
 * A police administrative service residents may apply for, with its limits in working days: the statutory one
 * and the shorter one the bureau commits to.
 */
public record ServiceItem(UUID id, String code, ServiceCategory category, String nameZh, String nameEn,
		String descriptionZh, String descriptionEn, int statutoryDays, int committedDays, BigDecimal fee,
		UnitLevel handlingLevel, boolean online, boolean active, int version, List<MaterialRequirement> materials) {

	public ServiceItem {
		materials = List.copyOf(materials);
	}

	public String name(Locale locale) {
		return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
	}

	public String description(Locale locale) {
		return "en".equals(locale.getLanguage()) ? descriptionEn : descriptionZh;
	}
}
