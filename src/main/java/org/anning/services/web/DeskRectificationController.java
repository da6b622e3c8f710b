package org.anning.services.web;

import java.time.Clock;
import java.time.LocalDate;

import org.anning.services.Ratings;
import org.anning.services.Rectification;
import org.anning.units.UnitScopes;
import org.anning.web.ConflictException;
import org.anning.web.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
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

/**
 * Rectification tasks after poor ratings: the station chief calls the resident back and says what was done;
 * command and auditors read along.
 */
@Controller
@RequestMapping("/desk/services/rectifications")
class DeskRectificationController {

	static final String READERS = "hasAnyRole('STATION_CHIEF','COMMAND','AUDITOR')";

	private final Ratings ratings;

	private final UnitScopes scopes;

	private final Clock clock;

	DeskRectificationController(Ratings ratings, UnitScopes scopes, Clock clock) {
		this.ratings = ratings;
		this.scopes = scopes;
		this.clock = clock;
	}

	@InitBinder("answer")
	void allowAnswerFields(WebDataBinder binder) {
		binder.setAllowedFields("calledBackOn", "callbackNote", "actionTaken");
	}

	@GetMapping
	@PreAuthorize(READERS)
	String showTasks(Model model) {
		model.addAttribute("tasks", ratings.tasks(scopes.current(), false));
		model.addAttribute("today", LocalDate.now(clock));
		return "services/desk/rectifications";
	}

	@GetMapping("/{reference}")
	@PreAuthorize(READERS)
	String initAnswerForm(@PathVariable String reference, Model model) {
		DeskAnswerForm form = new DeskAnswerForm();
		form.setCalledBackOn(LocalDate.now(clock).toString());
		model.addAttribute("answer", form);
		return task(ratings.task(reference, scopes.current()), model);
	}

	@PostMapping("/{reference}")
	@PreAuthorize("hasRole('STATION_CHIEF')")
	String processAnswerForm(@PathVariable String reference, @ModelAttribute("answer") DeskAnswerForm form,
			BindingResult result, RedirectAttributes redirect, Model model) {
		try {
			ratings.answer(reference, form.date(), form.getCallbackNote(), form.getActionTaken(), scopes.current());
			redirect.addFlashAttribute("notice", "services.desk.rectification.answered");
			redirect.addAttribute("reference", reference);
			return "redirect:/desk/services/rectifications/{reference}";
		}
		catch (InvalidInputException e) {
			e.applyTo(result);
		}
		catch (ConflictException e) {
			model.addAttribute("conflict", e);
		}
		return task(ratings.task(reference, scopes.current()), model);
	}

	private String task(Rectification task, Model model) {
		model.addAttribute("task", task);
		model.addAttribute("today", LocalDate.now(clock));
		return "services/desk/rectification";
	}
}
