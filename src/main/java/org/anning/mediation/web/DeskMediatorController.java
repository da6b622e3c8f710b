package org.anning.mediation.web;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.anning.accounts.StaffPrincipal;
import org.anning.mediation.MediatorKind;
import org.anning.mediation.Mediators;
import org.anning.units.Organisation;
import org.anning.units.Unit;
import org.anning.units.UnitId;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The mediators of the units in scope (三所联动): the list, adding one, deactivating one. */
@Controller
@RequestMapping("/desk/mediation/mediators")
class DeskMediatorController {

	private final Mediators mediators;

	private final Organisation organisation;

	private final UnitScopes scopes;

	DeskMediatorController(Mediators mediators, Organisation organisation, UnitScopes scopes) {
		this.mediators = mediators;
		this.organisation = organisation;
		this.scopes = scopes;
	}

	@InitBinder("mediator")
	void allowMediatorFields(WebDataBinder binder) {
		binder.setAllowedFields("unit", "kind", "name", "organisation", "account");
	}

	@GetMapping
	@PreAuthorize(MediationRoles.READ)
	String initMediatorForm(Model model) {
		model.addAttribute("mediator", new MediatorForm());
		return page(model);
	}

	@PostMapping
	@PreAuthorize(MediationRoles.ROSTER)
	String processMediatorForm(@ModelAttribute("mediator") MediatorForm form, BindingResult result,
			@AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect, Model model) {
		try {
			mediators.add(form.getUnit(), form.getKind(), form.getName(), form.getOrganisation(), form.getAccount(),
					me.unitId().value(), scopes.current());
			redirect.addFlashAttribute("notice", "mediation.desk.mediators.added");
			return "redirect:/desk/mediation/mediators";
		}
		catch (InvalidInputException e) {
			e.applyTo(result);
		}
		return page(model);
	}

	@PostMapping("/{id}/deactivation")
	@PreAuthorize(MediationRoles.ROSTER)
	String deactivate(@PathVariable UUID id, RedirectAttributes redirect, Model model,
			jakarta.servlet.http.HttpServletResponse response) {
		try {
			mediators.deactivate(id, scopes.current());
			redirect.addFlashAttribute("notice", "mediation.desk.mediators.deactivated");
			return "redirect:/desk/mediation/mediators";
		}
		catch (ConflictException e) {
			model.addAttribute("conflict", e);
			response.setStatus(jakarta.servlet.http.HttpServletResponse.SC_CONFLICT);
		}
		model.addAttribute("mediator", new MediatorForm());
		return page(model);
	}

	private String page(Model model) {
		var list = mediators.list(scopes.current(), null, false);
		Map<UUID, Unit> units = new HashMap<>();
		list.forEach(m -> units.computeIfAbsent(m.unit(), u -> organisation.find(new UnitId(u)).orElse(null)));
		model.addAttribute("mediators", list);
		model.addAttribute("units", units);
		model.addAttribute("kinds", MediatorKind.values());
		model.addAttribute("unitChoices", organisation.visible(scopes.current()).stream().filter(Unit::active).toList());
		return "mediation/desk/mediators";
	}
}
