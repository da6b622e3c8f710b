package org.anning.cases.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.anning.accounts.AccountId;
import org.anning.accounts.StaffAccount;
import org.anning.accounts.StaffAccounts;
import org.anning.accounts.StaffPrincipal;
import org.anning.cases.CaseFile;
import org.anning.cases.CaseSearch;
import org.anning.cases.CaseStatus;
import org.anning.cases.Cases;
import org.anning.cases.NewCase;
import org.anning.cases.web.CaseApiViews.CaseDetail;
import org.anning.cases.web.CaseApiViews.CaseLine;
import org.anning.cases.web.CaseApiViews.EventView;
import org.anning.cases.web.CaseApiViews.HitView;
import org.anning.cases.web.CaseApiViews.VictimView;
import org.anning.units.UnitScope;
import org.anning.units.UnitScopes;
import org.anning.web.InvalidInputException;
import org.anning.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cases over JSON for staff, with staff bearer tokens: lists and search, registration, status changes, victims,
 * and the money and people events, with the same rules and roles as the desk pages. Cases of units outside the
 * caller's scope are not found. Dates are ISO dates ({@code 2026-11-20}; empty means today where a date may
 * default); amounts are JSON numbers in yuan with two decimals ({@code 8000.00}), in and out. Apprehensions are
 * numbers of people, never anyone's identity.
 */
@RestController
@RequestMapping("/api/v1/cases")
@PreAuthorize(ReportIntakeApi.READ)
@Tag(name = "Cases", description = "Case records, their status, victims, money and people (staff token)")
class CaseApi {

	static final String HANDLE = ReportIntakeApi.HANDLE;

	private final Cases cases;

	private final CaseSearch search;

	private final StaffAccounts accounts;

	private final UnitScopes scopes;

	private final CaseApiViews views;

	CaseApi(Cases cases, CaseSearch search, StaffAccounts accounts, UnitScopes scopes, CaseApiViews views) {
		this.cases = cases;
		this.search = search;
		this.accounts = accounts;
		this.scopes = scopes;
		this.views = views;
	}

	record NewCaseBody(String unit, String category, String occurredOn, String registeredOn, String place,
			String narrative) {
	}

	record ClearBody(String on, String how) {
	}

	record ReasonBody(String on, String reason) {
	}

	record AssignBody(String account) {
	}

	record LinkBody(String otherCase) {
	}

	record VictimBody(String label, BigDecimal loss) {
	}

	/** type STOP_PAYMENT|FREEZE|RETURN (with amount) or APPREHENSION (with people); victim: a victim's id or empty. */
	record EventBody(String type, String on, BigDecimal amount, Integer people, String victim, String note) {
	}

	@GetMapping
	@Operation(summary = "Cases of the caller's scope, newest first",
			description = "status, category (a taxonomy code; includes the codes below it), limit (at most 500).")
	List<CaseLine> list(@RequestParam(required = false) CaseStatus status,
			@RequestParam(required = false) String category, @RequestParam(defaultValue = "100") int limit) {
		return cases.list(scope(), status, category, limit).stream().map(views::caseLine).toList();
	}

	@GetMapping("/search")
	@Operation(summary = "Search cases and reports of the caller's scope",
			description = "q: Chinese or English words, a case number or a report number; every word must match. "
					+ "Hits carry no personal data.")
	List<HitView> search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "50") int limit) {
		return search.search(q, scope(), limit).stream().map(views::hit).toList();
	}

	@PostMapping
	@PreAuthorize(HANDLE)
	@Operation(summary = "Register a case (立案)",
			description = "unit (code; empty for the caller's own), category, occurredOn, registeredOn (empty: "
					+ "today), place, narrative.")
	@ApiResponse(responseCode = "201", description = "The case; Location names it")
	@ApiResponse(responseCode = "422", description = "Invalid fields, listed in errors [{field, message}]")
	ResponseEntity<CaseDetail> register(@AuthenticationPrincipal StaffPrincipal me, @RequestBody NewCaseBody body) {
		CaseFile c = cases.register(new NewCase(body.unit(), body.category(), body.occurredOn(), body.registeredOn(),
				body.place(), body.narrative()), me.unitId().value(), scope());
		return ResponseEntity.created(URI.create("/api/v1/cases/" + c.caseNumber())).body(views.detail(c));
	}

	@GetMapping("/{number}")
	@Operation(summary = "A case with its victims, events, sums, reports, series and history",
			description = "sums: stopPaid, frozen, returned (yuan) and apprehended (people).")
	@ApiResponse(responseCode = "404", description = "No such case in the caller's scope")
	CaseDetail get(@PathVariable String number) {
		return views.detail(cases.get(number, scope()));
	}

	@PostMapping("/{number}/investigation")
	@PreAuthorize(HANDLE)
	@Operation(summary = "Start the investigation (from registered or suspended)")
	@ApiResponse(responseCode = "409", description = "The status does not allow it")
	CaseDetail startInvestigation(@PathVariable String number) {
		return views.detail(cases.startInvestigation(number, scope()));
	}

	@PostMapping("/{number}/clear")
	@PreAuthorize(HANDLE)
	@Operation(summary = "Clear the case (破案): on (date, not before registration), how")
	@ApiResponse(responseCode = "409", description = "The case is closed or cleared already")
	@ApiResponse(responseCode = "422", description = "Invalid date (field clearedOn) or missing how (clearedHow)")
	CaseDetail clear(@PathVariable String number, @RequestBody ClearBody body) {
		return views.detail(cases.clear(number, body.on(), body.how(), scope()));
	}

	@PostMapping("/{number}/suspend")
	@PreAuthorize(HANDLE)
	@Operation(summary = "Suspend the case: on (date), reason")
	@ApiResponse(responseCode = "409", description = "The status does not allow it")
	@ApiResponse(responseCode = "422", description = "Invalid date (field suspendedOn)")
	CaseDetail suspend(@PathVariable String number, @RequestBody ReasonBody body) {
		return views.detail(cases.suspend(number, body.on(), body.reason(), scope()));
	}

	@PostMapping("/{number}/close")
	@PreAuthorize(HANDLE)
	@Operation(summary = "Close the case (撤案): on (date), reason")
	@ApiResponse(responseCode = "409", description = "The case is closed or cleared already")
	@ApiResponse(responseCode = "422", description = "Invalid date (field closedOn) or missing reason")
	CaseDetail close(@PathVariable String number, @RequestBody ReasonBody body) {
		return views.detail(cases.close(number, body.on(), body.reason(), scope()));
	}

	@PostMapping("/{number}/assign")
	@PreAuthorize(HANDLE)
	@Operation(summary = "Make an active staff member in the caller's scope the responsible officer")
	@ApiResponse(responseCode = "422", description = "No such active staff member in scope (field account)")
	CaseDetail assign(@PathVariable String number, @RequestBody AssignBody body) {
		UnitScope scope = scope();
		cases.get(number, scope); // a case out of scope is 404 before the officer is judged
		StaffAccount officer = officer(body.account(), scope);
		return views.detail(cases.assign(number, officer.id().value(), scope));
	}

	@PostMapping("/{number}/link")
	@PreAuthorize(HANDLE)
	@Operation(summary = "Link with another case of the scope into one series")
	@ApiResponse(responseCode = "422", description = "No such other case in scope, or the same case (field otherCase)")
	CaseDetail link(@PathVariable String number, @RequestBody LinkBody body) {
		return views.detail(cases.link(number, body.otherCase(), scope()));
	}

	@PostMapping("/{number}/victims")
	@PreAuthorize(HANDLE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a victim: a label that names no one, and the loss in yuan")
	@ApiResponse(responseCode = "201", description = "The victim")
	@ApiResponse(responseCode = "422", description = "Invalid fields")
	VictimView addVictim(@PathVariable String number, @RequestBody VictimBody body) {
		return CaseApiViews.victim(cases.addVictim(number, body.label(),
				body.loss() == null ? null : body.loss().toPlainString(), scope()));
	}

	@PostMapping("/{number}/events")
	@PreAuthorize(HANDLE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record a stop-payment, freeze, return or apprehension",
			description = "type, on (date; empty: today), amount (yuan; for money events) or people (a number; "
					+ "for apprehensions), victim (a victim's id, optional), note.")
	@ApiResponse(responseCode = "201", description = "The event")
	@ApiResponse(responseCode = "409", description = "The same event is recorded already")
	@ApiResponse(responseCode = "422", description = "Invalid fields")
	EventView record(@PathVariable String number, @RequestBody EventBody body) {
		return views.event(cases.record(number, body.type(), body.on(),
				body.amount() == null ? null : body.amount().toPlainString(),
				body.people() == null ? null : body.people().toString(), body.victim(), body.note(), scope()));
	}

	private StaffAccount officer(String account, UnitScope scope) {
		try {
			StaffAccount found = accounts.get(new AccountId(UUID.fromString(account.strip())), scope);
			if (found.active()) {
				return found;
			}
		}
		catch (NotFoundException | IllegalArgumentException | NullPointerException e) {
			// the same answer for a malformed, unknown, out-of-scope or inactive account
		}
		throw new InvalidInputException("account", "cases.portal.api.officer.unknown");
	}

	private UnitScope scope() {
		return scopes.current();
	}
}
