package org.anning.cases.web;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.anning.accounts.StaffPrincipal;
import org.anning.cases.Attachment;
import org.anning.cases.CaseFile;
import org.anning.cases.Channel;
import org.anning.cases.NewCase;
import org.anning.cases.NewReport;
import org.anning.cases.Report;
import org.anning.cases.ReportStatus;
import org.anning.cases.Reports;
import org.anning.cases.web.CaseApiViews.CaseDetail;
import org.anning.cases.web.CaseApiViews.ReportLine;
import org.anning.cases.web.CaseApiViews.StaffReport;
import org.anning.cases.web.MyReportsApi.AccountBody;
import org.anning.units.UnitScope;
import org.anning.units.UnitScopes;
import org.anning.web.InvalidInputException;
import org.anning.web.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reports over JSON for staff, with staff bearer tokens: the intake list, taking a report from a 110 call or a
 * walk-in, opening one (an audited read), and triage to a new case, an existing case or a non-criminal outcome.
 * Reports of units outside the caller's scope are not found. Amounts are JSON numbers in yuan ({@code 8000.00}).
 */
@RestController
@RequestMapping("/api/v1/reports")
@PreAuthorize(ReportIntakeApi.READ)
@Tag(name = "Reports: intake", description = "Reports from every channel and their triage (staff token)")
class ReportIntakeApi {

	static final String READ = "hasAnyRole('FRONT_DESK','CASE_OFFICER','STATION_CHIEF','COMMAND','AUDITOR')";

	static final String TAKE = "hasAnyRole('FRONT_DESK','CASE_OFFICER','STATION_CHIEF')";

	static final String HANDLE = "hasAnyRole('CASE_OFFICER','STATION_CHIEF')";

	private final Reports reports;

	private final UnitScopes scopes;

	private final CaseApiViews views;

	ReportIntakeApi(Reports reports, UnitScopes scopes, CaseApiViews views) {
		this.reports = reports;
		this.scopes = scopes;
		this.views = views;
	}

	/** A report taken by staff: channel CALL_110 or WALK_IN, with the reporter's name and phone. */
	record TakenReportBody(Channel channel, String kind, String unit, String narrative, LocalDateTime occurredAt,
			String place, BigDecimal loss, String paymentMethod, List<AccountBody> accounts, String reporterName,
			String reporterPhone) {

		NewReport toNewReport() {
			return new NewReport(kind, unit, narrative, occurredAt, place, loss == null ? null : loss.toPlainString(),
					paymentMethod, accounts == null ? List.of()
							: accounts.stream().map(a -> a == null ? null : a.toAccount()).toList(),
					reporterName, reporterPhone);
		}
	}

	/** A case registered from a report; empty fields are taken from the report (unit, date, place, narrative). */
	record NewCaseBody(String unit, String category, String occurredOn, String registeredOn, String place,
			String narrative) {
	}

	record LinkBody(String caseNumber) {
	}

	record ReasonBody(String reason) {
	}

	@GetMapping
	@Operation(summary = "Reports of the caller's scope, newest first",
			description = "status RECEIVED lists those waiting for intake. No personal data.")
	List<ReportLine> list(@RequestParam(required = false) ReportStatus status,
			@RequestParam(defaultValue = "100") int limit) {
		return reports.list(scope(), status, limit).stream().map(views::line).toList();
	}

	@PostMapping
	@PreAuthorize(TAKE)
	@Operation(summary = "Take a report from a 110 call or a walk-in",
			description = "channel CALL_110|WALK_IN, kind, unit (code; empty for the caller's own), narrative, "
					+ "occurredAt (ISO local date-time), place, loss, paymentMethod, accounts, reporterName, "
					+ "reporterPhone.")
	@ApiResponse(responseCode = "201", description = "The report, opened; Location names it")
	@ApiResponse(responseCode = "422", description = "Invalid fields, listed in errors [{field, message}]")
	ResponseEntity<StaffReport> take(@AuthenticationPrincipal StaffPrincipal me, @RequestBody TakenReportBody body) {
		UnitScope scope = scope();
		Report r = reports.take(body.channel(), body.toNewReport(), List.of(), me.unitId().value(), scope);
		return ResponseEntity.created(URI.create("/api/v1/reports/" + r.reference()))
			.body(views.staff(reports.open(r.reference(), scope)));
	}

	/**
	 * The report with the reporter's phone number and the receiving accounts. Opening it is an audited read of the
	 * reporter's personal data (purpose: handling this case): it is recorded in the audit trail and appears in the
	 * resident's access log, so clients should call it when a person opens the report, not to poll; the list and
	 * the triage endpoints answer without personal data.
	 */
	@GetMapping("/{reference}")
	@Operation(summary = "Open a report (an audited read: reporter's phone and receiving accounts)")
	@ApiResponse(responseCode = "404", description = "No such report in the caller's scope")
	StaffReport open(@PathVariable String reference) {
		return views.staff(reports.open(reference, scope()));
	}

	@GetMapping("/{reference}/attachments/{id}")
	@Operation(summary = "Download a file sent with the report")
	@ApiResponse(responseCode = "404", description = "No such report in scope, or no such file")
	ResponseEntity<byte[]> attachment(@PathVariable String reference, @PathVariable UUID id) {
		// The reporter's files are their personal data: read through the audited open, like the report itself.
		Reports.OpenedReport opened = reports.open(reference, scope());
		Report r = opened.report();
		Attachment attachment = opened.attachments().stream().filter(a -> a.id().equals(id)).findFirst()
			.orElseThrow(() -> new NotFoundException("attachment"));
		byte[] content = reports.attachmentContent(r, id).orElseThrow(() -> new NotFoundException("attachment"));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(attachment.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(attachment.fileName(), StandardCharsets.UTF_8).build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(content);
	}

	@PostMapping("/{reference}/case")
	@PreAuthorize(HANDLE)
	@Operation(summary = "Register a new case from the report; the reporter becomes its first victim",
			description = "category is required; unit, occurredOn, place and narrative default to the report's.")
	@ApiResponse(responseCode = "201", description = "The case; Location names it")
	@ApiResponse(responseCode = "409", description = "The report has been handled already")
	@ApiResponse(responseCode = "422", description = "Invalid fields")
	ResponseEntity<CaseDetail> toNewCase(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String reference,
			@RequestBody NewCaseBody body) {
		CaseFile c = reports.toNewCase(reference, new NewCase(body.unit(), body.category(), body.occurredOn(),
				body.registeredOn(), body.place(), body.narrative()), me.unitId().value(), scope());
		return ResponseEntity.created(URI.create("/api/v1/cases/" + c.caseNumber())).body(views.detail(c));
	}

	@PostMapping("/{reference}/link")
	@PreAuthorize(HANDLE)
	@Operation(summary = "Add the report (and its reporter as a victim) to an existing case of the scope")
	@ApiResponse(responseCode = "409", description = "The report has been handled already")
	@ApiResponse(responseCode = "422", description = "No such case in scope (field caseNumber)")
	CaseDetail toExistingCase(@PathVariable String reference, @RequestBody LinkBody body) {
		if (body.caseNumber() == null || body.caseNumber().isBlank()) {
			throw new InvalidInputException("caseNumber", "cases.report.case.unknown");
		}
		return views.detail(reports.toExistingCase(reference, body.caseNumber(), scope()));
	}

	@PostMapping("/{reference}/non-criminal")
	@PreAuthorize(HANDLE)
	@Operation(summary = "Not a criminal matter, with the reason the reporter is told")
	@ApiResponse(responseCode = "409", description = "The report has been handled already")
	@ApiResponse(responseCode = "422", description = "Reason missing or too long")
	ReportLine nonCriminal(@PathVariable String reference, @RequestBody ReasonBody body) {
		return views.line(reports.nonCriminal(reference, body.reason(), scope()));
	}

	private UnitScope scope() {
		return scopes.current();
	}
}
