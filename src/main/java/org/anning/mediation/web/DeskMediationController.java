package org.anning.mediation.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.anning.accounts.StaffPrincipal;
import org.anning.mediation.AgreementDocuments;
import org.anning.mediation.Category;
import org.anning.mediation.Dispute;
import org.anning.mediation.DisputeLine;
import org.anning.mediation.Disputes;
import org.anning.mediation.FollowUpAction;
import org.anning.mediation.IntakeChannel;
import org.anning.mediation.MediationQueue;
import org.anning.mediation.MediationWorklists;
import org.anning.mediation.Mediator;
import org.anning.mediation.Mediators;
import org.anning.mediation.PartyRole;
import org.anning.mediation.Referral;
import org.anning.mediation.Risk;
import org.anning.units.Organisation;
import org.anning.units.Unit;
import org.anning.units.UnitId;
import org.anning.units.UnitScope;
import org.anning.units.UnitScopes;
import org.anning.web.ConflictException;
import org.anning.web.InvalidInputException;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Mediation on the desk: the worklists of the units in scope (high risk first, due soon, overdue, follow-ups
 * due), intake, and one dispute with a form for every step. The page shows the parties masked; opening them is a
 * POST whose answer shows the full values (never redirected to, so they wait in no session or URL), audited with
 * the purpose DISPUTE. A refused form is shown again with its errors and what was typed; an illegal step answers
 * 409 with the page and the reason.
 */
@Controller
@RequestMapping("/desk/mediation")
class DeskMediationController {

	static final String PAGE = "mediation/desk/dispute";

	static final String[] STEP_FORMS = { "riskForm", "mediatorForm", "sessionForm", "agreementForm", "noAgreementForm",
			"withdrawalForm", "followUpForm", "escalationForm" };

	private final Disputes disputes;

	private final Mediators mediators;

	private final MediationWorklists worklists;

	private final AgreementDocuments documents;

	private final Organisation organisation;

	private final UnitScopes scopes;

	private final Clock clock;

	DeskMediationController(Disputes disputes, Mediators mediators, MediationWorklists worklists,
			AgreementDocuments documents, Organisation organisation, UnitScopes scopes, Clock clock) {
		this.disputes = disputes;
		this.mediators = mediators;
		this.worklists = worklists;
		this.documents = documents;
		this.organisation = organisation;
		this.scopes = scopes;
		this.clock = clock;
	}

	@InitBinder("dispute")
	void allowDisputeFields(WebDataBinder binder) {
		binder.setAllowedFields("channel", "unit", "referringUnit", "category", "account", "risk", "riskReason",
				"receivedOn", "parties[*].role", "parties[*].name", "parties[*].contact");
		binder.setAutoGrowCollectionLimit(DeskDisputeForm.PARTY_ROWS);
	}

	@InitBinder({ "riskForm", "mediatorForm", "sessionForm", "agreementForm", "noAgreementForm", "withdrawalForm",
			"followUpForm", "escalationForm" })
	void allowStepFields(WebDataBinder binder) {
		binder.setAllowedFields("risk", "riskReason", "mediator", "heldOn", "attended", "mediators", "notes", "agreedOn",
				"terms[*].party", "terms[*].obligation", "terms[*].dueBy", "note", "closedOn", "referral", "followedUpOn",
				"carriedOut", "action", "caseNumber");
		binder.setAutoGrowCollectionLimit(DeskStepForm.TERM_ROWS);
	}

	// ---- Worklists

	@GetMapping
	@PreAuthorize(MediationRoles.READ)
	String showWorklist(@RequestParam(required = false) String queue, @RequestParam(required = false) String category,
			Model model) {
		UnitScope scope = scopes.current();
		MediationQueue chosen = parse(MediationQueue.class, queue, MediationQueue.IN_MEDIATION);
		Category chosenCategory = parse(Category.class, category, null);
		List<DisputeLine> lines = worklists.list(chosen, scope, chosenCategory);
		model.addAttribute("queues", MediationQueue.values());
		model.addAttribute("counts", worklists.counts(scope));
		model.addAttribute("queue", chosen);
		model.addAttribute("category", chosenCategory);
		model.addAttribute("categories", Category.values());
		model.addAttribute("lines", lines);
		model.addAttribute("units", units(lines.stream().map(DisputeLine::unit).toList()));
		model.addAttribute("today", LocalDate.now(clock));
		return "mediation/desk/worklist";
	}

	// ---- Intake

	@GetMapping("/new")
	@PreAuthorize(MediationRoles.WORK)
	String initDisputeForm(Model model) {
		DeskDisputeForm form = new DeskDisputeForm();
		form.setReceivedOn(LocalDate.now(clock).toString());
		form.setRisk(Risk.LOW.name());
		model.addAttribute("dispute", form);
		return intakeForm(model);
	}

	@PostMapping("/new")
	@PreAuthorize(MediationRoles.WORK)
	String processDisputeForm(@ModelAttribute("dispute") DeskDisputeForm form, BindingResult result,
			@AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect, Model model,
			HttpServletResponse response) {
		try {
			Dispute d = disputes.receive(form.toNewDispute(), me.unitId().value(), scopes.current());
			redirect.addFlashAttribute("notice", "mediation.desk.done.received");
			redirect.addAttribute("reference", d.reference());
			return "redirect:/desk/mediation/{reference}";
		}
		catch (InvalidInputException e) {
			e.applyTo(result);
		}
		return intakeForm(model);
	}

	private String intakeForm(Model model) {
		model.addAttribute("channels",
				java.util.Arrays.stream(IntakeChannel.values()).filter(c -> c != IntakeChannel.ONLINE).toList());
		model.addAttribute("categories", Category.values());
		model.addAttribute("risks", Risk.values());
		model.addAttribute("roles", PartyRole.values());
		model.addAttribute("unitChoices", organisation.visible(scopes.current()).stream().filter(Unit::active).toList());
		model.addAttribute("allUnits", organisation.active());
		return "mediation/desk/new";
	}

	// ---- One dispute

	@GetMapping("/{reference}")
	@PreAuthorize(MediationRoles.READ)
	String showDispute(@PathVariable String reference, Model model) {
		return page(reference, model);
	}

	/** The parties in full: an audited read with the purpose DISPUTE, answered with the page itself. */
	@PostMapping("/{reference}/parties")
	@PreAuthorize(MediationRoles.OPEN)
	String openParties(@PathVariable String reference, Model model) {
		model.addAttribute("opened", disputes.openParties(reference, scopes.current()));
		return page(reference, model);
	}

	@GetMapping("/{reference}/agreement.pdf")
	@PreAuthorize(MediationRoles.OPEN)
	ResponseEntity<byte[]> printAgreement(@PathVariable String reference) {
		byte[] pdf = documents.agreement(reference, scopes.current());
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
				.filename(Disputes.normaliseReference(reference) + ".pdf", StandardCharsets.UTF_8).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(pdf);
	}

	@PostMapping("/{reference}/risk")
	@PreAuthorize(MediationRoles.WORK)
	String assess(@PathVariable String reference, @ModelAttribute("riskForm") DeskStepForm form, BindingResult result,
			RedirectAttributes redirect, Model model, HttpServletResponse response) {
		return step(reference, result, redirect, model, response, "mediation.desk.done.risk",
				() -> disputes.assess(reference, form.getRisk(), form.getRiskReason(), scopes.current()));
	}

	@PostMapping("/{reference}/mediators")
	@PreAuthorize(MediationRoles.WORK)
	String addMediator(@PathVariable String reference, @ModelAttribute("mediatorForm") DeskStepForm form,
			BindingResult result, RedirectAttributes redirect, Model model, HttpServletResponse response) {
		return step(reference, result, redirect, model, response, "mediation.desk.done.mediator",
				() -> disputes.addMediator(reference, form.getMediator(), scopes.current()));
	}

	@PostMapping("/{reference}/mediators/{mediator}/removal")
	@PreAuthorize(MediationRoles.WORK)
	String removeMediator(@PathVariable String reference, @PathVariable UUID mediator, RedirectAttributes redirect,
			Model model, HttpServletResponse response) {
		return step(reference, null, redirect, model, response, "mediation.desk.done.mediatorRemoved",
				() -> disputes.removeMediator(reference, mediator, scopes.current()));
	}

	@PostMapping("/{reference}/sessions")
	@PreAuthorize(MediationRoles.WORK)
	String recordSession(@PathVariable String reference, @ModelAttribute("sessionForm") DeskStepForm form,
			BindingResult result, RedirectAttributes redirect, Model model, HttpServletResponse response) {
		return step(reference, result, redirect, model, response, "mediation.desk.done.session",
				() -> disputes.recordSession(reference, form.getHeldOn(), form.getAttended(), form.getMediators(),
						form.getNotes(), scopes.current()));
	}

	@PostMapping("/{reference}/agreement")
	@PreAuthorize(MediationRoles.WORK)
	String agree(@PathVariable String reference, @ModelAttribute("agreementForm") DeskStepForm form,
			BindingResult result, RedirectAttributes redirect, Model model, HttpServletResponse response) {
		return step(reference, result, redirect, model, response, "mediation.desk.done.agreement",
				() -> disputes.agree(reference, form.getAgreedOn(),
						form.getTerms().stream().map(t -> t == null ? null : t.toTerm()).toList(), form.getNote(),
						scopes.current()));
	}

	@PostMapping("/{reference}/no-agreement")
	@PreAuthorize(MediationRoles.WORK)
	String noAgreement(@PathVariable String reference, @ModelAttribute("noAgreementForm") DeskStepForm form,
			BindingResult result, RedirectAttributes redirect, Model model, HttpServletResponse response) {
		return step(reference, result, redirect, model, response, "mediation.desk.done.noAgreement",
				() -> disputes.noAgreement(reference, form.getClosedOn(), form.getReferral(), form.getNote(),
						scopes.current()));
	}

	@PostMapping("/{reference}/withdrawal")
	@PreAuthorize(MediationRoles.WORK)
	String withdraw(@PathVariable String reference, @ModelAttribute("withdrawalForm") DeskStepForm form,
			BindingResult result, RedirectAttributes redirect, Model model, HttpServletResponse response) {
		return step(reference, result, redirect, model, response, "mediation.desk.done.withdrawn",
				() -> disputes.withdraw(reference, form.getClosedOn(), form.getNote(), scopes.current()));
	}

	@PostMapping("/{reference}/follow-up")
	@PreAuthorize(MediationRoles.WORK)
	String followUp(@PathVariable String reference, @ModelAttribute("followUpForm") DeskStepForm form,
			BindingResult result, RedirectAttributes redirect, Model model, HttpServletResponse response) {
		return step(reference, result, redirect, model, response, "mediation.desk.done.followUp",
				() -> disputes.followUp(reference, form.getFollowedUpOn(), form.getCarriedOut(), form.getAction(),
						form.getReferral(), form.getNote(), scopes.current()));
	}

	@PostMapping("/{reference}/escalation")
	@PreAuthorize(MediationRoles.WORK)
	String escalate(@PathVariable String reference, @ModelAttribute("escalationForm") DeskStepForm form,
			BindingResult result, RedirectAttributes redirect, Model model, HttpServletResponse response) {
		return step(reference, result, redirect, model, response, "mediation.desk.done.escalated",
				() -> disputes.escalate(reference, form.getCaseNumber(), scopes.current()));
	}

	/** Runs a step; on success redirects to the dispute, otherwise shows the page with the problem. */
	private String step(String reference, BindingResult result, RedirectAttributes redirect, Model model,
			HttpServletResponse response, String notice, Runnable action) {
		disputes.get(reference, scopes.current()); // 404 outside the scope, before anything else
		try {
			action.run();
			redirect.addFlashAttribute("notice", notice);
			redirect.addAttribute("reference", Disputes.normaliseReference(reference));
			return "redirect:/desk/mediation/{reference}";
		}
		catch (InvalidInputException e) {
			if (result != null) {
				e.applyTo(result);
			}
		}
		catch (ConflictException e) {
			model.addAttribute("conflict", e);
			response.setStatus(HttpServletResponse.SC_CONFLICT);
		}
		return page(reference, model);
	}

	private String page(String reference, Model model) {
		UnitScope scope = scopes.current();
		Dispute d = disputes.get(reference, scope);
		LocalDate today = LocalDate.now(clock);
		List<Mediator> working = disputes.mediators(d);
		List<Mediator> roster = mediators.list(scope, d.unit(), false);
		Map<UUID, String> names = new HashMap<>();
		roster.forEach(m -> names.put(m.id(), m.name()));
		model.addAttribute("d", d);
		model.addAttribute("unit", organisation.find(new UnitId(d.unit())).orElse(null));
		model.addAttribute("referringUnit",
				d.referringUnit() == null ? null : organisation.find(new UnitId(d.referringUnit())).orElse(null));
		model.addAttribute("parties", disputes.parties(d));
		model.addAttribute("sessions", disputes.sessions(d));
		model.addAttribute("agreements", disputes.agreements(d));
		model.addAttribute("links", disputes.links(d));
		model.addAttribute("history", disputes.history(d));
		model.addAttribute("working", working);
		model.addAttribute("roster", roster.stream().filter(Mediator::active).toList());
		model.addAttribute("mediatorNames", names);
		model.addAttribute("today", today);
		model.addAttribute("followUpDays", disputes.followUpDays());
		model.addAttribute("risks", Risk.values());
		model.addAttribute("referrals", Referral.values());
		model.addAttribute("followUpActions",
				java.util.Arrays.stream(FollowUpAction.values()).filter(a -> a != FollowUpAction.NONE).toList());
		for (String name : STEP_FORMS) {
			if (!model.containsAttribute(name)) {
				DeskStepForm form = new DeskStepForm();
				form.setHeldOn(today.toString());
				form.setAgreedOn(today.toString());
				form.setClosedOn(today.toString());
				form.setFollowedUpOn(today.toString());
				form.setRisk(d.risk().name());
				form.setRiskReason(d.riskReason());
				model.addAttribute(name, form);
			}
		}
		return PAGE;
	}

	private Map<UUID, Unit> units(List<UUID> ids) {
		Map<UUID, Unit> units = new HashMap<>();
		ids.forEach(id -> units.computeIfAbsent(id, u -> organisation.find(new UnitId(u)).orElse(null)));
		return units;
	}

	static <E extends Enum<E>> E parse(Class<E> type, String value, E otherwise) {
		if (value == null || value.isBlank()) {
			return otherwise;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			return otherwise;
		}
	}
}
