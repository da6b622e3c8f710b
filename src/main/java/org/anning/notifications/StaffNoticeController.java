package org.anning.notifications;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.UUID;

import org.anning.accounts.StaffPrincipal;
import org.anning.web.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The notices addressed to the signed-in staff user on the desk, newest first, unread ones marked; marking one or
 * all read is a plain form POST that redirects back, so the page works without JavaScript.
 */
@Controller
@RequestMapping("/desk/notices")
class StaffNoticeController {

	private final StaffNotices notices;

	private final StaffNoticeLines lines;

	private final Clock clock;

	StaffNoticeController(StaffNotices notices, StaffNoticeLines lines, Clock clock) {
		this.notices = notices;
		this.lines = lines;
		this.clock = clock;
	}

	@GetMapping
	String list(@AuthenticationPrincipal StaffPrincipal principal, Locale locale, Model model) {
		var rows = notices.of(principal)
			.stream()
			.map(n -> lines.of(n, locale))
			.map(line -> new Row(line, LocalDateTime.ofInstant(line.createdAt(), clock.getZone())))
			.toList();
		model.addAttribute("notices", rows);
		model.addAttribute("unread", rows.stream().filter(r -> !r.line().read()).count());
		return "notifications/desk/notices";
	}

	@PostMapping("/{id}/read")
	String markRead(@PathVariable String id, @AuthenticationPrincipal StaffPrincipal principal,
			RedirectAttributes redirect) {
		notices.markRead(parse(id), principal);
		redirect.addFlashAttribute("notice", "notifications.notices.markedOneRead");
		return "redirect:/desk/notices";
	}

	@PostMapping("/read-all")
	String markAllRead(@AuthenticationPrincipal StaffPrincipal principal, RedirectAttributes redirect) {
		notices.markAllRead(principal);
		redirect.addFlashAttribute("notice", "notifications.notices.markedRead");
		return "redirect:/desk/notices";
	}

	/** A notice's identifier as typed in a URL; anything else names no notice. */
	static UUID parse(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException e) {
			throw new NotFoundException("notice");
		}
	}

	/** A notice with its time in the bureau's zone. */
	record Row(StaffNoticeLines.Line line, LocalDateTime at) {
	}
}
