package org.anning.mediation.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.anning.accounts.StaffPrincipal;
import org.anning.mediation.AgreementDocuments;
import org.anning.mediation.Category;
import org.anning.mediation.Dispute;
import org.anning.mediation.Disputes;
import org.anning.mediation.MediationQueue;
import org.anning.mediation.MediationWorklists;
import org.anning.mediation.Mediators;
import org.anning.mediation.NewDispute;
import org.anning.mediation.NewParty;
import org.anning.mediation.web.MediationApiViews.AgreementView;
import org.anning.mediation.web.MediationApiViews.DisputeLineView;
import org.anning.mediation.web.MediationApiViews.DisputeView;
import org.anning.mediation.web.MediationApiViews.MediatorView;
import org.anning.mediation.web.MediationApiViews.PartyView;
import org.anning.units.UnitScope;
import org.anning.units.UnitScopes;
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
 * Mediation over JSON for staff, with staff bearer tokens: the worklists, intake, every step of a dispute, the
 * agreement PDF and the mediators of each unit, with the same rules and roles as the desk pages. Disputes of
 * units outside the caller's scope are not found. Parties come masked; {@code GET .../parties} gives the full
 * values and is audited with the purpose DISPUTE. Dates are ISO dates; empty means today where a date may default.
 */
@RestController
@RequestMapping("/api/v1/mediation")
@PreAuthorize(MediationRoles.READ)
@Tag(name = "Mediation", description = "Disputes, sessions, agreements, follow-ups and mediators (staff token)")
class MediationApi {

	private final Disputes disputes;

	private final Mediators mediators;

	private final MediationWorklists worklists;

	private final AgreementDocuments documents;

	private final UnitScopes scopes;

	private final MediationApiViews views;

	private final Clock clock;

	MediationApi(Disputes disputes, Mediators mediators, MediationWorklists worklists, AgreementDocuments documents,
			UnitScopes scopes, MediationApiViews views, Clock clock) {
		this.disputes = disputes;
		this.mediators = mediators;
		this.worklists = worklists;
		this.documents = documents;
		this.scopes = scopes;
		this.views = views;
		this.clock = clock;
	}

	/** A party as sent: role APPLICANT|RESPONDENT|INTERESTED, name, contact (a phone number, optional). */
	record PartyBody(String role, String name, String contact) {
	}

	record DisputeBody(String channel, String unit, String referringUnit, String category, String account,
			String risk, String riskReason, String receivedOn, List<PartyBody> parties) {

		NewDispute toNewDispute() {
			return new NewDispute(channel, unit, referringUnit, category, account, risk, riskReason, receivedOn,
					parties == null ? List.of()
							: parties.stream().map(p -> p == null ? null : new NewParty(p.role(), p.name(), p.contact()))
								.toList());
		}
	}

	record RiskBody(String risk, String riskReason) {
	}

	record MediatorRef(String mediator) {
	}

	record SessionBody(String heldOn, String attended, List<String> mediators, String notes) {
	}

	record TermBody(String party, String obligation, String dueBy) {
	}

	record AgreementBody(String agreedOn, List<TermBody> terms, String note) {
	}

	record ClosingBody(String closedOn, String referral, String note) {
	}

	record FollowUpBody(String followedUpOn, Boolean carriedOut, String action, String referral, String note) {
	}

	record EscalationBody(String caseNumber) {
	}

	record MediatorBody(String unit, String kind, String name, String organisation, String account) {
	}

	private UnitScope scope() {
		return scopes.current();
	}

	private DisputeView detail(String reference) {
		return views.detail(disputes.get(reference, scope()), LocalDate.now(clock));
	}

	@GetMapping("/disputes")
	@Operation(summary = "A worklist of the caller's scope, most urgent first (at most 200)",
			description = "queue IN_MEDIATION (default; high risk first)|HIGH_RISK|DUE_SOON|OVERDUE|FOLLOW_UP_DUE|CLOSED|ALL, "
					+ "category. No personal data.")
	List<DisputeLineView> list(@RequestParam(required = false) String queue,
			@RequestParam(required = false) String category) {
		LocalDate today = LocalDate.now(clock);
		return worklists.list(DeskMediationController.parse(MediationQueue.class, queue, MediationQueue.IN_MEDIATION),
				scope(), DeskMediationController.parse(Category.class, category, null)).stream()
			.map(l -> views.line(l, today)).toList();
	}

	@GetMapping("/disputes/counts")
	@Operation(summary = "How many disputes each worklist holds")
	Map<MediationQueue, Integer> counts() {
		return worklists.counts(scope());
	}

	@PostMapping("/disputes")
	@PreAuthorize(MediationRoles.WORK)
	@Operation(summary = "Receive a dispute",
			description = "channel WALK_IN|CALL_110|HOUSEHOLD_VISIT|UNIT_REFERRAL (with referringUnit, a unit code), "
					+ "unit (code; empty for the caller's own), category MARRIAGE_FAMILY|NEIGHBOURS|HOUSING_LAND|"
					+ "LABOUR_WAGES|CONTRACTS_DEBTS|CONSUMER|PROPERTY_MANAGEMENT|TRAFFIC_COMPENSATION|OTHER, account, "
					+ "risk LOW|MEDIUM|HIGH with riskReason (required above LOW), receivedOn, parties (at least two). "
					+ "A HIGH risk dispute is reported to its station chief.")
	@ApiResponse(responseCode = "201", description = "The dispute (reference TJ-YYYY-NNNNNN); Location names it")
	@ApiResponse(responseCode = "422", description = "Invalid fields, listed in errors [{field, message}]")
	ResponseEntity<DisputeView> receive(@AuthenticationPrincipal StaffPrincipal me, @RequestBody DisputeBody body) {
		Dispute d = disputes.receive(body.toNewDispute(), me.unitId().value(), scope());
		return ResponseEntity.created(URI.create("/api/v1/mediation/disputes/" + d.reference()))
			.body(views.detail(d, LocalDate.now(clock)));
	}

	@GetMapping("/disputes/{reference}")
	@Operation(summary = "A dispute with masked parties, mediators, sessions, agreements, case links and history")
	@ApiResponse(responseCode = "404", description = "No such dispute in the caller's scope")
	DisputeView get(@PathVariable String reference) {
		return detail(reference);
	}

	@GetMapping("/disputes/{reference}/parties")
	@PreAuthorize(MediationRoles.OPEN)
	@Operation(summary = "The parties' full names and contacts (a read audited with the purpose DISPUTE)")
	List<PartyView> parties(@PathVariable String reference) {
		return disputes.openParties(reference, scope()).stream().map(views::party).toList();
	}

	@PostMapping("/disputes/{reference}/risk")
	@PreAuthorize(MediationRoles.WORK)
	@Operation(summary = "Reassess the escalation risk: risk, riskReason (required above LOW)")
	@ApiResponse(responseCode = "409", description = "The dispute is closed")
	DisputeView assess(@PathVariable String reference, @RequestBody RiskBody body) {
		disputes.assess(reference, body.risk(), body.riskReason(), scope());
		return detail(reference);
	}

	@PostMapping("/disputes/{reference}/mediators")
	@PreAuthorize(MediationRoles.WORK)
	@Operation(summary = "Name an active mediator of the dispute's unit as working on it: mediator (id)")
	@ApiResponse(responseCode = "409", description = "The dispute is closed, or the mediator is on it already")
	DisputeView addMediator(@PathVariable String reference, @RequestBody MediatorRef body) {
		disputes.addMediator(reference, body.mediator(), scope());
		return detail(reference);
	}

	@PostMapping("/disputes/{reference}/mediators/{mediator}/removal")
	@PreAuthorize(MediationRoles.WORK)
	@Operation(summary = "Take a mediator off the dispute")
	DisputeView removeMediator(@PathVariable String reference, @PathVariable UUID mediator) {
		disputes.removeMediator(reference, mediator, scope());
		return detail(reference);
	}

	@PostMapping("/disputes/{reference}/sessions")
	@PreAuthorize(MediationRoles.WORK)
	@Operation(summary = "Record a session: heldOn, attended, mediators (ids of the unit's mediators), notes")
	@ApiResponse(responseCode = "409", description = "The dispute is closed")
	DisputeView recordSession(@PathVariable String reference, @RequestBody SessionBody body) {
		disputes.recordSession(reference, body.heldOn(), body.attended(), body.mediators(), body.notes(), scope());
		return detail(reference);
	}

	@PostMapping("/disputes/{reference}/agreement")
	@PreAuthorize(MediationRoles.WORK)
	@Operation(summary = "Close with an agreement: agreedOn, terms [{party, obligation, dueBy}], note",
			description = "The follow-up visit falls due the configured number of days later.")
	@ApiResponse(responseCode = "409", description = "The dispute is not in mediation")
	AgreementView agree(@PathVariable String reference, @RequestBody AgreementBody body) {
		return views.agreement(disputes.agree(reference, body.agreedOn(),
				body.terms() == null ? List.of()
						: body.terms().stream()
							.map(t -> t == null ? null : new Disputes.NewTerm(t.party(), t.obligation(), t.dueBy()))
							.toList(),
				body.note(), scope()));
	}

	@PostMapping("/disputes/{reference}/no-agreement")
	@PreAuthorize(MediationRoles.WORK)
	@Operation(summary = "Close without agreement, with the referral made: closedOn, referral COURT|ARBITRATION|"
			+ "JUDICIAL_OFFICE|LABOUR_INSPECTION, note")
	@ApiResponse(responseCode = "409", description = "The dispute is not in mediation")
	DisputeView noAgreement(@PathVariable String reference, @RequestBody ClosingBody body) {
		disputes.noAgreement(reference, body.closedOn(), body.referral(), body.note(), scope());
		return detail(reference);
	}

	@PostMapping("/disputes/{reference}/withdrawal")
	@PreAuthorize(MediationRoles.WORK)
	@Operation(summary = "Close as withdrawn: closedOn, note")
	@ApiResponse(responseCode = "409", description = "The dispute is not in mediation")
	DisputeView withdraw(@PathVariable String reference, @RequestBody ClosingBody body) {
		disputes.withdraw(reference, body.closedOn(), body.note(), scope());
		return detail(reference);
	}

	@PostMapping("/disputes/{reference}/follow-up")
	@PreAuthorize(MediationRoles.WORK)
	@Operation(summary = "Record the follow-up visit of the latest agreement",
			description = "followedUpOn, carriedOut (true|false); when false: action REOPENED|REFERRED (with referral) "
					+ "and a note.")
	@ApiResponse(responseCode = "409", description = "No agreement waits for its follow-up")
	AgreementView followUp(@PathVariable String reference, @RequestBody FollowUpBody body) {
		return views.agreement(disputes.followUp(reference, body.followedUpOn(),
				body.carriedOut() == null ? null : body.carriedOut().toString(), body.action(), body.referral(),
				body.note(), scope()));
	}

	@PostMapping("/disputes/{reference}/escalation")
	@PreAuthorize(MediationRoles.WORK)
	@Operation(summary = "Link the dispute to the criminal case it became (民转刑): caseNumber")
	@ApiResponse(responseCode = "409", description = "Linked to that case already")
	@ApiResponse(responseCode = "422", description = "No such case visible to the caller (field caseNumber)")
	DisputeView escalate(@PathVariable String reference, @RequestBody EscalationBody body) {
		disputes.escalate(reference, body.caseNumber(), scope());
		return detail(reference);
	}

	@GetMapping(value = "/disputes/{reference}/agreement.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	@PreAuthorize(MediationRoles.OPEN)
	@Operation(summary = "The printable agreement in Chinese, with signature lines (an audited export)")
	@ApiResponse(responseCode = "409", description = "The dispute has no agreement")
	ResponseEntity<byte[]> agreementPdf(@PathVariable String reference) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(Disputes.normaliseReference(reference) + ".pdf", StandardCharsets.UTF_8).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(documents.agreement(reference, scope()));
	}

	// ---- Mediators

	@GetMapping("/mediators")
	@Operation(summary = "The mediators of the caller's scope", description = "active=true for active ones only.")
	List<MediatorView> mediators(@RequestParam(defaultValue = "false") boolean active) {
		return mediators.list(scope(), null, active).stream().map(views::mediator).toList();
	}

	@PostMapping("/mediators")
	@PreAuthorize(MediationRoles.ROSTER)
	@Operation(summary = "Add a mediator to a unit",
			description = "unit (code; empty for the caller's own), kind POLICE (account: a staff username of that "
					+ "unit)|PEOPLES_MEDIATOR|JUDICIAL_OFFICE|LAWYER, name, organisation.")
	@ApiResponse(responseCode = "201", description = "The mediator")
	ResponseEntity<MediatorView> addMediator(@AuthenticationPrincipal StaffPrincipal me,
			@RequestBody MediatorBody body) {
		var m = mediators.add(body.unit(), body.kind(), body.name(), body.organisation(), body.account(),
				me.unitId().value(), scope());
		return ResponseEntity.created(URI.create("/api/v1/mediation/mediators/" + m.id())).body(views.mediator(m));
	}

	@GetMapping("/mediators/{id}")
	@Operation(summary = "One mediator")
	MediatorView mediator(@PathVariable UUID id) {
		return views.mediator(mediators.get(id, scope()));
	}

	@PostMapping("/mediators/{id}/deactivation")
	@PreAuthorize(MediationRoles.ROSTER)
	@Operation(summary = "Deactivate a mediator (kept for past sessions)")
	@ApiResponse(responseCode = "409", description = "Inactive already")
	MediatorView deactivate(@PathVariable UUID id) {
		return views.mediator(mediators.deactivate(id, scope()));
	}
}
