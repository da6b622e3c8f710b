package org.anning.traffic;

/** The light at the time of the accident. */
public enum Light {

	DAYLIGHT, DUSK_OR_DAWN, DARK_LIT, DARK_UNLIT;

	public String messageKey() {
		return "traffic.light." + name();
	}

	/** The value named {@code code}, or null when there is none by that name. */
	public static Light parse(String code) {
		if (code == null) {
			return null;
		}
		for (Light value : values()) {
			if (value.name().equals(code.strip())) {
				return value;
			}
		}
		return null;
	}
}
