package org.anning.outreach.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import org.anning.accounts.StaffPrincipal;
import org.anning.outreach.NewPublicityEvent;
import org.anning.outreach.Publicity;
import org.anning.outreach.PublicityEvent;
import org.anning.outreach.PublicityTopic;
import org.anning.units.Organisation;
import org.anning.units.Unit;
import org.anning.units.UnitScopes;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Publicity events on the desk: the form and an event's page. */
@Controller
@RequestMapping("/desk/outreach/publicity")
class DeskPublicityController {

	private final Publicity publicity;

	private final Organisation organisation;

	private final UnitScopes scopes;

	private final OutreachViews views;

	private final Clock clock;

	DeskPublicityController(Publicity publicity, Organisation organisation, UnitScopes scopes, OutreachViews views,
			Clock clock) {
		this.publicity = publicity;
		this.organisation = organisation;
		this.scopes = scopes;
		this.views = views;
		this.clock = clock;
	}

	@InitBinder("event")
	void allowEventFields(WebDataBinder binder) {
		binder.setAllowedFields("unit", "topic", "title", "place", "heldOn", "attendance", "materialsCount", "materials",
				"partners");
	}

	@GetMapping("/new")
	@PreAuthorize(OutreachRoles.RECORD)
	String initEventForm(Model model) {
		PublicityForm form = new PublicityForm();
		form.setHeldOn(LocalDate.now(clock).toString());
		model.addAttribute("event", form);
		return eventForm(model);
	}

	@PostMapping("/new")
	@PreAuthorize(OutreachRoles.RECORD)
	String processEventForm(@ModelAttribute("event") PublicityForm form, BindingResult result,
			@AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect, Model model) {
		try {
			PublicityEvent e = publicity.record(new NewPublicityEvent(form.getUnit(), form.getTopic(), form.getTitle(),
					form.getPlace(), form.getHeldOn(), form.getAttendance(), form.getMaterialsCount(), form.getMaterials(),
					form.getPartners()), me.accountId().value(), me.unitId().value(), scopes.current(), null);
			redirect.addFlashAttribute("notice", "outreach.desk.done.publicity");
			redirect.addAttribute("reference", e.reference());
			return "redirect:/desk/outreach/publicity/{reference}";
		}
		catch (InvalidInputException e) {
			e.applyTo(result);
		}
		return eventForm(model);
	}

	private String eventForm(Model model) {
		model.addAttribute("unitChoices", organisation.visible(scopes.current()).stream().filter(Unit::active).toList());
		model.addAttribute("topics", PublicityTopic.values());
		return "outreach/publicity-form";
	}

	@GetMapping("/{reference}")
	@PreAuthorize(OutreachRoles.READ)
	String showEvent(@PathVariable String reference, Model model, Locale locale) {
		PublicityEvent e = publicity.get(reference, scopes.current());
		model.addAttribute("e", e);
		model.addAttribute("unitName", views.unitName(e.unit(), locale));
		return "outreach/publicity";
	}
}
