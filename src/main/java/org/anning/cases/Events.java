package org.anning.cases;

import java.time.LocalDate;
import java.util.UUID;

/** What the cases module tells other modules. Identifiers only. */
public final class Events {

	private Events() {
	}

	/** A report arrived from a channel at a unit. */
	public record ReportReceived(UUID report, UUID unit, Channel channel) {
	}

	/** A report was triaged; {@code resident} is set when a resident made it online and should be told. */
	public record ReportTriaged(UUID report, UUID resident, String reference, ReportStatus status, String caseNumber) {
	}

	/** A case was registered (立案). */
	public record CaseRegistered(UUID caseId, UUID unit, String category, LocalDate on) {
	}

	/** A case moved to another status on a date. */
	public record CaseStatusChanged(UUID caseId, UUID unit, CaseStatus status, LocalDate on) {
	}

	/**
	 * Something a resident who reported online should hear about their report's case: a new status, or money
	 * returned. One event per resident and report; {@code topic} tells redeliveries from news ({@code status}, or
	 * {@code event:<id>} for money returned).
	 */
	public record ReporterInformed(UUID resident, String reportReference, String caseNumber, String what, String topic) {
	}

	/**
	 * Historical records were loaded in bulk (kind CASES or EVENTS from an import file, DEMO for the demo data): how
	 * many records are new and how many existing ones changed, and which units and days the load may have touched,
	 * before and after ({@code from} and {@code to} are null when it touched nothing). Imports publish this one event,
	 * not one per case.
	 */
	public record CasesImported(UUID importId, String kind, int imported, int updated, java.util.Set<UUID> units,
			LocalDate from, LocalDate to) {
	}

	/** A case's victims or losses changed. */
	public record CaseAmended(UUID caseId, UUID unit) {
	}

	/** Money or people were recorded on a case. */
	public record CaseEventRecorded(UUID caseId, UUID unit, EventType type, LocalDate on) {
	}
}
