package org.anning.notifications;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Locale;

import org.anning.residents.ResidentPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A resident's inbox on the portal, newest first, and marking it all read. */
@Controller
class NotificationController {

	private final Inbox inbox;

	private final NotificationLines lines;

	private final Clock clock;

	NotificationController(Inbox inbox, NotificationLines lines, Clock clock) {
		this.inbox = inbox;
		this.lines = lines;
		this.clock = clock;
	}

	@GetMapping("/me/notifications")
	String list(@AuthenticationPrincipal ResidentPrincipal principal, Locale locale, Model model) {
		model.addAttribute("notifications", inbox.of(principal.id().value())
			.stream()
			.map(n -> lines.of(n, locale))
			.map(line -> new Row(line, LocalDateTime.ofInstant(line.createdAt(), clock.getZone())))
			.toList());
		return "notifications/list";
	}

	@PostMapping("/me/notifications/read")
	String markAllRead(@AuthenticationPrincipal ResidentPrincipal principal, RedirectAttributes redirect) {
		inbox.markAllRead(principal.id().value());
		redirect.addFlashAttribute("notice", "notifications.markedRead");
		return "redirect:/me/notifications";
	}

	/** An entry with its time in the bureau's zone. */
	record Row(NotificationLines.Line line, LocalDateTime at) {
	}
}
