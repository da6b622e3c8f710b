package org.anning.services;

/** The five levels of 好差评, from very satisfied (5) to very dissatisfied (1). */
public enum RatingLevel {

	VERY_DISSATISFIED(1), DISSATISFIED(2), BASICALLY_SATISFIED(3), SATISFIED(4), VERY_SATISFIED(5);

	private final int value;

	RatingLevel(int value) {
		this.value = value;
	}

	public int value() {
		return value;
	}

	/** Dissatisfied or worse: opens a rectification task. */
	public boolean poor() {
		return value <= 2;
	}

	public static RatingLevel of(int value) {
		for (RatingLevel level : values()) {
			if (level.value == value) {
				return level;
			}
		}
		throw new IllegalArgumentException("rating " + value);
	}

	public String messageKey() {
		return "services.rating." + name();
	}
}
