package org.anning.cases;

/** Where a report stands: received and waiting for intake, turned into (or added to) a case, or not criminal. */
public enum ReportStatus {

	RECEIVED, CASE_REGISTERED, NON_CRIMINAL;

	public String messageKey() {
		return "cases.report.status." + name();
	}
}
