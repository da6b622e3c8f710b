package org.anning.notifications;

import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.anning.residents.ResidentPrincipal;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** A resident's inbox for their app, with the token issued at sign-in. */
@RestController
@Tag(name = "Notifications", description = "Residents' inboxes")
@PreAuthorize("hasRole('RESIDENT')") // as the filter chain demands for /api/v1/me/…
class NotificationApiController {

	private final Inbox inbox;

	private final NotificationLines lines;

	NotificationApiController(Inbox inbox, NotificationLines lines) {
		this.inbox = inbox;
		this.lines = lines;
	}

	@GetMapping("/api/v1/me/notifications")
	@Operation(summary = "The signed-in resident's notifications, newest first",
			description = "Messages in the language of Accept-Language (Chinese by default, English with en).")
	List<NotificationLines.Line> list(@AuthenticationPrincipal ResidentPrincipal principal, Locale locale) {
		return inbox.of(principal.id().value()).stream().map(n -> lines.of(n, locale)).toList();
	}

	@PostMapping("/api/v1/me/notifications/read")
	@Operation(summary = "Mark all of the signed-in resident's notifications read")
	@ApiResponse(responseCode = "204", description = "Marked")
	ResponseEntity<Void> markAllRead(@AuthenticationPrincipal ResidentPrincipal principal) {
		inbox.markAllRead(principal.id().value());
		return ResponseEntity.noContent().build();
	}
}
