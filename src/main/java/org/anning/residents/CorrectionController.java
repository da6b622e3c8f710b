package org.anning.residents;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.UUID;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Correction of a resident's name or mobile number: the resident asks on the portal, and front-desk staff or a
 * station chief approve or reject it on the desk.
 */
@Controller
class CorrectionController {

	private static final String FORM = "portal/correction";

	private static final String REVIEW = "desk/residents/corrections";

	private final Corrections corrections;

	private final Clock clock;

	CorrectionController(Corrections corrections, Clock clock) {
		this.corrections = corrections;
		this.clock = clock;
	}

	@InitBinder("correction")
	void allowFormFields(WebDataBinder binder) {
		binder.setAllowedFields("field", "value", "reason");
	}

	@GetMapping("/me/corrections/new")
	String initCorrectionForm(Model model) {
		model.addAttribute("correction", new CorrectionForm());
		return correctionPage(model);
	}

	@PostMapping("/me/corrections/new")
	String processCorrectionForm(@AuthenticationPrincipal ResidentPrincipal principal,
			@ModelAttribute("correction") CorrectionForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		try {
			corrections.request(principal.id(), form.getField(), form.getValue(), form.getReason());
			redirect.addFlashAttribute("notice", "residents.correction.requested");
			return "redirect:/me";
		}
		catch (InvalidInputException e) {
			e.applyTo(result);
		}
		return correctionPage(model);
	}

	@GetMapping("/desk/corrections")
	@PreAuthorize("hasAnyRole('FRONT_DESK','STATION_CHIEF')")
	String review(Model model) {
		model.addAttribute("corrections", corrections.open()
			.stream()
			.map(c -> new Row(c, LocalDateTime.ofInstant(c.requestedAt(), clock.getZone())))
			.toList());
		return REVIEW;
	}

	@PostMapping("/desk/corrections/{id}/approve")
	@PreAuthorize("hasAnyRole('FRONT_DESK','STATION_CHIEF')")
	String approve(@PathVariable UUID id, RedirectAttributes redirect) {
		corrections.approve(id);
		redirect.addFlashAttribute("notice", "residents.correction.approved");
		return "redirect:/desk/corrections";
	}

	@PostMapping("/desk/corrections/{id}/reject")
	@PreAuthorize("hasAnyRole('FRONT_DESK','STATION_CHIEF')")
	String reject(@PathVariable UUID id, RedirectAttributes redirect) {
		corrections.reject(id);
		redirect.addFlashAttribute("notice", "residents.correction.rejected");
		return "redirect:/desk/corrections";
	}

	private String correctionPage(Model model) {
		model.addAttribute("fields", Corrections.Field.values());
		model.addAttribute("reasonMaxLength", Corrections.REASON_MAX_LENGTH);
		return FORM;
	}

	/** A request on the review page, with its local time. */
	record Row(Corrections.Correction correction, LocalDateTime requestedAt) {

		public String fieldKey() {
			return correction.field().messageKey();
		}
	}
}
