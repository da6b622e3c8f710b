package org.anning.outreach;

/** A publicity event as typed; numbers and dates as text, checked by {@link Publicity}. */
public record NewPublicityEvent(String unit, String topic, String title, String place, String heldOn,
		String attendance, String materialsCount, String materials, String partners) {
}
