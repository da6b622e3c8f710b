package org.anning.cases.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.anning.cases.AttachmentUpload;
import org.anning.cases.PaymentChannel;
import org.anning.cases.Report;
import org.anning.cases.ReportKind;
import org.anning.cases.Reports;
import org.anning.residents.ResidentPrincipal;
import org.anning.services.Material;
import org.anning.units.Organisation;
import org.anning.units.UnitId;
import org.anning.web.InvalidInputException;
import org.anning.web.InvalidInputException.FieldProblem;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A resident's online reports (网上报案): one form with the fraud details and attachments, the list, and each
 * report with its case's progress and the money returned. Every page says that emergencies call 110. A refused
 * file leaves everything typed in place; the files themselves must be chosen again, and the page says so.
 */
@Controller
class PortalReportController {

	static final String FORM = "cases/portal/new";

	private final Reports reports;

	private final Organisation organisation;

	private final Clock clock;

	PortalReportController(Reports reports, Organisation organisation, Clock clock) {
		this.reports = reports;
		this.organisation = organisation;
		this.clock = clock;
	}

	@InitBinder("report")
	void allowReportFields(WebDataBinder binder) {
		binder.setAllowedFields("kind", "unit", "occurredAt", "place", "narrative", "loss", "paymentMethod",
				"accounts[*].channel", "accounts[*].institution", "accounts[*].account", "accounts[*].holder",
				"accounts[*].amount");
		binder.setAutoGrowCollectionLimit(PortalReportForm.ACCOUNT_ROWS);
	}

	@GetMapping("/me/reports")
	String list(@AuthenticationPrincipal ResidentPrincipal resident, Model model) {
		List<Line> lines = reports.mine(resident.id().value()).stream()
			.map(r -> new Line(r, reports.caseProgress(r).map(Reports.CaseProgress::caseNumber).orElse(null)))
			.toList();
		model.addAttribute("reports", lines);
		return "cases/portal/reports";
	}

	@GetMapping("/me/reports/new")
	String initReportForm(@RequestParam(required = false) String kind, Model model) {
		var form = new PortalReportForm();
		if (kind != null && reports.kinds().stream().anyMatch(k -> k.name().equals(kind))) {
			form.setKind(kind);
		}
		return form(form, model);
	}

	@PostMapping("/me/reports/new")
	String processReportForm(@AuthenticationPrincipal ResidentPrincipal resident,
			@ModelAttribute("report") PortalReportForm form, BindingResult result,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, Model model,
			RedirectAttributes redirect) {
		List<FieldProblem> tooLarge = new ArrayList<>();
		List<AttachmentUpload> uploads = uploads(files, tooLarge);
		List<FieldProblem> problems = new ArrayList<>();
		try {
			Report r = reports.reportOnline(resident.id().value(), form.toNewReport(), uploads);
			redirect.addFlashAttribute("notice", "cases.portal.report.sent");
			return "redirect:/me/reports/" + r.reference();
		}
		catch (InvalidInputException e) {
			// a file too large to read went in empty, so the domain refused the report and judged everything else
			e.problems().stream().filter(p -> tooLarge.stream().noneMatch(t -> t.field().equals(p.field())))
				.forEach(problems::add);
			problems.addAll(tooLarge);
		}
		apply(problems, form, result);
		return form(form, model);
	}

	@GetMapping("/me/reports/{reference}")
	String show(@AuthenticationPrincipal ResidentPrincipal resident, @PathVariable String reference, Model model) {
		Report r = reports.mine(resident.id().value(), reference);
		model.addAttribute("report", r);
		model.addAttribute("occurredAt", LocalDateTime.ofInstant(r.occurredAt(), clock.getZone()));
		model.addAttribute("unit", organisation.find(new UnitId(r.unit())).orElse(null));
		model.addAttribute("accounts", reports.accounts(r));
		model.addAttribute("attachments", reports.attachments(r));
		model.addAttribute("progress", reports.caseProgress(r).orElse(null));
		return "cases/portal/report";
	}

	private String form(PortalReportForm form, Model model) {
		model.addAttribute("report", form);
		model.addAttribute("kinds", ReportKind.values());
		model.addAttribute("units", reports.units());
		model.addAttribute("payments", PaymentChannel.values());
		model.addAttribute("maxFiles", Reports.MAX_ATTACHMENTS);
		model.addAttribute("maxMegabytes", Material.MAX_BYTES / 1024 / 1024);
		return FORM;
	}

	/** Domain problems on the form's fields; those of a file (files[i]) on the attachments field. */
	private static void apply(List<FieldProblem> problems, PortalReportForm form, BindingResult result) {
		boolean unreadableTime = form.occurredAtUnreadable();
		for (FieldProblem p : problems) {
			String field = p.field();
			if (unreadableTime && "occurredAt".equals(field)) {
				continue;
			}
			if (field.startsWith("files")) {
				field = "files";
			}
			result.rejectValue(field, p.code(), p.args(), p.code());
		}
		if (unreadableTime) {
			result.rejectValue("occurredAt", "cases.portal.occurredAt.format", null, "cases.portal.occurredAt.format");
		}
	}

	/**
	 * The files chosen. One larger than the limit is not read into memory: it goes in empty, which the domain
	 * refuses, and its problem (on its own field files[i]) is in {@code tooLarge}.
	 */
	private static List<AttachmentUpload> uploads(List<MultipartFile> files, List<FieldProblem> tooLarge) {
		List<AttachmentUpload> uploads = new ArrayList<>();
		if (files == null) {
			return uploads;
		}
		for (MultipartFile file : files) {
			boolean nothingChosen = file == null || file.isEmpty()
					&& (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank());
			if (nothingChosen) {
				continue;
			}
			if (file.getSize() > Material.MAX_BYTES) { // refused before it is read into memory
				tooLarge.add(new FieldProblem("files[" + uploads.size() + "]", "cases.portal.file.tooLarge",
						file.getOriginalFilename(), Material.MAX_BYTES / 1024 / 1024));
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
		return uploads;
	}

	/** A report in the resident's list, with its case number once a case is registered. */
	record Line(Report report, String caseNumber) {
	}
}
