package org.anning.residents;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The portal's front page and its sign-in page (the form is processed by Spring Security). */
@Controller
class PortalController {

	@GetMapping("/")
	String home() {
		return "portal/home";
	}

	@GetMapping("/signin")
	String initSignInForm(@AuthenticationPrincipal ResidentPrincipal resident) {
		return resident != null ? "redirect:/me" : "portal/signin";
	}
}
