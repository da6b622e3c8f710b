package org.anning.traffic;

/** The weather at the time of the accident. */
public enum Weather {

	CLEAR, CLOUDY, RAIN, SNOW, FOG, OTHER;

	public String messageKey() {
		return "traffic.weather." + name();
	}

	/** The value named {@code code}, or null when there is none by that name. */
	public static Weather parse(String code) {
		if (code == null) {
			return null;
		}
		for (Weather value : values()) {
			if (value.name().equals(code.strip())) {
				return value;
			}
		}
		return null;
	}
}
