package org.anning.traffic;

/** A kind of vehicle involved, counted per accident. */
public enum VehicleType {

	CAR, TRUCK, BUS, MOTORCYCLE, ELECTRIC_BICYCLE, BICYCLE, OTHER;

	public String messageKey() {
		return "traffic.vehicle." + name();
	}

	/** The value named {@code code}, or null when there is none by that name. */
	public static VehicleType parse(String code) {
		if (code == null) {
			return null;
		}
		for (VehicleType value : values()) {
			if (value.name().equals(code.strip())) {
				return value;
			}
		}
		return null;
	}
}
