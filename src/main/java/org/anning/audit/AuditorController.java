package org.anning.audit;

import java.util.List;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The auditor's pages: the latest audit events, filtered, and the chain verification. */
@Controller
@PreAuthorize("hasRole('AUDITOR')")
class AuditorController {

	static final int PAGE = 100;

	private final AuditRepository events;

	private final ChainVerifier verifier;

	private final AuditTrail trail;

	AuditorController(AuditRepository events, ChainVerifier verifier, AuditTrail trail) {
		this.events = events;
		this.verifier = verifier;
		this.trail = trail;
	}

	@GetMapping("/desk/audit")
	@Transactional
	String events(@RequestParam(required = false) String actor, @RequestParam(required = false) AuditAction action,
			@RequestParam(required = false) UUID subject, Model model) {
		List<AuditRecord> latest = events.latest(PAGE, StringUtils.hasText(actor) ? actor.strip() : null, action, subject);
		trail.record(AuditEntry.of(AuditAction.AUDIT_VIEWED, "audit-event", null)
			.detail("filters actor=" + actor + " action=" + action + " subject=" + subject));
		model.addAttribute("events", latest);
		model.addAttribute("actions", AuditAction.values());
		model.addAttribute("actor", actor);
		model.addAttribute("action", action);
		model.addAttribute("subject", subject);
		return "desk/audit/events";
	}

	@PostMapping("/desk/audit/verification")
	String verify(RedirectAttributes redirect) {
		Verification result = verifier.verify();
		trail.record(AuditEntry.of(AuditAction.AUDIT_VERIFIED, "audit-chain", null).detail(result.summary()));
		redirect.addFlashAttribute("verification", result);
		return "redirect:/desk/audit";
	}
}
