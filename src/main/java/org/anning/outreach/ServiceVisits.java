package org.anning.outreach;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.anning.audit.AuditAction;
import org.anning.audit.AuditEntry;
import org.anning.audit.AuditTrail;
import org.anning.audit.Purpose;
import org.anning.residents.ApplicantView;
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
 * Service visits to residents who cannot come, and the plans to visit them again every N weeks. Staff record
 * visits for units in their scope; visits of other units are not found. A visit names its resident by identifier
 * only: reading the resident's name and numbers is an audited open with the purpose VISIT and the visit's
 * reference, which appears in the resident's access log.
 */
@Service
@Transactional
public class ServiceVisits {

	static final int NOTE_MAX = 1000;

	static final int PLACE_MAX = 200;

	/** How many days ahead a planned visit shows as due. */
	public static final int DUE_AHEAD_DAYS = 7;

	private final OutreachRepository repository;

	private final OutreachChecks checks;

	private final Submissions submissions;

	private final Residents residents;

	private final Applications applications;

	private final Organisation organisation;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ServiceVisits(OutreachRepository repository, OutreachChecks checks, Submissions submissions, Residents residents,
			Applications applications, Organisation organisation, AuditTrail audit, ApplicationEventPublisher events,
			Clock clock) {
		this.repository = repository;
		this.checks = checks;
		this.submissions = submissions;
		this.residents = residents;
		this.applications = applications;
		this.organisation = organisation;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	LocalDate today() {
		return LocalDate.now(clock);
	}

	/**
	 * Records a visit by the officer for a unit in the scope (their own unit when none is given). With a plan
	 * (every N weeks), the resident's next visit by the unit falls due N weeks after this one; a visit to a
	 * resident who has a plan moves their next due day on. With an idempotency key, a repeat returns the visit the
	 * first request made.
	 *
	 * @throws InvalidInputException for every invalid field at once
	 */
	public ServiceVisit record(NewServiceVisit draft, UUID officer, UUID ownUnit, UnitScope scope, String key) {
		return submissions.once(key, "SERVICE_VISIT", id -> create(id, draft, officer, ownUnit, scope),
				id -> repository.visit(id).orElseThrow(() -> new NotFoundException("visit")));
	}

	private ServiceVisit create(UUID id, NewServiceVisit draft, UUID officer, UUID ownUnit, UnitScope scope) {
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate today = today();
		UUID unit = checks.unit(draft.unit(), ownUnit, scope, problems);
		UUID resident = OutreachChecks.uuid(draft.resident());
		if (!StringUtils.hasText(draft.resident())) {
			problems.add(new FieldProblem("resident", "outreach.visit.resident.required"));
		}
		else if (resident == null || residents.find(new ResidentId(resident)).isEmpty()) {
			problems.add(new FieldProblem("resident", "outreach.visit.resident.unknown"));
		}
		VisitReason reason = OutreachChecks.choice(VisitReason.class, draft.reason(), "reason", problems);
		ConsentHow how = null;
		LocalDate consentOn = null;
		if (draft.consent() == null) {
			problems.add(new FieldProblem("consent", "outreach.visit.consent.required"));
		}
		else if (draft.consent()) {
			how = OutreachChecks.choice(ConsentHow.class, draft.consentHow(), "consentHow", problems);
			consentOn = OutreachChecks.pastDay(draft.consentOn(), "consentOn", today, problems);
		}
		Set<VisitService> services = EnumSet.noneOf(VisitService.class);
		for (String s : draft.services() == null ? List.<String>of() : draft.services()) {
			VisitService service = OutreachChecks.choice(VisitService.class, s, "services", problems);
			if (service != null) {
				services.add(service);
			}
		}
		if (services.isEmpty() && problems.stream().noneMatch(p -> p.field().equals("services"))) {
			problems.add(new FieldProblem("services", "outreach.visit.services.required"));
		}
		if (services.contains(VisitService.APPLICATION_TAKEN)) {
			// An application is opened with its own action, which records this service on the visit.
			problems.add(new FieldProblem("services", "outreach.visit.services.applicationSeparately"));
		}
		String note = OutreachChecks.text(draft.note(), "note", NOTE_MAX, false, problems);
		String place = OutreachChecks.text(draft.place(), "place", PLACE_MAX, true, problems);
		LocalDate visitedOn = OutreachChecks.pastDay(draft.visitedOn(), "visitedOn", today, problems);
		if (consentOn != null && visitedOn != null && consentOn.isAfter(visitedOn)) {
			problems.add(new FieldProblem("consentOn", "outreach.visit.consentOn.afterVisit"));
		}
		Integer everyWeeks = OutreachChecks.number(draft.everyWeeks(), "everyWeeks", 1, 52, false, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		String reference = "FW-%d-%06d".formatted(today.getYear(), repository.next("outreach_visit_number_seq"));
		var visit = new ServiceVisit(id, reference, unit, resident, reason, draft.consent(), how, consentOn,
				List.copyOf(services), note, place, visitedOn, officer, null, clock.instant());
		repository.insert(visit);
		var plan = repository.plan(unit, resident).filter(VisitPlan::active);
		if (everyWeeks != null || plan.isPresent()) {
			int weeks = everyWeeks != null ? everyWeeks : plan.get().everyWeeks();
			LocalDate next = visitedOn.plusWeeks(weeks);
			if (plan.isPresent() && everyWeeks == null && plan.get().nextDueOn().isAfter(next)) {
				next = plan.get().nextDueOn(); // an earlier visit entered late does not move the plan back
			}
			repository.savePlan(new VisitPlan(plan.map(VisitPlan::id).orElseGet(UUID::randomUUID), unit, resident, weeks,
					next, id, true), clock.instant());
		}
		audit.record(AuditEntry.of(AuditAction.CREATE, "service-visit", reference)
			.about(resident)
			.purpose(Purpose.VISIT, reference));
		events.publishEvent(new OutreachEvents.ServiceVisitRecorded(id, unit, resident, visitedOn));
		return visit;
	}

	/** A visit of a unit in the scope, without the resident's personal data. */
	@Transactional(readOnly = true)
	public ServiceVisit get(String reference, UnitScope scope) {
		return repository.visitByReference(OutreachChecks.reference(reference))
			.filter(v -> scope.covers(new UnitId(v.unit())))
			.orElseThrow(() -> new NotFoundException("visit"));
	}

	/**
	 * The visited resident's name and numbers, for the purpose of the visit: the read is recorded in the audit
	 * trail in the same transaction (purpose VISIT, the visit's reference) and shows in the resident's access log.
	 */
	public ApplicantView openResident(String reference, UnitScope scope) {
		ServiceVisit visit = get(reference, scope);
		ApplicantView resident = residents.applicant(new ResidentId(visit.resident()));
		audit.record(AuditEntry.of(AuditAction.READ, "resident", visit.resident())
			.about(visit.resident())
			.purpose(Purpose.VISIT, visit.reference()));
		return resident;
	}

	/** Visits of the units in the scope between two days, newest first. */
	@Transactional(readOnly = true)
	public List<ServiceVisit> list(UnitScope scope, LocalDate from, LocalDate to, int limit) {
		return repository.visits(scope.ids(), from, to, limit);
	}

	/** Earlier visits to the same resident by units in the scope. */
	@Transactional(readOnly = true)
	public List<ServiceVisit> history(ServiceVisit visit, UnitScope scope) {
		return repository.visitsOf(visit.resident(), scope.ids());
	}

	/** The plan of the visit's unit for its resident, if any. */
	@Transactional(readOnly = true)
	public java.util.Optional<VisitPlan> plan(ServiceVisit visit) {
		return repository.plan(visit.unit(), visit.resident());
	}

	/** Planned visits of the units in the scope due within {@link #DUE_AHEAD_DAYS} days or overdue, earliest first. */
	@Transactional(readOnly = true)
	public List<VisitPlan> due(UnitScope scope, int limit) {
		return repository.duePlans(scope.ids(), today().plusDays(DUE_AHEAD_DAYS), limit);
	}

	/** Stops a plan of a unit in the scope; no more visits fall due. */
	public VisitPlan stopPlan(UUID plan, UnitScope scope) {
		VisitPlan p = repository.plan(plan)
			.filter(x -> scope.covers(new UnitId(x.unit())))
			.orElseThrow(() -> new NotFoundException("plan"));
		if (!p.active()) {
			throw new ConflictException("outreach.plan.stopped");
		}
		repository.stopPlan(p.id());
		return repository.plan(plan).orElseThrow();
	}

	/** The most recent visit of a plan, for its reference. */
	@Transactional(readOnly = true)
	public java.util.Optional<ServiceVisit> lastVisit(VisitPlan plan) {
		return plan.lastVisit() == null ? java.util.Optional.empty() : repository.visit(plan.lastVisit());
	}

	/**
	 * Opens a service-hall application on the visited resident's behalf (an application taken on the spot): a
	 * draft of the resident's in the service hall, for the item and the unit that handles it (the visit's unit
	 * when it handles the item), which the resident or their family completes and submits in the portal. The
	 * visit records the service and the application's reference. Only with the resident's consent, once per visit.
	 */
	public ServiceVisit takeApplication(String reference, String item, String unitCode, String note, UnitScope scope) {
		ServiceVisit visit = get(reference, scope);
		if (!visit.consent()) {
			throw new InvalidInputException("item", "outreach.visit.application.noConsent");
		}
		if (visit.applicationReference() != null) {
			throw new ConflictException("outreach.visit.application.taken");
		}
		String unit = StringUtils.hasText(unitCode) ? unitCode.strip()
				: organisation.find(new UnitId(visit.unit())).map(Unit::code).orElse(null);
		Application application = applications.start(visit.resident(), new NewApplication(item, unit, note, null),
				"outreach-visit:" + visit.id());
		Set<VisitService> services = EnumSet.noneOf(VisitService.class);
		services.addAll(visit.services());
		services.add(VisitService.APPLICATION_TAKEN);
		repository.setApplication(visit.id(), application.reference(),
				services.stream().map(Enum::name).collect(Collectors.joining(",")));
		audit.record(AuditEntry.of(AuditAction.UPDATE, "service-visit", visit.reference())
			.about(visit.resident())
			.purpose(Purpose.VISIT, visit.reference())
			.detail("APPLICATION " + application.reference()));
		events.publishEvent(new OutreachEvents.ApplicationTakenAtVisit(visit.id(), visit.unit(),
				application.reference(), today()));
		return get(reference, scope);
	}
}
