package org.anning.residents;

import java.time.Clock;
import java.time.LocalDate;

import org.anning.web.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** A resident's own account: what is stored about them, masked. */
@Controller
class MyAccountController {

	private final Residents residents;

	private final Clock clock;

	MyAccountController(Residents residents, Clock clock) {
		this.residents = residents;
		this.clock = clock;
	}

	@GetMapping({ "/me", "/me/" })
	String show(@AuthenticationPrincipal ResidentPrincipal principal, Model model) {
		Resident resident = residents.find(principal.id()).orElseThrow(() -> new NotFoundException("resident"));
		model.addAttribute("resident", resident);
		model.addAttribute("registeredOn", LocalDate.ofInstant(resident.registeredAt(), clock.getZone()));
		return "portal/me";
	}
}
