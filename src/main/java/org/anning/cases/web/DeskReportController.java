package org.anning.cases.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.anning.accounts.StaffPrincipal;
import org.anning.cases.Attachment;
import org.anning.cases.AttachmentUpload;
import org.anning.cases.CaseFile;
import org.anning.cases.Channel;
import org.anning.cases.NewCase;
import org.anning.cases.NewReport;
import org.anning.cases.PaymentChannel;
import org.anning.cases.ReceivingAccount;
import org.anning.cases.Report;
import org.anning.cases.ReportKind;
import org.anning.cases.ReportStatus;
import org.anning.cases.Reports;
import org.anning.cases.Taxonomy;
import org.anning.units.Organisation;
import org.anning.units.Unit;
import org.anning.units.UnitId;
import org.anning.units.UnitScope;
import org.anning.units.UnitScopes;
import org.anning.web.ConflictException;
import org.anning.web.InvalidInputException;
import org.anning.web.InvalidInputException.FieldProblem;
import org.anning.web.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Reports on the desk: the intake queue of the units in scope, taking a report from a 110 call or a walk-in, and
 * one report opened for handling its case (the read of the reporter's data is audited with the purpose CASE),
 * with its triage to a new case, to an existing case, or to a non-criminal outcome.
 */
@Controller
@RequestMapping("/desk/reports")
class DeskReportController {

	static final String READERS = "hasAnyRole('FRONT_DESK','CASE_OFFICER','STATION_CHIEF','COMMAND','AUDITOR')";

	static final String TAKERS = "hasAnyRole('FRONT_DESK','CASE_OFFICER','STATION_CHIEF')";

	static final String HANDLERS = "hasAnyRole('CASE_OFFICER','STATION_CHIEF')";

	private static final String PAGE = "cases/desk/report";

	private static final int LIST_LIMIT = 200;

	private final Reports reports;

	private final Taxonomy taxonomy;

	private final Organisation organisation;

	private final UnitScopes scopes;

	private final Clock clock;

	DeskReportController(Reports reports, Taxonomy taxonomy, Organisation organisation, UnitScopes scopes,
			Clock clock) {
		this.reports = reports;
		this.taxonomy = taxonomy;
		this.organisation = organisation;
		this.scopes = scopes;
		this.clock = clock;
	}

	@InitBinder("report")
	void allowReportFields(WebDataBinder binder) {
		binder.setAllowedFields("channel", "kind", "unit", "occurredAt", "place", "narrative", "loss", "paymentMethod",
				"accounts[*].channel", "accounts[*].institution", "accounts[*].account", "accounts[*].holder",
				"accounts[*].amount", "reporterName", "reporterPhone");
		binder.setAutoGrowCollectionLimit(DeskReportForm.ACCOUNT_ROWS);
	}

	@InitBinder("registration")
	void allowCaseFields(WebDataBinder binder) {
		binder.setAllowedFields("category", "occurredOn", "registeredOn", "place", "narrative");
	}

	@InitBinder("linking")
	void allowLinkFields(WebDataBinder binder) {
		binder.setAllowedFields("caseNumber");
	}

	@InitBinder("dismissal")
	void allowReasonFields(WebDataBinder binder) {
		binder.setAllowedFields("reason");
	}

	@GetMapping
	@PreAuthorize(READERS)
	String showQueue(@RequestParam(required = false) String status, Model model) {
		UnitScope scope = scopes.current();
		ReportStatus chosen = DeskCaseListController.parse(ReportStatus.class, status, null);
		List<Report> list = new ArrayList<>(reports.list(scope, chosen, LIST_LIMIT));
		// Waiting for intake first; newest first within each status, as listed.
		list.sort(Comparator.comparing((Report r) -> r.status() != ReportStatus.RECEIVED));
		Map<UUID, Unit> units = new HashMap<>();
		list.forEach(r -> units.computeIfAbsent(r.unit(), id -> organisation.find(new UnitId(id)).orElse(null)));
		model.addAttribute("reports", list);
		model.addAttribute("units", units);
		model.addAttribute("status", chosen);
		model.addAttribute("statuses", ReportStatus.values());
		model.addAttribute("zone", clock.getZone());
		return "cases/desk/reports";
	}

	@GetMapping("/new")
	@PreAuthorize(TAKERS)
	String initReportForm(Model model) {
		model.addAttribute("report", new DeskReportForm());
		return reportForm(model);
	}

	@PostMapping("/new")
	@PreAuthorize(TAKERS)
	String processReportForm(@ModelAttribute("report") DeskReportForm form, BindingResult result,
			@RequestParam(name = "files", required = false) List<MultipartFile> files,
			@AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect, Model model) {
		List<FieldProblem> typed = new ArrayList<>();
		LocalDateTime occurred = null;
		if (form.getOccurredAt() != null && !form.getOccurredAt().isBlank()) {
			try {
				occurred = LocalDateTime.parse(form.getOccurredAt().strip());
			}
			catch (DateTimeParseException e) {
				typed.add(new FieldProblem("occurredAt", "cases.desk.report.occurredAt.format"));
			}
		}
		List<ReceivingAccount> accounts = new ArrayList<>();
		for (int i = 0; i < form.getAccounts().size() && i < DeskReportForm.ACCOUNT_ROWS; i++) {
			DeskAccountRow row = form.getAccounts().get(i);
			if (row == null || row.blank()) {
				continue;
			}
			PaymentChannel channel = DeskCaseListController.parse(PaymentChannel.class, row.getChannel(), null);
			BigDecimal amount = null;
			if (row.getAmount() != null && !row.getAmount().isBlank()) {
				try {
					amount = new BigDecimal(row.getAmount().strip().replace(",", ""));
				}
				catch (NumberFormatException e) {
					typed.add(new FieldProblem("accounts[" + i + "].amount", "cases.amount.format"));
				}
			}
			accounts.add(new ReceivingAccount(channel, row.getInstitution(), row.getAccount(), row.getHolder(), amount));
		}
		List<AttachmentUpload> uploads = new ArrayList<>();
		for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
			if (!file.isEmpty()) {
				if (file.getSize() > org.anning.services.Material.MAX_BYTES) {
					// Not read into memory: passed on empty, so the domain refuses it by name and checks the rest.
					uploads.add(new AttachmentUpload(file.getOriginalFilename(), new byte[0]));
					continue;
				}
				try {
					uploads.add(new AttachmentUpload(file.getOriginalFilename(), file.getBytes()));
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			}
		}
		Channel channel = DeskCaseListController.parse(Channel.class, form.getChannel(), null);
		// Text that could not be read is shown with the domain's own problems; without a time, nothing is stored.
		boolean unreadable = !typed.isEmpty();
		NewReport draft = new NewReport(form.getKind(), form.getUnit(), form.getNarrative(), unreadable ? null : occurred,
				form.getPlace(), form.getLoss(), form.getPaymentMethod(), accounts, form.getReporterName(),
				form.getReporterPhone());
		try {
			Report report = reports.take(channel == Channel.ONLINE ? null : channel, draft, uploads,
					me.unitId().value(), scopes.current());
			redirect.addFlashAttribute("notice", "cases.desk.done.taken");
			redirect.addAttribute("reference", report.reference());
			return "redirect:/desk/reports/{reference}";
		}
		catch (InvalidInputException e) {
			boolean timeTyped = form.getOccurredAt() != null && !form.getOccurredAt().isBlank();
			List<FieldProblem> problems = new ArrayList<>(typed);
			e.problems().stream()
				.filter(p -> !(timeTyped && unreadable && p.field().equals("occurredAt")))
				.filter(p -> typed.stream().noneMatch(t -> t.field().equals(p.field())))
				// Problems of one attached file are shown by the file input, which holds them all.
				.map(p -> p.field().startsWith("files[") ? new FieldProblem("files", p.code(), p.args()) : p)
				.forEach(problems::add);
			new InvalidInputException(problems).applyTo(result);
		}
		return reportForm(model);
	}

	private String reportForm(Model model) {
		model.addAttribute("channels", List.of(Channel.CALL_110, Channel.WALK_IN));
		model.addAttribute("kinds", ReportKind.values());
		model.addAttribute("unitChoices", organisation.visible(scopes.current()).stream().filter(Unit::active).toList());
		model.addAttribute("payments", PaymentChannel.values());
		model.addAttribute("maxFiles", Reports.MAX_ATTACHMENTS);
		return "cases/desk/take";
	}

	@GetMapping("/{reference}")
	@PreAuthorize(READERS)
	String showReport(@PathVariable String reference, Model model) {
		return page(reference, model);
	}

	/** A file sent with the report; reading it is reading the reporter's data, so it is recorded like the page. */
	@GetMapping("/{reference}/attachments/{id}")
	@PreAuthorize(READERS)
	ResponseEntity<byte[]> downloadAttachment(@PathVariable String reference, @PathVariable UUID id) {
		Reports.OpenedReport opened = reports.open(reference, scopes.current());
		Attachment attachment = opened.attachments().stream()
			.filter(a -> a.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("attachment"));
		byte[] content = reports.attachmentContent(opened.report(), id)
			.orElseThrow(() -> new NotFoundException("attachment"));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(attachment.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(attachment.fileName(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(content);
	}

	@PostMapping("/{reference}/case")
	@PreAuthorize(HANDLERS)
	String registerCase(@PathVariable String reference, @ModelAttribute("registration") DeskCaseForm form,
			BindingResult result, @AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect, Model model,
			HttpServletResponse response) {
		try {
			CaseFile c = reports.toNewCase(reference, new NewCase(null, form.getCategory(), form.getOccurredOn(),
					form.getRegisteredOn(), form.getPlace(), form.getNarrative()), me.unitId().value(), scopes.current());
			redirect.addFlashAttribute("notice", "cases.desk.done.registered");
			redirect.addAttribute("number", c.caseNumber());
			return "redirect:/desk/cases/{number}";
		}
		catch (InvalidInputException e) {
			e.applyTo(result);
		}
		catch (ConflictException e) {
			conflict(e, model, response);
		}
		return page(reference, model);
	}

	@PostMapping("/{reference}/link")
	@PreAuthorize(HANDLERS)
	String addToCase(@PathVariable String reference, @ModelAttribute("linking") DeskCaseNumberForm form,
			BindingResult result, RedirectAttributes redirect, Model model, HttpServletResponse response) {
		try {
			CaseFile c = reports.toExistingCase(reference, form.getCaseNumber(), scopes.current());
			redirect.addFlashAttribute("notice", "cases.desk.done.added");
			redirect.addAttribute("number", c.caseNumber());
			return "redirect:/desk/cases/{number}";
		}
		catch (InvalidInputException e) {
			e.applyTo(result);
		}
		catch (ConflictException e) {
			conflict(e, model, response);
		}
		return page(reference, model);
	}

	@PostMapping("/{reference}/non-criminal")
	@PreAuthorize(HANDLERS)
	String nonCriminal(@PathVariable String reference, @ModelAttribute("dismissal") DeskReasonForm form,
			BindingResult result, RedirectAttributes redirect, Model model, HttpServletResponse response) {
		try {
			Report r = reports.nonCriminal(reference, form.getReason(), scopes.current());
			redirect.addFlashAttribute("notice", "cases.desk.done.nonCriminal");
			redirect.addAttribute("reference", r.reference());
			return "redirect:/desk/reports/{reference}";
		}
		catch (InvalidInputException e) {
			e.applyTo(result);
		}
		catch (ConflictException e) {
			conflict(e, model, response);
		}
		return page(reference, model);
	}

	private static void conflict(ConflictException e, Model model, HttpServletResponse response) {
		model.addAttribute("conflict", e);
		response.setStatus(HttpServletResponse.SC_CONFLICT);
	}

	/** The report, opened (an audited read); a form that failed is in the model already and keeps what was typed. */
	private String page(String reference, Model model) {
		UnitScope scope = scopes.current();
		Reports.OpenedReport opened = reports.open(reference, scope);
		Report r = opened.report();
		LocalDate occurredOn = r.occurredAt().atZone(clock.getZone()).toLocalDate();
		model.addAttribute("report", r);
		model.addAttribute("reporterPhone", opened.reporterPhone());
		model.addAttribute("accounts", opened.accounts());
		model.addAttribute("attachments", opened.attachments());
		model.addAttribute("unit", organisation.find(new UnitId(r.unit())).orElse(null));
		model.addAttribute("zone", clock.getZone());
		model.addAttribute("categories", taxonomy.all());
		model.addAttribute("caseNumber",
				reports.caseProgress(r).map(Reports.CaseProgress::caseNumber).orElse(null));
		if (!model.containsAttribute("registration")) {
			DeskCaseForm registration = new DeskCaseForm();
			registration.setRegisteredOn(LocalDate.now(clock).toString());
			registration.setOccurredOn(occurredOn.toString());
			registration.setPlace(r.place());
			registration.setNarrative(r.narrative());
			model.addAttribute("registration", registration);
		}
		if (!model.containsAttribute("linking")) {
			model.addAttribute("linking", new DeskCaseNumberForm());
		}
		if (!model.containsAttribute("dismissal")) {
			model.addAttribute("dismissal", new DeskReasonForm());
		}
		return PAGE;
	}
}
