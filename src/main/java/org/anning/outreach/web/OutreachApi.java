package org.anning.outreach.web;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.anning.accounts.StaffPrincipal;
import org.anning.outreach.Campaign;
import org.anning.outreach.Campaigns;
import org.anning.outreach.HouseholdVisit;
import org.anning.outreach.NewCampaign;
import org.anning.outreach.NewHouseholdVisit;
import org.anning.outreach.NewPublicityEvent;
import org.anning.outreach.NewServiceVisit;
import org.anning.outreach.Publicity;
import org.anning.outreach.PublicityEvent;
import org.anning.outreach.ServiceVisit;
import org.anning.outreach.ServiceVisits;
import org.anning.outreach.web.OutreachViews.CampaignView;
import org.anning.outreach.web.OutreachViews.HouseholdView;
import org.anning.outreach.web.OutreachViews.IssueView;
import org.anning.outreach.web.OutreachViews.PlanView;
import org.anning.outreach.web.OutreachViews.PublicityView;
import org.anning.outreach.web.OutreachViews.ResidentView;
import org.anning.outreach.web.OutreachViews.VisitView;
import org.anning.mediation.NewParty;
import org.anning.residents.ApplicantView;
import org.anning.units.UnitScope;
import org.anning.units.UnitScopes;
import org.anning.web.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Community policing over JSON for staff, with staff bearer tokens: service visits and recurring plans,
 * publicity events, campaigns, households visited and their issues, with the same rules and roles as the desk
 * pages. Records of units outside the caller's scope are not found. Creating a visit, an event or a household
 * visit honours an {@code Idempotency-Key} header: a repeat with the same key answers 201 with the record the
 * first request made. Dates are ISO dates.
 */
@RestController
@RequestMapping("/api/v1/outreach")
@PreAuthorize(OutreachRoles.READ)
@Tag(name = "Community policing", description = "Service visits, publicity, household-visit campaigns (staff token)")
class OutreachApi {

	static final int LIST_LIMIT = 500;

	private final ServiceVisits visits;

	private final Publicity publicity;

	private final Campaigns campaigns;

	private final UnitScopes scopes;

	private final OutreachViews views;

	private final Clock clock;

	OutreachApi(ServiceVisits visits, Publicity publicity, Campaigns campaigns, UnitScopes scopes, OutreachViews views,
			Clock clock) {
		this.visits = visits;
		this.publicity = publicity;
		this.campaigns = campaigns;
		this.scopes = scopes;
		this.views = views;
		this.clock = clock;
	}

	record VisitBody(String unit, String resident, String reason, Boolean consent, String consentHow,
			String consentOn, List<String> services, String note, String place, String visitedOn, String everyWeeks) {

		NewServiceVisit draft() {
			return new NewServiceVisit(unit, resident, reason, consent, consentHow, consentOn, services, note, place,
					visitedOn, everyWeeks);
		}
	}

	record ApplicationBody(String resident, String item, String unit, String note) {
	}

	record PublicityBody(String unit, String topic, String title, String place, String heldOn, String attendance,
			String materialsCount, String materials, String partners) {
	}

	record CampaignBody(String unit, String name, String startsOn, String endsOn, String target) {
	}

	record HouseholdBody(String address, String visitedOn, List<NewHouseholdVisit.NewIssue> issues) {
	}

	record ResolutionBody(String resolution) {
	}

	record MediationBody(String category, String risk, String riskReason, List<NewParty> parties) {
	}

	// ---- Service visits

	@GetMapping("/visits")
	@Operation(summary = "Service visits of the caller's scope between two days (default: the last 90 days), newest first")
	List<VisitView> visits(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
		LocalDate end = to == null ? LocalDate.now(clock) : to;
		return visits.list(scope(), from == null ? end.minusDays(90) : from, end, LIST_LIMIT).stream().map(views::visit)
			.toList();
	}

	@PostMapping("/visits")
	@PreAuthorize(OutreachRoles.RECORD)
	@Operation(summary = "Record a service visit",
			description = "resident: the resident's record identifier; reason ELDERLY|DISABLED|ILL|OTHER; consent true|false, "
					+ "with consentHow SIGNED|VERBAL|GUARDIAN and consentOn when true; services [ID_PHOTO, "
					+ "DOCUMENTS_DELIVERED, ADVICE, OTHER]; place; visitedOn; everyWeeks (1 to 52) plans the next visit. "
					+ "With Idempotency-Key a repeat returns the visit the first request made (201 both times).")
	@ApiResponse(responseCode = "201", description = "The visit; Location names it")
	@ApiResponse(responseCode = "422", description = "Invalid fields, listed in errors [{field, message}]")
	ResponseEntity<VisitView> recordVisit(@AuthenticationPrincipal StaffPrincipal me, @RequestBody VisitBody body,
			@RequestHeader(name = OutreachRoles.IDEMPOTENCY_KEY, required = false) String key) {
		ServiceVisit v = visits.record(body.draft(), me.accountId().value(), me.unitId().value(), scope(), key);
		return ResponseEntity.created(URI.create("/api/v1/outreach/visits/" + v.reference())).body(views.visit(v));
	}

	@GetMapping("/visits/{reference}")
	@Operation(summary = "A service visit, without the resident's personal data")
	@ApiResponse(responseCode = "404", description = "No such visit in the caller's scope")
	VisitView visit(@PathVariable String reference) {
		return views.visit(visits.get(reference, scope()));
	}

	/**
	 * The visited resident's name and numbers: an audited read (purpose VISIT, the visit's reference) that shows in
	 * the resident's access log, so clients call it when a person needs it, not to poll.
	 */
	@GetMapping("/visits/{reference}/resident")
	@PreAuthorize(OutreachRoles.RECORD + " or hasRole('AUDITOR')")
	@Operation(summary = "Open the visited resident's record (an audited read)")
	ResidentView resident(@PathVariable String reference) {
		ServiceVisit v = visits.get(reference, scope());
		ApplicantView a = visits.openResident(reference, scope());
		return new ResidentView(v.resident().toString(), a.name(), a.maskedIdNumber(), a.maskedMobile());
	}

	@PostMapping("/visits/{reference}/application")
	@PreAuthorize(OutreachRoles.RECORD)
	@Operation(summary = "Open a service-hall application on the visited resident's behalf",
			description = "item (catalogue code), unit (handling unit code; default the visit's unit), note. The "
					+ "application is a draft of the resident's, completed and submitted in the portal.")
	@ApiResponse(responseCode = "409", description = "An application was taken at this visit already")
	@ApiResponse(responseCode = "422", description = "No consent, unknown item or unit")
	VisitView takeApplication(@PathVariable String reference, @RequestBody ApplicationBody body) {
		return views.visit(visits.takeApplication(reference, body.item(), body.unit(), body.note(), scope()));
	}

	@GetMapping("/plans/due")
	@Operation(summary = "Planned visits of the caller's scope that are due within 7 days or overdue, earliest first",
			description = "unit: only this unit (a code in the caller's scope).")
	List<PlanView> due(@RequestParam(required = false) String unit) {
		return visits.due(scope(), LIST_LIMIT).stream()
			.map(views::plan)
			.filter(p -> unit == null || unit.isBlank() || p.unit().equals(unit.strip()))
			.toList();
	}

	@PostMapping("/plans/{id}/stop")
	@PreAuthorize(OutreachRoles.RECORD)
	@Operation(summary = "Stop a recurring visit plan")
	PlanView stop(@PathVariable UUID id) {
		return views.plan(visits.stopPlan(id, scope()));
	}

	// ---- Publicity

	@GetMapping("/publicity")
	@Operation(summary = "Publicity events of the caller's scope between two days (default: the last 365 days)")
	List<PublicityView> publicity(@RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to) {
		LocalDate end = to == null ? LocalDate.now(clock) : to;
		return publicity.list(scope(), from == null ? end.minusDays(365) : from, end, LIST_LIMIT).stream()
			.map(views::publicity).toList();
	}

	@PostMapping("/publicity")
	@PreAuthorize(OutreachRoles.RECORD)
	@Operation(summary = "Record a publicity event",
			description = "topic ANTI_FRAUD|TRAFFIC_SAFETY|DRUG_PREVENTION|OTHER, title, place, heldOn, attendance, "
					+ "materialsCount, materials, partners. With Idempotency-Key a repeat returns the first event.")
	@ApiResponse(responseCode = "201", description = "The event; Location names it")
	@ApiResponse(responseCode = "422", description = "Invalid fields")
	ResponseEntity<PublicityView> recordPublicity(@AuthenticationPrincipal StaffPrincipal me,
			@RequestBody PublicityBody body,
			@RequestHeader(name = OutreachRoles.IDEMPOTENCY_KEY, required = false) String key) {
		PublicityEvent e = publicity.record(new NewPublicityEvent(body.unit(), body.topic(), body.title(), body.place(),
				body.heldOn(), body.attendance(), body.materialsCount(), body.materials(), body.partners()),
				me.accountId().value(), me.unitId().value(), scope(), key);
		return ResponseEntity.created(URI.create("/api/v1/outreach/publicity/" + e.reference())).body(views.publicity(e));
	}

	@GetMapping("/publicity/{reference}")
	@ApiResponse(responseCode = "404", description = "No such event in the caller's scope")
	PublicityView publicityEvent(@PathVariable String reference) {
		return views.publicity(publicity.get(reference, scope()));
	}

	// ---- Campaigns and households

	@GetMapping("/campaigns")
	@Operation(summary = "Campaigns of the caller's scope that run between two days (default: running today)")
	List<CampaignView> campaigns(@RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to) {
		LocalDate today = LocalDate.now(clock);
		return campaigns.list(scope(), from == null ? today : from, to == null ? today : to, LIST_LIMIT).stream()
			.map(c -> views.campaign(c, campaigns.visited(c)))
			.toList();
	}

	@PostMapping("/campaigns")
	@PreAuthorize(OutreachRoles.RECORD)
	@Operation(summary = "Open a campaign: unit, name, startsOn, endsOn, target households")
	@ApiResponse(responseCode = "201", description = "The campaign; Location names it")
	@ApiResponse(responseCode = "422", description = "Invalid fields")
	ResponseEntity<CampaignView> openCampaign(@AuthenticationPrincipal StaffPrincipal me, @RequestBody CampaignBody body) {
		Campaign c = campaigns.open(new NewCampaign(body.unit(), body.name(), body.startsOn(), body.endsOn(), body.target()),
				me.unitId().value(), scope());
		return ResponseEntity.created(URI.create("/api/v1/outreach/campaigns/" + c.reference()))
			.body(views.campaign(c, 0L));
	}

	@GetMapping("/campaigns/{reference}")
	@ApiResponse(responseCode = "404", description = "No such campaign in the caller's scope")
	CampaignView campaign(@PathVariable String reference) {
		Campaign c = campaigns.get(reference, scope());
		return views.campaign(c, campaigns.visited(c));
	}

	@GetMapping("/campaigns/{reference}/households")
	@Operation(summary = "Households visited in a campaign, newest first (addresses and issues, no people)")
	List<HouseholdView> households(@PathVariable String reference) {
		Campaign c = campaigns.get(reference, scope());
		return campaigns.households(c, LIST_LIMIT).stream().map(h -> views.household(h, c.reference())).toList();
	}

	@PostMapping("/campaigns/{reference}/households")
	@PreAuthorize(OutreachRoles.RECORD)
	@Operation(summary = "Log a household visited",
			description = "address (no names or other personal data), visitedOn (a day of the campaign), issues "
					+ "[{kind DISPUTE|SERVICE_NEED|SAFETY_HAZARD|OTHER, description}]. With Idempotency-Key a repeat "
					+ "returns the household visit the first request made (201 both times).")
	@ApiResponse(responseCode = "201", description = "The household visit")
	@ApiResponse(responseCode = "422", description = "Invalid fields (issues[i].kind, issues[i].description)")
	ResponseEntity<HouseholdView> visitHousehold(@AuthenticationPrincipal StaffPrincipal me,
			@PathVariable String reference, @RequestBody HouseholdBody body,
			@RequestHeader(name = OutreachRoles.IDEMPOTENCY_KEY, required = false) String key) {
		Campaign c = campaigns.get(reference, scope());
		HouseholdVisit h = campaigns.visit(new NewHouseholdVisit(c.reference(), body.address(), body.visitedOn(),
				body.issues()), me.accountId().value(), scope(), key);
		return ResponseEntity.created(URI.create("/api/v1/outreach/households/" + h.id()))
			.body(views.household(h, c.reference()));
	}

	@GetMapping("/households/{id}")
	@ApiResponse(responseCode = "404", description = "No such household visit in the caller's scope")
	HouseholdView household(@PathVariable UUID id) {
		HouseholdVisit h = campaigns.household(id, scope());
		return views.household(h, campaignReference(h));
	}

	// ---- Issues

	@GetMapping("/issues")
	@Operation(summary = "Issues of the caller's scope not yet resolved, oldest first")
	List<IssueView> issues() {
		return campaigns.unresolved(scope(), LIST_LIMIT).stream().map(views::issue).toList();
	}

	@GetMapping("/issues/{id}")
	IssueView issue(@PathVariable UUID id) {
		return views.issue(campaigns.issue(id, scope()));
	}

	@PostMapping("/issues/{id}/resolve")
	@PreAuthorize(OutreachRoles.RECORD)
	@Operation(summary = "Mark an issue resolved today, with what was done")
	@ApiResponse(responseCode = "409", description = "Resolved already")
	IssueView resolve(@PathVariable UUID id, @RequestBody ResolutionBody body) {
		return views.issue(campaigns.resolve(id, body.resolution(), scope()));
	}

	@PostMapping("/issues/{id}/mediation")
	@PreAuthorize(OutreachRoles.RECORD)
	@Operation(summary = "Hand an open issue to mediation: a dispute taken in with channel HOUSEHOLD_VISIT",
			description = "category (mediation category), risk LOW|MEDIUM|HIGH, riskReason (above LOW), parties "
					+ "[{role APPLICANT|RESPONDENT|INTERESTED, name, contact}], at least two named. The issue keeps the "
					+ "dispute's reference (referredReference).")
	@ApiResponse(responseCode = "409", description = "The issue is not open")
	@ApiResponse(responseCode = "422", description = "The mediation intake's fields")
	IssueView mediation(@PathVariable UUID id, @RequestBody MediationBody body) {
		return views.issue(campaigns.referToMediation(id,
				new Campaigns.MediationReferral(body.category(), body.risk(), body.riskReason(), body.parties()), scope()));
	}

	@PostMapping("/issues/{id}/application")
	@PreAuthorize(OutreachRoles.RECORD)
	@Operation(summary = "Turn an open issue into a service-hall application on a resident's behalf",
			description = "resident (record identifier), item (catalogue code), unit (default the issue's unit), note.")
	@ApiResponse(responseCode = "409", description = "The issue is not open")
	@ApiResponse(responseCode = "422", description = "Unknown resident, item or unit")
	IssueView application(@PathVariable UUID id, @RequestBody ApplicationBody body) {
		if (body == null) {
			throw new InvalidInputException("item", "outreach.field.required");
		}
		return views.issue(campaigns.referToServiceHall(id, body.resident(), body.item(), body.unit(), body.note(),
				scope()));
	}

	private String campaignReference(HouseholdVisit h) {
		return campaigns.campaignOf(h).reference();
	}

	private UnitScope scope() {
		return scopes.current();
	}
}
