package org.anning.traffic;

/** The state of the road surface at the time of the accident. */
public enum RoadSurface {

	DRY, WET, ICY, OTHER;

	public String messageKey() {
		return "traffic.surface." + name();
	}

	/** The value named {@code code}, or null when there is none by that name. */
	public static RoadSurface parse(String code) {
		if (code == null) {
			return null;
		}
		for (RoadSurface value : values()) {
			if (value.name().equals(code.strip())) {
				return value;
			}
		}
		return null;
	}
}
