package org.anning.cases.imports;

import java.util.List;

/** What a file holds: case records, or events on existing cases (money stopped, frozen, returned; apprehensions). */
public enum ImportKind {

	CASES(List.of("case_number", "unit_code", "category_code", "occurred_on", "registered_on", "cleared_on",
			"closed_on", "loss_amount")),

	EVENTS(List.of("case_number", "event_type", "event_on", "amount", "people"));

	private final List<String> columns;

	ImportKind(List<String> columns) {
		this.columns = columns;
	}

	/** The header row a file must start with, in this order. */
	public List<String> columns() {
		return columns;
	}

	public String messageKey() {
		return "cases.imports.kind." + name();
	}
}
