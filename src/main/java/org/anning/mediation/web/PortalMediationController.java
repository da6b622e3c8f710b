package org.anning.mediation.web;

import org.anning.mediation.Category;
import org.anning.mediation.Dispute;
import org.anning.mediation.Disputes;
import org.anning.residents.ResidentPrincipal;
import org.anning.units.Organisation;
import org.anning.units.UnitId;
import org.anning.web.ConflictException;
import org.anning.web.InvalidInputException;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A signed-in resident asks for mediation (请求调解) and follows each request: its status, session dates, the
 * agreement's terms and the follow-up. A refused form keeps everything typed. While a request is in mediation,
 * the resident may withdraw it.
 */
@Controller
class PortalMediationController {

	static final String FORM = "mediation/portal/new";

	private final Disputes disputes;

	private final Organisation organisation;

	PortalMediationController(Disputes disputes, Organisation organisation) {
		this.disputes = disputes;
		this.organisation = organisation;
	}

	@InitBinder("request")
	void allowRequestFields(WebDataBinder binder) {
		binder.setAllowedFields("unit", "category", "account", "parties[*].name", "parties[*].contact");
		binder.setAutoGrowCollectionLimit(3);
	}

	@GetMapping("/me/mediation")
	String list(@AuthenticationPrincipal ResidentPrincipal resident, Model model) {
		model.addAttribute("disputes", disputes.mine(resident.id().value()));
		return "mediation/portal/list";
	}

	@GetMapping("/me/mediation/new")
	String initRequestForm(@AuthenticationPrincipal ResidentPrincipal resident, Model model) {
		PortalDisputeForm form = new PortalDisputeForm();
		form.getParties().get(0).setName(resident.name());
		return form(form, model);
	}

	@PostMapping("/me/mediation/new")
	String processRequestForm(@AuthenticationPrincipal ResidentPrincipal resident,
			@ModelAttribute("request") PortalDisputeForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		try {
			Dispute d = disputes.request(resident.id().value(), form.toNewDispute());
			redirect.addFlashAttribute("notice", "mediation.portal.sent");
			return "redirect:/me/mediation/" + d.reference();
		}
		catch (InvalidInputException e) {
			e.applyTo(result);
		}
		return form(form, model);
	}

	@GetMapping("/me/mediation/{reference}")
	String show(@AuthenticationPrincipal ResidentPrincipal resident, @PathVariable String reference, Model model) {
		return page(disputes.mine(resident.id().value(), reference), model);
	}

	@PostMapping("/me/mediation/{reference}/withdrawal")
	String withdraw(@AuthenticationPrincipal ResidentPrincipal resident, @PathVariable String reference,
			@RequestParam(required = false) String reason, Model model, RedirectAttributes redirect,
			jakarta.servlet.http.HttpServletResponse response) {
		try {
			Dispute d = disputes.withdrawMine(resident.id().value(), reference, reason);
			redirect.addFlashAttribute("notice", "mediation.portal.withdrawn");
			return "redirect:/me/mediation/" + d.reference();
		}
		catch (ConflictException e) {
			model.addAttribute("conflict", e);
			response.setStatus(jakarta.servlet.http.HttpServletResponse.SC_CONFLICT);
		}
		catch (InvalidInputException e) {
			model.addAttribute("reasonError", e.problems().get(0));
		}
		return page(disputes.mine(resident.id().value(), reference), model);
	}

	private String page(Dispute d, Model model) {
		model.addAttribute("d", d);
		model.addAttribute("unit", organisation.find(new UnitId(d.unit())).orElse(null));
		model.addAttribute("parties", disputes.parties(d));
		model.addAttribute("sessions", disputes.sessions(d));
		model.addAttribute("agreements", disputes.agreements(d));
		model.addAttribute("history", disputes.historyForResident(d));
		return "mediation/portal/dispute";
	}

	private String form(PortalDisputeForm form, Model model) {
		model.addAttribute("request", form);
		model.addAttribute("categories", Category.values());
		model.addAttribute("units", disputes.units());
		return FORM;
	}
}
