package org.anning.audit;

import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The auditor's pages: the latest audit events, filtered, and the chain verification. */
@Controller
@PreAuthorize("hasRole('AUDITOR')")
class AuditorController {

	static final int PAGE = 100;

	private final AuditReading reading;

	AuditorController(AuditReading reading) {
		this.reading = reading;
	}

	@GetMapping("/desk/audit")
	String events(@RequestParam(required = false) String actor, @RequestParam(required = false) AuditAction action,
			@RequestParam(required = false) UUID subject, Model model) {
		model.addAttribute("events", reading.latest(PAGE, actor, action, subject));
		model.addAttribute("actions", AuditAction.values());
		model.addAttribute("actor", actor);
		model.addAttribute("action", action);
		model.addAttribute("subject", subject);
		return "desk/audit/events";
	}

	@PostMapping("/desk/audit/verification")
	String verify(RedirectAttributes redirect) {
		redirect.addFlashAttribute("verification", reading.verify());
		return "redirect:/desk/audit";
	}
}
