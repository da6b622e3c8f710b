package org.anning.cases;

/** What a report is about. */
public enum ReportKind {

	TELECOM_FRAUD, THEFT, LOST_PROPERTY, OTHER;

	public String messageKey() {
		return "cases.report.kind." + name();
	}
}
