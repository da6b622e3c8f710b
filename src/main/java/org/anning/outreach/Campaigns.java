package org.anning.outreach;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.anning.audit.AuditAction;
import org.anning.audit.AuditEntry;
import org.anning.audit.AuditTrail;
import org.anning.audit.Purpose;
import org.anning.mediation.Dispute;
import org.anning.mediation.Disputes;
import org.anning.mediation.IntakeChannel;
import org.anning.mediation.NewDispute;
import org.anning.mediation.NewParty;
import org.anning.residents.ResidentId;
import org.anning.residents.Residents;
import org.anning.services.Application;
import org.anning.services.Applications;
import org.anning.services.NewApplication;
import org.anning.units.Organisation;
import org.anning.units.Unit;
import org.anning.units.UnitId;
import org.anning.units.UnitScope;
import org.anning.web.ConflictException;
import org.anning.web.InvalidInputException;
import org.anning.web.InvalidInputException.FieldProblem;
import org.anning.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Household-visit campaigns (走访) and what officers find: a campaign of a unit has a target number of households
 * between two days; each household visited is an address and a day (never the people who live there), with the
 * issues found, and each issue goes to mediation or the service hall with one action, or is resolved.
 */
@Service
@Transactional
public class Campaigns {

	static final int NAME_MAX = 100;

	static final int ADDRESS_MAX = 200;

	static final int ISSUE_MAX = 500;

	static final int ISSUES_MAX = 10;

	static final int TARGET_MAX = 1_000_000;

	/**
	 * What looks like an identity number or a mobile number: a household visit keeps an address and issues, never
	 * who lives there, so text that carries such numbers is refused.
	 */
	static final java.util.regex.Pattern PERSONAL_NUMBER = java.util.regex.Pattern
		.compile("(?<!\\d)(\\d{17}[\\dXx]|\\d{15}|1[3-9]\\d{9})(?!\\d)");

	/** The longest campaign: a year and a day. */
	static final int DAYS_MAX = 366;

	private final OutreachRepository repository;

	private final OutreachChecks checks;

	private final Submissions submissions;

	private final Applications applications;

	private final Residents residents;

	private final Organisation organisation;

	private final Disputes disputes;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Campaigns(OutreachRepository repository, OutreachChecks checks, Submissions submissions, Applications applications,
			Residents residents, Organisation organisation, Disputes disputes, AuditTrail audit,
			ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.checks = checks;
		this.submissions = submissions;
		this.applications = applications;
		this.residents = residents;
		this.organisation = organisation;
		this.disputes = disputes;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	LocalDate today() {
		return LocalDate.now(clock);
	}

	// ---- Campaigns

	/** Opens a campaign for a unit in the scope (the user's own when none is given). */
	public Campaign open(NewCampaign draft, UUID ownUnit, UnitScope scope) {
		List<FieldProblem> problems = new ArrayList<>();
		UUID unit = checks.unit(draft.unit(), ownUnit, scope, problems);
		String name = OutreachChecks.text(draft.name(), "name", NAME_MAX, true, problems);
		LocalDate starts = OutreachChecks.day(draft.startsOn(), "startsOn", problems);
		LocalDate ends = OutreachChecks.day(draft.endsOn(), "endsOn", problems);
		if (starts != null && ends != null) {
			if (ends.isBefore(starts)) {
				problems.add(new FieldProblem("endsOn", "outreach.campaign.endsBeforeStart"));
			}
			else if (java.time.temporal.ChronoUnit.DAYS.between(starts, ends) + 1 > DAYS_MAX) {
				problems.add(new FieldProblem("endsOn", "outreach.campaign.tooLong", DAYS_MAX));
			}
		}
		Integer target = OutreachChecks.number(draft.target(), "target", 1, TARGET_MAX, true, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		String reference = "ZF-%d-%06d".formatted(starts.getYear(), repository.next("outreach_campaign_number_seq"));
		var campaign = new Campaign(UUID.randomUUID(), reference, unit, name, starts, ends, target);
		repository.insert(campaign, clock.instant());
		audit.record(AuditEntry.of(AuditAction.CREATE, "campaign", reference));
		events.publishEvent(new OutreachEvents.CampaignChanged(campaign.id(), unit, starts, ends));
		return campaign;
	}

	@Transactional(readOnly = true)
	public Campaign get(String reference, UnitScope scope) {
		return repository.campaignByReference(OutreachChecks.reference(reference))
			.filter(c -> scope.covers(new UnitId(c.unit())))
			.orElseThrow(() -> new NotFoundException("campaign"));
	}

	/** Campaigns of the units in the scope that run on some day between the two, newest first. */
	@Transactional(readOnly = true)
	public List<Campaign> list(UnitScope scope, LocalDate from, LocalDate to, int limit) {
		return repository.campaigns(scope.ids(), from, to, limit);
	}

	/** Campaigns of the units in the scope running today: where households can be logged. */
	@Transactional(readOnly = true)
	public List<Campaign> running(UnitScope scope) {
		LocalDate today = today();
		return repository.campaigns(scope.ids(), today, today, 100);
	}

	/** How many households the campaign has visited so far. */
	@Transactional(readOnly = true)
	public long visited(Campaign campaign) {
		return repository.visitedIn(campaign.id());
	}

	// ---- Households

	/**
	 * Logs a household visited in a campaign of the scope, on a day the campaign runs and not in the future, with
	 * the issues found. With an idempotency key, a repeat returns the visit the first request made, so a form
	 * captured offline and sent twice makes one record.
	 *
	 * @throws InvalidInputException for every invalid field at once (issues as {@code issues[i].kind} and
	 * {@code issues[i].description})
	 */
	public HouseholdVisit visit(NewHouseholdVisit draft, UUID officer, UnitScope scope, String key) {
		return submissions.once(key, "HOUSEHOLD_VISIT", id -> create(id, draft, officer, scope),
				id -> repository.household(id).orElseThrow(() -> new NotFoundException("household")));
	}

	private HouseholdVisit create(UUID id, NewHouseholdVisit draft, UUID officer, UnitScope scope) {
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate today = today();
		Campaign campaign = null;
		if (!StringUtils.hasText(draft.campaign())) {
			problems.add(new FieldProblem("campaign", "outreach.household.campaign.required"));
		}
		else {
			campaign = repository.campaignByReference(OutreachChecks.reference(draft.campaign()))
				.filter(c -> scope.covers(new UnitId(c.unit())))
				.orElse(null);
			if (campaign == null) {
				problems.add(new FieldProblem("campaign", "outreach.household.campaign.unknown"));
			}
		}
		String address = noPersonalNumber(OutreachChecks.text(draft.address(), "address", ADDRESS_MAX, true, problems),
				"address", problems);
		LocalDate on = OutreachChecks.pastDay(draft.visitedOn(), "visitedOn", today, problems);
		if (on != null && campaign != null && !campaign.runsOn(on)) {
			problems.add(new FieldProblem("visitedOn", "outreach.household.outsideCampaign", campaign.startsOn().toString(),
					campaign.endsOn().toString()));
		}
		List<Issue> issues = new ArrayList<>();
		List<NewHouseholdVisit.NewIssue> typed = draft.issues() == null ? List.of() : draft.issues();
		if (typed.size() > ISSUES_MAX) {
			problems.add(new FieldProblem("issues", "outreach.household.tooManyIssues", ISSUES_MAX));
		}
		for (int i = 0; i < typed.size() && i < ISSUES_MAX; i++) {
			var t = typed.get(i);
			boolean blank = t == null || (!StringUtils.hasText(t.kind()) && !StringUtils.hasText(t.description()));
			if (blank) {
				continue; // an empty row of the form
			}
			IssueKind kind = OutreachChecks.choice(IssueKind.class, t.kind(), "issues[" + i + "].kind", problems);
			String description = noPersonalNumber(OutreachChecks.text(t.description(), "issues[" + i + "].description",
					ISSUE_MAX, true, problems), "issues[" + i + "].description", problems);
			if (kind != null && description != null) {
				issues.add(new Issue(UUID.randomUUID(), id, null, kind, description, on, IssueStatus.OPEN, null, null, null,
						null));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		UUID unit = campaign.unit();
		List<Issue> placed = issues.stream()
			.map(i -> new Issue(i.id(), id, unit, i.kind(), i.description(), on, IssueStatus.OPEN, null, null, null, null))
			.toList();
		var household = new HouseholdVisit(id, campaign.id(), unit, address, on, officer, placed);
		repository.insert(household, clock.instant());
		events.publishEvent(new OutreachEvents.HouseholdVisited(id, campaign.id(), unit, on));
		return household;
	}

	private static String noPersonalNumber(String text, String field, List<FieldProblem> problems) {
		if (text != null && PERSONAL_NUMBER.matcher(text.replaceAll("[\\s-]", "")).find()) {
			problems.add(new FieldProblem(field, "outreach.household.personalNumber"));
			return null;
		}
		return text;
	}

	@Transactional(readOnly = true)
	public HouseholdVisit household(UUID id, UnitScope scope) {
		return repository.household(id)
			.filter(h -> scope.covers(new UnitId(h.unit())))
			.orElseThrow(() -> new NotFoundException("household"));
	}

	/** The campaign a household was visited in. */
	@Transactional(readOnly = true)
	public Campaign campaignOf(HouseholdVisit household) {
		return repository.campaign(household.campaign()).orElseThrow(() -> new NotFoundException("campaign"));
	}

	/** The households visited in a campaign, newest first. */
	@Transactional(readOnly = true)
	public List<HouseholdVisit> households(Campaign campaign, int limit) {
		return repository.households(campaign.id(), limit);
	}

	// ---- Issues

	/** An issue with its household's address and campaign, for the mediation intake (no scope: system use). */
	@Transactional(readOnly = true)
	public IssueInHousehold issue(UUID id) {
		Issue issue = repository.issue(id).orElseThrow(() -> new NotFoundException("issue"));
		HouseholdVisit household = repository.household(issue.householdVisit()).orElseThrow();
		return new IssueInHousehold(issue, household.address(), household.visitedOn(),
				repository.campaign(household.campaign()).map(Campaign::reference).orElse(null));
	}

	/** An issue, the address where it was found, the day and the campaign's reference. */
	public record IssueInHousehold(Issue issue, String address, LocalDate visitedOn, String campaign) {
	}

	@Transactional(readOnly = true)
	public Issue issue(UUID id, UnitScope scope) {
		return repository.issue(id)
			.filter(i -> scope.covers(new UnitId(i.unit())))
			.orElseThrow(() -> new NotFoundException("issue"));
	}

	/** Issues of the units in the scope that are not resolved, oldest first. */
	@Transactional(readOnly = true)
	public List<Issue> unresolved(UnitScope scope, int limit) {
		return repository.openIssues(scope.ids(), limit);
	}

	/** Marks an issue resolved today, with what was done; a resolved issue cannot be resolved again. */
	public Issue resolve(UUID id, String resolution, UnitScope scope) {
		Issue issue = issue(id, scope);
		if (issue.status() == IssueStatus.RESOLVED) {
			throw new ConflictException("outreach.issue.resolved");
		}
		List<FieldProblem> problems = new ArrayList<>();
		String text = OutreachChecks.text(resolution, "resolution", ISSUE_MAX, true, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		LocalDate today = today();
		if (!repository.resolve(id, issue.status(), today, text)) {
			throw new ConflictException("outreach.issue.changed");
		}
		audit.record(AuditEntry.of(AuditAction.UPDATE, "outreach-issue", id).detail("RESOLVED"));
		events.publishEvent(new OutreachEvents.IssueResolved(id, issue.unit(), today));
		return issue(id, scope);
	}

	/**
	 * Hands an open issue to mediation with one action: the mediation module takes the dispute in (channel
	 * household visit) at the issue's unit, with the category, risk and parties the officer gives now. The
	 * parties belong to the dispute (sealed there), never to the household visit; the account is the issue's
	 * description and address. The issue keeps the dispute's reference and shows as referred from today.
	 *
	 * @throws InvalidInputException with the mediation intake's fields (category, risk, riskReason, parties[i].*)
	 */
	public Issue referToMediation(UUID id, MediationReferral referral, UnitScope scope) {
		Issue issue = open(id, scope);
		HouseholdVisit household = repository.household(issue.householdVisit()).orElseThrow();
		String unit = organisation.find(new UnitId(issue.unit())).map(Unit::code).orElse(null);
		String account = issue.description() + "（入户走访发现，地址：" + household.address() + "，走访日期：" + household.visitedOn()
				+ "）";
		Dispute dispute = disputes.receive(new NewDispute(IntakeChannel.HOUSEHOLD_VISIT.name(), unit, null,
				referral.category(), account, referral.risk(), referral.riskReason(), null, referral.parties()),
				issue.unit(), scope);
		LocalDate today = today();
		if (!repository.refer(id, IssueStatus.OPEN, IssueStatus.REFERRED_MEDIATION, today, dispute.reference())) {
			throw new ConflictException("outreach.issue.changed");
		}
		audit.record(AuditEntry.of(AuditAction.UPDATE, "outreach-issue", id).detail("REFERRED_MEDIATION " + dispute.reference()));
		events.publishEvent(new OutreachEvents.IssueReferredToMediation(id, issue.householdVisit(), issue.unit(),
				dispute.reference(), today));
		return issue(id, scope);
	}

	/** What mediation needs to take an issue in: the dispute's category, its risk (and why), and its parties. */
	public record MediationReferral(String category, String risk, String riskReason, List<NewParty> parties) {
	}

	/**
	 * Turns an open issue into a service-hall application on a resident's behalf: a draft of the resident's for the
	 * item at the issue's unit (or the unit given), which the resident completes in the portal. The resident is
	 * named by their record identifier only for the application; the household visit keeps no person.
	 */
	public Issue referToServiceHall(UUID id, String resident, String item, String unitCode, String note,
			UnitScope scope) {
		Issue issue = open(id, scope);
		UUID residentId = OutreachChecks.uuid(resident);
		if (residentId == null || residents.find(new ResidentId(residentId)).isEmpty()) {
			throw new InvalidInputException("resident", "outreach.visit.resident.unknown");
		}
		String unit = StringUtils.hasText(unitCode) ? unitCode.strip()
				: organisation.find(new UnitId(issue.unit())).map(Unit::code).orElse(null);
		Application application = applications.start(residentId, new NewApplication(item, unit, note, null),
				"outreach-issue:" + id);
		LocalDate today = today();
		if (!repository.refer(id, IssueStatus.OPEN, IssueStatus.REFERRED_SERVICE, today, application.reference())) {
			throw new ConflictException("outreach.issue.changed");
		}
		audit.record(AuditEntry.of(AuditAction.UPDATE, "outreach-issue", id)
			.about(residentId)
			.purpose(Purpose.VISIT, application.reference())
			.detail("REFERRED_SERVICE " + application.reference()));
		events.publishEvent(new OutreachEvents.IssueReferredToServiceHall(id, issue.unit(), application.reference(),
				today));
		return issue(id, scope);
	}

	private Issue open(UUID id, UnitScope scope) {
		Issue issue = issue(id, scope);
		if (issue.status() != IssueStatus.OPEN) {
			throw new ConflictException("outreach.issue.notOpen");
		}
		return issue;
	}
}
