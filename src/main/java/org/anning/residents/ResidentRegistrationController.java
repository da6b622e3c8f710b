package org.anning.residents;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The registration page: on success the resident is signed in and sees their account. */
@Controller
class ResidentRegistrationController {

	static final String VIEW = "portal/register";

	private final Residents residents;

	private final ResidentSessions sessions;

	ResidentRegistrationController(Residents residents, ResidentSessions sessions) {
		this.residents = residents;
		this.sessions = sessions;
	}

	@InitBinder("registration")
	void allowFormFields(WebDataBinder binder) {
		binder.setAllowedFields("name", "idNumber", "mobile", "password");
	}

	@GetMapping("/register")
	String initRegistrationForm(@AuthenticationPrincipal ResidentPrincipal resident, Model model) {
		if (resident != null) {
			return "redirect:/me";
		}
		model.addAttribute("registration", new RegistrationForm());
		return VIEW;
	}

	@PostMapping("/register")
	String processRegistrationForm(@ModelAttribute("registration") RegistrationForm form, BindingResult result,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			Resident resident = residents.register(form.toNewResident());
			sessions.signIn(resident.principal(), request, response);
			redirect.addFlashAttribute("notice", "portal.register.done");
			return "redirect:/me";
		}
		catch (InvalidInputException e) {
			e.applyTo(result);
		}
		catch (ConflictException e) {
			result.rejectValue("idNumber", e.code(), e.args(), e.code());
		}
		form.setPassword(null); // a password is typed again, never sent back into the page
		return VIEW;
	}
}
