package org.anning.outreach.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.anning.accounts.StaffPrincipal;
import org.anning.outreach.ConsentHow;
import org.anning.outreach.NewServiceVisit;
import org.anning.outreach.ServiceVisit;
import org.anning.outreach.ServiceVisits;
import org.anning.outreach.VisitReason;
import org.anning.outreach.VisitService;
import org.anning.services.Catalogue;
import org.anning.services.ServiceItem;
import org.anning.units.Organisation;
import org.anning.units.Unit;
import org.anning.units.UnitScopes;
import org.anning.web.ConflictException;
import org.anning.web.InvalidInputException;
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
 * Service visits on the desk: the visit form (which also works offline, see {@code static/outreach/offline.js}),
 * a visit's page with an audited open of the resident's record, and an application taken on the spot.
 */
@Controller
@RequestMapping("/desk/outreach/visits")
class DeskVisitController {

	private final ServiceVisits visits;

	private final Catalogue catalogue;

	private final Organisation organisation;

	private final UnitScopes scopes;

	private final OutreachViews views;

	private final Clock clock;

	DeskVisitController(ServiceVisits visits, Catalogue catalogue, Organisation organisation, UnitScopes scopes,
			OutreachViews views, Clock clock) {
		this.visits = visits;
		this.catalogue = catalogue;
		this.organisation = organisation;
		this.scopes = scopes;
		this.views = views;
		this.clock = clock;
	}

	@InitBinder("visit")
	void allowVisitFields(WebDataBinder binder) {
		binder.setAllowedFields("unit", "resident", "reason", "consent", "consentHow", "consentOn", "services", "note",
				"place", "visitedOn", "everyWeeks");
	}

	@InitBinder("application")
	void allowApplicationFields(WebDataBinder binder) {
		binder.setAllowedFields("item", "unit", "note");
	}

	@GetMapping("/new")
	@PreAuthorize(OutreachRoles.RECORD)
	String initVisitForm(@RequestParam(required = false) String resident, Model model) {
		VisitForm form = new VisitForm();
		form.setResident(resident);
		form.setVisitedOn(LocalDate.now(clock).toString());
		model.addAttribute("visit", form);
		return visitForm(model);
	}

	@PostMapping("/new")
	@PreAuthorize(OutreachRoles.RECORD)
	String processVisitForm(@ModelAttribute("visit") VisitForm form, BindingResult result,
			@AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect, Model model) {
		try {
			Boolean consent = form.getConsent() == null || form.getConsent().isBlank() ? null
					: Boolean.valueOf("true".equals(form.getConsent()));
			ServiceVisit v = visits.record(new NewServiceVisit(form.getUnit(), form.getResident(), form.getReason(),
					consent, form.getConsentHow(), form.getConsentOn(), form.getServices(), form.getNote(),
					form.getPlace(), form.getVisitedOn(), form.getEveryWeeks()), me.accountId().value(),
					me.unitId().value(), scopes.current(), null);
			redirect.addFlashAttribute("notice", "outreach.desk.done.visit");
			redirect.addAttribute("reference", v.reference());
			return "redirect:/desk/outreach/visits/{reference}";
		}
		catch (InvalidInputException e) {
			e.applyTo(result);
		}
		return visitForm(model);
	}

	private String visitForm(Model model) {
		model.addAttribute("unitChoices", organisation.visible(scopes.current()).stream().filter(Unit::active).toList());
		model.addAttribute("reasons", VisitReason.values());
		model.addAttribute("consentHows", ConsentHow.values());
		model.addAttribute("services",
				Arrays.stream(VisitService.values()).filter(s -> s != VisitService.APPLICATION_TAKEN).toList());
		return "outreach/visit-form";
	}

	@GetMapping("/{reference}")
	@PreAuthorize(OutreachRoles.READ)
	String showVisit(@PathVariable String reference, Model model, Locale locale) {
		return page(reference, model, locale);
	}

	/** Shows the resident's name and numbers: an audited read for the purpose of this visit. */
	@PostMapping("/{reference}/resident")
	@PreAuthorize(OutreachRoles.RECORD + " or hasRole('AUDITOR')")
	String openResident(@PathVariable String reference, Model model, Locale locale) {
		model.addAttribute("resident", visits.openResident(reference, scopes.current()));
		return page(reference, model, locale);
	}

	@PostMapping("/{reference}/application")
	@PreAuthorize(OutreachRoles.RECORD)
	String takeApplication(@PathVariable String reference, @ModelAttribute("application") ApplicationForm form,
			BindingResult result, RedirectAttributes redirect, Model model, Locale locale, HttpServletResponse response) {
		try {
			ServiceVisit v = visits.takeApplication(reference, form.getItem(), form.getUnit(), form.getNote(),
					scopes.current());
			redirect.addFlashAttribute("notice", "outreach.desk.done.application");
			redirect.addAttribute("reference", v.reference());
			return "redirect:/desk/outreach/visits/{reference}";
		}
		catch (InvalidInputException e) {
			e.problems()
				.forEach(p -> result.rejectValue(
						p.field().equals("item") || p.field().equals("unit") || p.field().equals("note") ? p.field() : "item",
						p.code(), p.args(), p.code()));
		}
		catch (ConflictException e) {
			model.addAttribute("conflict", e);
			response.setStatus(HttpServletResponse.SC_CONFLICT);
		}
		return page(reference, model, locale);
	}

	private String page(String reference, Model model, Locale locale) {
		ServiceVisit v = visits.get(reference, scopes.current());
		model.addAttribute("v", v);
		model.addAttribute("unitName", views.unitName(v.unit(), locale));
		model.addAttribute("plan", visits.plan(v).orElse(null));
		model.addAttribute("history", visits.history(v, scopes.current()));
		model.addAttribute("items", catalogue.items(true).stream().filter(ServiceItem::online).toList());
		if (!model.containsAttribute("application")) {
			model.addAttribute("application", new ApplicationForm());
		}
		return "outreach/visit";
	}
}
