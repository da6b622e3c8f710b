package org.anning.traffic;

/** What happened (事故形态), a collision between vehicles, with a pedestrian, a single vehicle, or other. */
public enum AccidentType {

	VEHICLE_COLLISION, PEDESTRIAN, SINGLE_VEHICLE, OTHER;

	public String messageKey() {
		return "traffic.type." + name();
	}

	/** The value named {@code code}, or null when there is none by that name. */
	public static AccidentType parse(String code) {
		if (code == null) {
			return null;
		}
		for (AccidentType value : values()) {
			if (value.name().equals(code.strip())) {
				return value;
			}
		}
		return null;
	}
}
