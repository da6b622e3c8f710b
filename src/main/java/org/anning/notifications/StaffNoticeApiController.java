package org.anning.notifications;

import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.anning.accounts.StaffPrincipal;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The notices addressed to the caller, with a staff token: the same list and the same marking as the desk page.
 * A notice addressed to another unit or role is not found.
 */
@RestController
@RequestMapping("/api/v1/notices")
@Tag(name = "Staff notices", description = "Notices addressed to a role at the caller's unit (staff token)")
class StaffNoticeApiController {

	private final StaffNotices notices;

	private final StaffNoticeLines lines;

	StaffNoticeApiController(StaffNotices notices, StaffNoticeLines lines) {
		this.notices = notices;
		this.lines = lines;
	}

	@GetMapping
	@Operation(summary = "Notices addressed to the caller's roles at their unit, newest first",
			description = "At most 100. Messages in the language of Accept-Language (Chinese by default, English "
					+ "with en); read tells whether the caller has marked the notice read.")
	List<StaffNoticeLines.Line> list(@AuthenticationPrincipal StaffPrincipal principal, Locale locale) {
		return notices.of(principal).stream().map(n -> lines.of(n, locale)).toList();
	}

	@PostMapping("/{id}/read")
	@Operation(summary = "Mark one notice read for the caller")
	@ApiResponse(responseCode = "204", description = "Marked (also when it was read already)")
	@ApiResponse(responseCode = "404", description = "No such notice addressed to the caller")
	ResponseEntity<Void> markRead(@PathVariable String id, @AuthenticationPrincipal StaffPrincipal principal) {
		notices.markRead(StaffNoticeController.parse(id), principal);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/read-all")
	@Operation(summary = "Mark every notice addressed to the caller read")
	@ApiResponse(responseCode = "204", description = "Marked")
	ResponseEntity<Void> markAllRead(@AuthenticationPrincipal StaffPrincipal principal) {
		notices.markAllRead(principal);
		return ResponseEntity.noContent().build();
	}
}
