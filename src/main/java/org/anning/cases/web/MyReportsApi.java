package org.anning.cases.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.anning.cases.AttachmentUpload;
import org.anning.cases.NewReport;
import org.anning.cases.PaymentChannel;
import org.anning.cases.ReceivingAccount;
import org.anning.cases.Report;
import org.anning.cases.Reports;
import org.anning.cases.web.CaseApiViews.MyReport;
import org.anning.cases.web.CaseApiViews.MyReportLine;
import org.anning.residents.ResidentPrincipal;
import org.anning.services.Material;
import org.anning.web.InvalidInputException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * A resident's own online reports, with the resident's bearer token: the same rules as the portal's pages.
 * Another resident's reference is not found. Amounts are JSON numbers in yuan ({@code 8000.00}); the time of the
 * incident is an ISO local date-time in the bureau's zone ({@code 2026-11-20T14:30}).
 */
@RestController
@RequestMapping("/api/v1/me/reports")
@PreAuthorize("hasRole('RESIDENT')")
@Tag(name = "Reports: my reports", description = "A resident's own online reports (resident token)")
class MyReportsApi {

	private final Reports reports;

	private final CaseApiViews views;

	MyReportsApi(Reports reports, CaseApiViews views) {
		this.reports = reports;
		this.views = views;
	}

	/** A receiving account as sent: channel BANK|ALIPAY|WECHAT|OTHER, amount in yuan. */
	record AccountBody(PaymentChannel channel, String institution, String account, String holder, BigDecimal amount) {

		ReceivingAccount toAccount() {
			return new ReceivingAccount(channel, institution, account, holder, amount);
		}
	}

	/** An online report as sent (no reporter name or phone: the resident's account says who reported). */
	record ReportBody(String kind, String unit, String narrative, LocalDateTime occurredAt, String place,
			BigDecimal loss, String paymentMethod, List<AccountBody> accounts) {

		NewReport toNewReport() {
			return new NewReport(kind, unit, narrative, occurredAt, place, loss == null ? null : loss.toPlainString(),
					paymentMethod, accounts == null ? List.of()
							: accounts.stream().map(a -> a == null ? null : a.toAccount()).toList(),
					null, null);
		}
	}

	@GetMapping
	@Operation(summary = "My reports, newest first, with the case number once a case is registered")
	List<MyReportLine> list(@AuthenticationPrincipal ResidentPrincipal me) {
		return reports.mine(me.id().value()).stream().map(views::myLine).toList();
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Report online (no attachments)",
			description = "kind TELECOM_FRAUD|THEFT|LOST_PROPERTY|OTHER, unit (code of a station or sub-bureau), "
					+ "narrative, occurredAt, place, loss, paymentMethod BANK|ALIPAY|WECHAT|OTHER, accounts "
					+ "[{channel, institution, account, holder, amount}]; a fraud report needs at least one "
					+ "receiving account. In an emergency call 110: an online report is not watched around the clock.")
	@ApiResponse(responseCode = "201", description = "The report (reference BA-YYYY-NNNNNN); Location names it")
	@ApiResponse(responseCode = "422", description = "Invalid fields, listed in errors [{field, message}]")
	ResponseEntity<MyReport> report(@AuthenticationPrincipal ResidentPrincipal me, @RequestBody ReportBody body) {
		return created(reports.reportOnline(me.id().value(), body.toNewReport(), List.of()));
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Report online with attachments",
			description = "A part report (application/json, the same fields as the JSON request) and up to 10 parts "
					+ "files (PDF, JPEG or PNG by content, at most 10 MB each). All of it is stored, or none.")
	@ApiResponse(responseCode = "201", description = "The report; Location names it")
	@ApiResponse(responseCode = "422", description = "Invalid fields or files (files[i]), listed in errors")
	ResponseEntity<MyReport> reportWithFiles(@AuthenticationPrincipal ResidentPrincipal me,
			@RequestPart("report") ReportBody body,
			@RequestPart(name = "files", required = false) List<MultipartFile> files) {
		return created(reports.reportOnline(me.id().value(), body.toNewReport(), uploads(files)));
	}

	@GetMapping("/{reference}")
	@Operation(summary = "One of my reports: status, accounts, attachments, and the case's progress",
			description = "caseProgress (once a case is registered): caseNumber, status, registeredOn, clearedOn, "
					+ "closedOn, and returned, the money returned to me in yuan. outcomeReason says why a report "
					+ "is not a criminal matter.")
	@ApiResponse(responseCode = "404", description = "No such report of mine")
	MyReport get(@AuthenticationPrincipal ResidentPrincipal me, @PathVariable String reference) {
		return views.mine(reports.mine(me.id().value(), reference));
	}

	private ResponseEntity<MyReport> created(Report r) {
		return ResponseEntity.created(URI.create("/api/v1/me/reports/" + r.reference())).body(views.mine(r));
	}

	/** The files sent; one larger than the limit is refused before it is read into memory. */
	static List<AttachmentUpload> uploads(List<MultipartFile> files) {
		List<AttachmentUpload> uploads = new ArrayList<>();
		if (files == null) {
			return uploads;
		}
		for (int i = 0; i < files.size(); i++) {
			MultipartFile file = files.get(i);
			if (file.getSize() > Material.MAX_BYTES) {
				throw new InvalidInputException("files[" + i + "]", "services.material.tooLarge",
						Material.MAX_BYTES / 1024 / 1024);
			}
			try {
				uploads.add(new AttachmentUpload(file.getOriginalFilename(), file.getBytes()));
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return uploads;
	}
}
