package org.anning.services;

import java.time.Instant;
import java.util.List;

/**
 * One complete notice of what to supplement (一次性告知): every missing or incorrect material, and anything else,
 * in one list, so the resident fixes everything in one go.
 */
public record SupplementNotice(int round, Instant issuedAt, String remarks, List<Item> items) {

	public SupplementNotice {
		items = List.copyOf(items);
	}

	/** A requirement that is missing or wrong (with what is wrong), or, without a requirement, anything else. */
	public record Item(String requirement, Problem problem, String note) {
	}

	public enum Problem {

		MISSING, INCORRECT;

		public String messageKey() {
			return "services.notice.problem." + name();
		}
	}
}
