package org.anning.services.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.anning.accounts.AccountId;
import org.anning.accounts.StaffAccount;
import org.anning.accounts.StaffAccounts;
import org.anning.accounts.StaffPrincipal;
import org.anning.services.Application;
import org.anning.services.ApplicationFile;
import org.anning.services.ApplicationStatus;
import org.anning.services.Applications;
import org.anning.services.Material;
import org.anning.services.Queue;
import org.anning.services.SupplementNotice;
import org.anning.services.Worklists;
import org.anning.services.web.ApiViews.Applicant;
import org.anning.services.web.ApiViews.QueueCount;
import org.anning.services.web.ApiViews.StaffApplication;
import org.anning.services.web.ApiViews.StaffLine;
import org.anning.units.UnitScope;
import org.anning.units.UnitScopes;
import org.anning.web.InvalidInputException;
import org.anning.web.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The staff side of the service hall over JSON, with staff bearer tokens: worklists, the application, and every
 * step of handling it, with the same rules and roles as the desk pages. Applications of units outside the
 * caller's scope (and drafts) are not found.
 */
@RestController
@RequestMapping("/api/v1/applications")
@PreAuthorize(ApplicationDeskApi.READ)
@Tag(name = "Service hall: desk", description = "Worklists and handling of applications (staff token)")
class ApplicationDeskApi {

	static final String READ = "hasAnyRole('FRONT_DESK','REVIEWER','STATION_CHIEF','COMMAND','AUDITOR')";

	static final String INTAKE = "hasAnyRole('FRONT_DESK','STATION_CHIEF')";

	static final String REVIEW = "hasAnyRole('REVIEWER','STATION_CHIEF')";

	/** Returning for supplement: at intake by the front desk, during review by the reviewer. */
	static final String SUPPLEMENT = "hasAnyRole('FRONT_DESK','REVIEWER','STATION_CHIEF')";

	static final String FINISH = "hasAnyRole('FRONT_DESK','REVIEWER','STATION_CHIEF')";

	static final String ASSIGN = "hasAnyRole('FRONT_DESK','STATION_CHIEF')";

	private final Applications applications;

	private final Worklists worklists;

	private final StaffAccounts accounts;

	private final UnitScopes scopes;

	private final ApiViews views;

	ApplicationDeskApi(Applications applications, Worklists worklists, StaffAccounts accounts, UnitScopes scopes,
			ApiViews views) {
		this.applications = applications;
		this.worklists = worklists;
		this.accounts = accounts;
		this.scopes = scopes;
		this.views = views;
	}

	record NoticeBody(List<NoticeItemBody> items, String remarks) {
	}

	record NoticeItemBody(String requirement, SupplementNotice.Problem problem, String note) {
	}

	record ReasonBody(String reason) {
	}

	record AssignBody(String account) {
	}

	@GetMapping
	@Operation(summary = "A worklist of the caller's scope",
			description = "queue: TO_ACCEPT, TO_REVIEW, DUE_SOON, OVERDUE, RETURNED, TO_CLOSE, MINE or ALL (default); "
					+ "optionally one item (code) and one status. No personal data of applicants.")
	List<StaffLine> list(@AuthenticationPrincipal StaffPrincipal me,
			@RequestParam(defaultValue = "ALL") Queue queue, @RequestParam(required = false) String item,
			@RequestParam(required = false) ApplicationStatus status) {
		return worklists.list(queue, scope(), item == null || item.isBlank() ? null : item.strip(), status, me(me))
			.stream()
			.map(views::staffLine)
			.toList();
	}

	@GetMapping("/queues")
	@Operation(summary = "How many applications each worklist holds")
	List<QueueCount> queues(@AuthenticationPrincipal StaffPrincipal me) {
		Map<Queue, Integer> counts = worklists.counts(scope(), me(me));
		return Arrays.stream(Queue.values())
			.map(q -> new QueueCount(q.name(), views.text(q.messageKey()), counts.getOrDefault(q, 0)))
			.toList();
	}

	/**
	 * The application with its applicant's name and masked identity number. Opening it is an audited read of the
	 * applicant's personal data (purpose: handling this application): it is recorded in the audit trail and
	 * appears in the resident's access log, so clients should call it when a person opens the application, not
	 * to poll; worklists and the step endpoints answer without personal data.
	 */
	@GetMapping("/{reference}")
	@Operation(summary = "Open an application (an audited read of the applicant)")
	@ApiResponse(responseCode = "404", description = "No such application in the caller's scope")
	StaffApplication open(@PathVariable String reference) {
		ApplicationFile file = applications.open(reference, scope());
		return views.staff(file.application(),
				new Applicant(file.applicant().name(), file.applicant().maskedIdNumber()));
	}

	@GetMapping("/{reference}/materials/{id}")
	@Operation(summary = "Download a file the resident sent")
	@ApiResponse(responseCode = "404", description = "No such application in scope, or no such file")
	ResponseEntity<byte[]> material(@PathVariable String reference, @PathVariable UUID id) {
		Application a = applications.get(reference, scope());
		Material material = applications.materials(a)
			.stream()
			.filter(m -> m.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("material"));
		byte[] content = applications.materialContent(a, id).orElseThrow(() -> new NotFoundException("material"));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(material.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(material.fileName(), java.nio.charset.StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(content);
	}

	@PostMapping("/{reference}/accept")
	@PreAuthorize(INTAKE)
	@Operation(summary = "Accept at intake; the deadline starts")
	@ApiResponse(responseCode = "409", description = "The status does not allow it")
	StaffLine accept(@PathVariable String reference) {
		return views.staffLine(applications.accept(reference, scope()));
	}

	@PostMapping("/{reference}/return")
	@PreAuthorize(SUPPLEMENT)
	@Operation(summary = "Return for supplement with one complete notice",
			description = "items: [{requirement, problem MISSING|INCORRECT, note}], remarks.")
	@ApiResponse(responseCode = "422", description = "Unknown or repeated requirement, empty notice, too long texts")
	StaffLine returnForSupplement(@PathVariable String reference, @RequestBody NoticeBody body) {
		List<SupplementNotice.Item> items = body.items() == null ? List.of()
				: body.items()
					.stream()
					.map(i -> new SupplementNotice.Item(i.requirement(), i.problem(), i.note()))
					.toList();
		return views.staffLine(applications.returnForSupplement(reference, items, body.remarks(), scope()));
	}

	@PostMapping("/{reference}/refuse")
	@PreAuthorize(INTAKE)
	@Operation(summary = "Refuse at intake, with the reason")
	StaffLine refuse(@PathVariable String reference, @RequestBody ReasonBody body) {
		return views.staffLine(applications.refuse(reference, body.reason(), scope()));
	}

	@PostMapping("/{reference}/review")
	@PreAuthorize(REVIEW)
	@Operation(summary = "Start the review")
	StaffLine review(@PathVariable String reference) {
		return views.staffLine(applications.startReview(reference, scope()));
	}

	@PostMapping("/{reference}/approve")
	@PreAuthorize(REVIEW)
	@Operation(summary = "Approve")
	StaffLine approve(@PathVariable String reference) {
		return views.staffLine(applications.approve(reference, scope()));
	}

	@PostMapping("/{reference}/deny")
	@PreAuthorize(REVIEW)
	@Operation(summary = "Deny, with the reason")
	StaffLine deny(@PathVariable String reference, @RequestBody ReasonBody body) {
		return views.staffLine(applications.deny(reference, body.reason(), scope()));
	}

	@PostMapping("/{reference}/ready")
	@PreAuthorize(FINISH)
	@Operation(summary = "The result is ready for collection")
	StaffLine ready(@PathVariable String reference) {
		return views.staffLine(applications.readyForCollection(reference, scope()));
	}

	@PostMapping("/{reference}/delivered")
	@PreAuthorize(FINISH)
	@Operation(summary = "The result was sent by post")
	StaffLine delivered(@PathVariable String reference) {
		return views.staffLine(applications.delivered(reference, scope()));
	}

	@PostMapping("/{reference}/close")
	@PreAuthorize(FINISH)
	@Operation(summary = "Close the application; the resident may rate it")
	StaffLine close(@PathVariable String reference) {
		return views.staffLine(applications.close(reference, scope()));
	}

	@PostMapping("/{reference}/assign")
	@PreAuthorize(ASSIGN)
	@Operation(summary = "Assign to an active staff member in the caller's scope")
	@ApiResponse(responseCode = "422", description = "No such active staff member in scope (field account)")
	StaffLine assign(@PathVariable String reference, @RequestBody AssignBody body) {
		UnitScope scope = scope();
		applications.get(reference, scope); // an application out of scope is 404 before the assignee is judged
		StaffAccount assignee = assignee(body.account(), scope);
		return views.staffLine(applications.assign(reference, assignee.id().value(), scope));
	}

	private StaffAccount assignee(String account, UnitScope scope) {
		try {
			StaffAccount found = accounts.get(new AccountId(UUID.fromString(account.strip())), scope);
			if (found.active()) {
				return found;
			}
		}
		catch (NotFoundException | IllegalArgumentException | NullPointerException e) {
			// the same answer for a malformed, unknown, out-of-scope or inactive account
		}
		throw new InvalidInputException("account", "services.application.assignee.unknown");
	}

	private UnitScope scope() {
		return scopes.current();
	}

	private static UUID me(StaffPrincipal me) {
		return me == null ? null : me.accountId().value();
	}
}
