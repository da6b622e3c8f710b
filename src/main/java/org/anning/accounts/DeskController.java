package org.anning.accounts;

import java.util.Comparator;

import org.anning.units.Organisation;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff desk's home: who is signed in, in which unit, with which roles. */
@Controller
class DeskController {

	private final Organisation organisation;

	DeskController(Organisation organisation) {
		this.organisation = organisation;
	}

	@GetMapping({ "/desk", "/desk/" })
	String home(@AuthenticationPrincipal StaffPrincipal principal, Model model) {
		model.addAttribute("me", principal);
		model.addAttribute("unit", organisation.find(principal.unitId()).orElse(null));
		model.addAttribute("roles", principal.roles().stream().sorted(Comparator.naturalOrder()).toList());
		return "desk/home";
	}
}
