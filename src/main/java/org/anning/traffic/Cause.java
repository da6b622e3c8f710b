package org.anning.traffic;

/** A contributing cause (事故原因); an accident may have several. */
public enum Cause {

	SPEEDING, DRUNK_OR_DRUGGED, FATIGUE, FAILURE_TO_YIELD, OVERLOADING, PHONE_USE, ROAD_OR_VEHICLE_DEFECT, OTHER;

	public String messageKey() {
		return "traffic.cause." + name();
	}

	/** The value named {@code code}, or null when there is none by that name. */
	public static Cause parse(String code) {
		if (code == null) {
			return null;
		}
		for (Cause value : values()) {
			if (value.name().equals(code.strip())) {
				return value;
			}
		}
		return null;
	}
}
