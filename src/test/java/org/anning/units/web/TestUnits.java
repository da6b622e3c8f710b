package org.anning.units.web;

import java.util.Locale;
import java.util.UUID;

/**
 * Units that tests create for themselves: every test class shares one database, so each unit gets a code of
 * its own instead of changing the demo organisation.
 */
final class TestUnits {

	private TestUnits() {
	}

	/** A fresh, valid unit code with the given prefix. */
	static String newCode(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
	}

	/** The API body of a new unit; a null parent is sent as JSON null. */
	static String json(String code, String level, String parentCode) {
		return """
				{"code": "%s", "nameZh": "测试单位 %s", "nameEn": "Test unit %s", "level": "%s", "parentCode": %s}
				""".formatted(code, code, code, level, parentCode == null ? "null" : "\"" + parentCode + "\"");
	}
}
