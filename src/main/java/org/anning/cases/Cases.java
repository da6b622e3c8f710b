package org.anning.cases;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.anning.audit.Actor;
import org.anning.audit.ActorKind;
import org.anning.audit.AuditAction;
import org.anning.audit.AuditEntry;
import org.anning.audit.AuditTrail;
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
 * Cases and what happens to them. Status changes are guarded: a closed case cannot be cleared, no date lies before
 * registration or in the future; each change is an event for other modules. Money and people are recorded as
 * dated events (amounts in yuan, two decimals, never negative; apprehensions as a number of people, no
 * identities). Every action takes the caller's unit scope: a case outside it is not found.
 */
@Service
@Transactional
public class Cases {

	static final int TEXT_MAX = 1000;

	static final int NARRATIVE_MAX = 10000;

	static final BigDecimal AMOUNT_MAX = new BigDecimal("999999999999.99");

	private final CaseRepository cases;

	private final Taxonomy taxonomy;

	private final Organisation organisation;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Cases(CaseRepository cases, Taxonomy taxonomy, Organisation organisation, AuditTrail audit,
			ApplicationEventPublisher events, Clock clock) {
		this.cases = cases;
		this.taxonomy = taxonomy;
		this.organisation = organisation;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	LocalDate today() {
		return LocalDate.now(clock);
	}

	/** Registers a case (立案) in a unit of the scope (the acting unit when none is named). */
	public CaseFile register(NewCase draft, UUID actingUnit, UnitScope scope) {
		List<FieldProblem> problems = new ArrayList<>();
		UUID unit = unit(draft.unit(), actingUnit, scope, problems);
		String category = draft.category() == null ? null : draft.category().strip();
		if (taxonomy.find(category).isEmpty()) {
			problems.add(new FieldProblem("category", "cases.case.category.required"));
		}
		LocalDate occurred = date("occurredOn", draft.occurredOn(), null, problems);
		LocalDate registered = date("registeredOn", draft.registeredOn(), today(), problems);
		if (occurred != null && registered != null && occurred.isAfter(registered)) {
			problems.add(new FieldProblem("occurredOn", "cases.case.occurredOn.afterRegistration"));
		}
		String narrative = text(problems, "narrative", draft.narrative(), NARRATIVE_MAX, false);
		String place = text(problems, "place", draft.place(), 200, false);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Instant now = clock.instant();
		String number = "AJ-%d-%06d".formatted(registered.getYear(), cases.nextNumber());
		for (int tries = 0; cases.findByNumber(number).isPresent() && tries < 100; tries++) {
			number = "AJ-%d-%06d".formatted(registered.getYear(), cases.nextNumber()); // taken by an imported case
		}
		var c = new CaseFile(UUID.randomUUID(), number, unit, category, occurred, registered, CaseStatus.REGISTERED, null,
				null, null, null, null, staff(), narrative, place, BigDecimal.ZERO.setScale(2), null, "DESK", 0);
		cases.insert(c, tokens(c), now);
		cases.addStep(c.id(), "REGISTERED", now, registered, actor(), null);
		audit.record(AuditEntry.of(AuditAction.CREATE, "case", number));
		events.publishEvent(new Events.CaseRegistered(c.id(), unit, category, registered));
		return c;
	}

	/** A case of a unit in the scope; anything else is not found. */
	@Transactional(readOnly = true)
	public CaseFile get(String number, UnitScope scope) {
		return cases.findByNumber(number == null ? "" : number.strip())
			.filter(c -> scope.covers(new UnitId(c.unit())))
			.orElseThrow(() -> new NotFoundException("case"));
	}

	/** Any case by identifier, without scope: for a resident's own report, never for staff access. */
	@Transactional(readOnly = true)
	public java.util.Optional<CaseFile> find(UUID id) {
		return cases.findById(id);
	}

	@Transactional(readOnly = true)
	public List<CaseFile> list(UnitScope scope, CaseStatus status, String category, int limit) {
		String[] codes = StringUtils.hasText(category) ? taxonomy.codesUnder(category.strip()) : null;
		return cases.list(scope.ids(), status, codes, Math.max(1, Math.min(limit, 500)));
	}

	public CaseFile startInvestigation(String number, UnitScope scope) {
		CaseFile c = get(number, scope);
		if (c.status() != CaseStatus.REGISTERED && c.status() != CaseStatus.SUSPENDED) {
			throw illegal();
		}
		return save(c, with(c, CaseStatus.UNDER_INVESTIGATION, null, null, null, null, null), "INVESTIGATION_STARTED",
				today(), null);
	}

	/** Clears the case (破案) on a date, saying how; not a closed or cleared case, not before registration. */
	public CaseFile clear(String number, String on, String how, UnitScope scope) {
		CaseFile c = get(number, scope);
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate date = date("clearedOn", on, today(), problems);
		if (date != null && date.isBefore(c.registeredOn())) {
			problems.add(new FieldProblem("clearedOn", "cases.case.date.beforeRegistration", c.registeredOn()));
		}
		String text = text(problems, "clearedHow", how, TEXT_MAX, true);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (!c.status().open()) {
			throw illegal();
		}
		return save(c, with(c, CaseStatus.CLEARED, date, text, c.suspendedOn(), null, null), "CLEARED", date, text);
	}

	public CaseFile suspend(String number, String on, String reason, UnitScope scope) {
		CaseFile c = get(number, scope);
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate date = date("suspendedOn", on, today(), problems);
		if (date != null && date.isBefore(c.registeredOn())) {
			problems.add(new FieldProblem("suspendedOn", "cases.case.date.beforeRegistration", c.registeredOn()));
		}
		String text = text(problems, "reason", reason, TEXT_MAX, false);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (c.status() != CaseStatus.REGISTERED && c.status() != CaseStatus.UNDER_INVESTIGATION) {
			throw illegal();
		}
		return save(c, with(c, CaseStatus.SUSPENDED, null, null, date, null, null), "SUSPENDED", date, text);
	}

	/** Closes the case (撤案) on a date with a reason; a cleared case cannot be closed. */
	public CaseFile close(String number, String on, String reason, UnitScope scope) {
		CaseFile c = get(number, scope);
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate date = date("closedOn", on, today(), problems);
		if (date != null && date.isBefore(c.registeredOn())) {
			problems.add(new FieldProblem("closedOn", "cases.case.date.beforeRegistration", c.registeredOn()));
		}
		String text = text(problems, "reason", reason, TEXT_MAX, true);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (!c.status().open()) {
			throw illegal();
		}
		return save(c, with(c, CaseStatus.CLOSED, null, null, c.suspendedOn(), date, text), "CLOSED", date, text);
	}

	/** Makes a staff member of the case's unit (checked by the caller) the responsible officer. */
	public CaseFile assign(String number, UUID officer, UnitScope scope) {
		CaseFile c = get(number, scope);
		var changed = new CaseFile(c.id(), c.caseNumber(), c.unit(), c.category(), c.occurredOn(), c.registeredOn(),
				c.status(), c.clearedOn(), c.clearedHow(), c.suspendedOn(), c.closedOn(), c.closedReason(), officer,
				c.narrative(), c.place(), c.loss(), c.series(), c.source(), c.version());
		if (!cases.update(changed, tokens(changed), clock.instant())) {
			throw new ConflictException("cases.case.changed");
		}
		cases.addStep(c.id(), "ASSIGNED", clock.instant(), today(), actor(), null);
		return get(number, scope);
	}

	/** Links two cases of the scope into one series (several victims of one scheme). */
	public CaseFile link(String number, String otherNumber, UnitScope scope) {
		CaseFile c = get(number, scope);
		CaseFile other;
		try {
			other = get(otherNumber, scope);
		}
		catch (NotFoundException e) {
			throw new InvalidInputException("otherCase", "cases.case.link.unknown");
		}
		if (other.id().equals(c.id())) {
			throw new InvalidInputException("otherCase", "cases.case.link.self");
		}
		UUID series = c.series() != null ? c.series() : other.series();
		if (series == null) {
			series = cases.newSeries(c.caseNumber(), clock.instant());
		}
		else if (c.series() != null && other.series() != null && !c.series().equals(other.series())) {
			// Two series become one: the other's members come along, not only the case named.
			for (CaseFile member : cases.findInSeries(other.series())) {
				if (!member.id().equals(other.id())) {
					cases.moveToSeries(member.id(), series);
					cases.addStep(member.id(), "LINKED", clock.instant(), today(), actor(), c.caseNumber());
				}
			}
		}
		for (CaseFile member : List.of(c, other)) {
			if (!series.equals(member.series())) {
				var moved = new CaseFile(member.id(), member.caseNumber(), member.unit(), member.category(),
						member.occurredOn(), member.registeredOn(), member.status(), member.clearedOn(), member.clearedHow(),
						member.suspendedOn(), member.closedOn(), member.closedReason(), member.officer(), member.narrative(),
						member.place(), member.loss(), series, member.source(), member.version());
				if (!cases.update(moved, tokens(moved), clock.instant())) {
					throw new ConflictException("cases.case.changed");
				}
				cases.addStep(member.id(), "LINKED", clock.instant(), today(), actor(), null);
			}
		}
		return get(number, scope);
	}

	@Transactional(readOnly = true)
	public List<CaseFile> series(CaseFile c) {
		return c.series() == null ? List.of() : cases.findInSeries(c.series());
	}

	// ---- Money and people

	/** Adds a victim with a loss in yuan (the case's loss is the sum); from a report when {@code report} is set. */
	public Victim addVictim(String number, String label, String loss, UnitScope scope) {
		CaseFile c = get(number, scope);
		List<FieldProblem> problems = new ArrayList<>();
		String text = text(problems, "label", label, 100, true);
		BigDecimal amount = amount("loss", loss, true, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		UUID id = cases.addVictim(c.id(), null, null, text, amount, clock.instant());
		cases.addStep(c.id(), "VICTIM_ADDED", clock.instant(), today(), actor(), null);
		events.publishEvent(new Events.CaseAmended(c.id(), c.unit()));
		return cases.victims(c.id()).stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow();
	}

	Victim addVictimFromReport(CaseFile c, Report report, String label) {
		UUID id = cases.addVictim(c.id(), report.id(), report.resident(), label,
				report.loss() == null ? BigDecimal.ZERO.setScale(2) : report.loss(), clock.instant());
		cases.addStep(c.id(), "REPORT_LINKED", clock.instant(), today(), actor(), report.reference());
		events.publishEvent(new Events.CaseAmended(c.id(), c.unit()));
		return cases.victims(c.id()).stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow();
	}

	/**
	 * Records a stop-payment, freeze or return (with an amount) or an apprehension (with a number of people) on a
	 * date, for the case or one of its victims.
	 *
	 * @throws ConflictException {@code cases.event.duplicate} when the same event is recorded already
	 */
	public CaseEvent record(String number, String type, String on, String amount, String people, String victim,
			String note, UnitScope scope) {
		CaseFile c = get(number, scope);
		List<FieldProblem> problems = new ArrayList<>();
		EventType kind = null;
		try {
			kind = EventType.valueOf(type == null ? "" : type.strip());
		}
		catch (IllegalArgumentException e) {
			problems.add(new FieldProblem("type", "cases.event.type.required"));
		}
		LocalDate date = date("on", on, today(), problems);
		// Money is often stopped within hours of the report, before the case is registered: bounded by occurrence.
		if (date != null && date.isBefore(c.occurredOn())) {
			problems.add(new FieldProblem("on", "cases.case.date.beforeOccurrence", c.occurredOn()));
		}
		BigDecimal money = null;
		Integer count = null;
		if (kind != null && kind.money()) {
			money = amount("amount", amount, false, problems);
		}
		else if (kind != null) {
			count = people(people, problems);
		}
		UUID victimId = null;
		if (StringUtils.hasText(victim)) {
			victimId = cases.victims(c.id()).stream().map(Victim::id).filter(v -> v.toString().equals(victim.strip()))
				.findFirst().orElse(null);
			if (victimId == null) {
				problems.add(new FieldProblem("victim", "cases.event.victim.unknown"));
			}
		}
		String text = text(problems, "note", note, 500, false);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Instant now = clock.instant();
		CaseEvent event = cases.addEvent(c.id(), victimId, kind, date, money, count, text, staff(), now)
			.orElseThrow(() -> new ConflictException("cases.event.duplicate"));
		cases.addStep(c.id(), "EVENT_" + kind.name(), now, date, actor(),
				kind.money() ? money.toPlainString() : String.valueOf(count));
		audit.record(AuditEntry.of(AuditAction.UPDATE, "case", c.caseNumber()).detail(kind.name()));
		events.publishEvent(new Events.CaseEventRecorded(c.id(), c.unit(), kind, date));
		if (kind == EventType.RETURN) {
			inform(c, "RETURN", "event:" + event.id(), event.victim());
		}
		return event;
	}

	@Transactional(readOnly = true)
	public List<CaseEvent> events(CaseFile c) {
		return cases.events(c.id());
	}

	@Transactional(readOnly = true)
	public List<Victim> victims(CaseFile c) {
		return cases.victims(c.id());
	}

	@Transactional(readOnly = true)
	public List<CaseStep> history(CaseFile c) {
		return cases.steps(c.id());
	}

	/** Money returned to one victim: events recorded for them, and the case's own when they are its only victim. */
	@Transactional(readOnly = true)
	public BigDecimal returnedTo(CaseFile c, UUID victim) {
		List<Victim> victims = cases.victims(c.id());
		boolean only = victims.size() == 1 && victims.get(0).id().equals(victim);
		return cases.events(c.id()).stream()
			.filter(e -> e.type() == EventType.RETURN)
			.filter(e -> victim.equals(e.victim()) || (only && e.victim() == null))
			.map(CaseEvent::amount)
			.reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
	}

	// ---- Internals

	/** Tells the residents who reported online about their case. */
	private void inform(CaseFile c, String what, String topic, UUID victim) {
		for (String[] r : cases.residentReports(c.id(), victim)) {
			events.publishEvent(new Events.ReporterInformed(UUID.fromString(r[0]), r[1], c.caseNumber(), what, topic));
		}
	}

	private CaseFile save(CaseFile before, CaseFile after, String step, LocalDate on, String note) {
		Instant now = clock.instant();
		if (!cases.update(after, tokens(after), now)) {
			throw new ConflictException("cases.case.changed");
		}
		cases.addStep(after.id(), step, now, on, actor(), note);
		audit.record(AuditEntry.of(AuditAction.UPDATE, "case", after.caseNumber()).detail(step));
		if (before.status() != after.status()) {
			events.publishEvent(new Events.CaseStatusChanged(after.id(), after.unit(), after.status(), on));
			inform(after, after.status().name(), "status", null);
		}
		return cases.findById(after.id()).orElseThrow();
	}

	private static CaseFile with(CaseFile c, CaseStatus status, LocalDate clearedOn, String clearedHow,
			LocalDate suspendedOn, LocalDate closedOn, String closedReason) {
		return new CaseFile(c.id(), c.caseNumber(), c.unit(), c.category(), c.occurredOn(), c.registeredOn(), status,
				clearedOn, clearedHow, suspendedOn, closedOn, closedReason, c.officer(), c.narrative(), c.place(), c.loss(),
				c.series(), c.source(), c.version());
	}

	static java.util.Set<String> tokens(CaseFile c) {
		return SearchTokens.of(c.caseNumber(), c.narrative(), c.place());
	}

	private UUID unit(String code, UUID acting, UnitScope scope, List<FieldProblem> problems) {
		if (!StringUtils.hasText(code)) {
			if (acting != null && scope.covers(new UnitId(acting))) {
				return acting;
			}
			problems.add(new FieldProblem("unit", "cases.case.unit.required"));
			return null;
		}
		Unit unit = organisation.findByCode(code.strip()).filter(u -> scope.covers(u.id())).filter(Unit::active).orElse(null);
		if (unit == null) {
			problems.add(new FieldProblem("unit", "cases.case.unit.required"));
			return null;
		}
		return unit.id().value();
	}

	/** A date that is not in the future; {@code fallback} when empty (or a problem when there is none). */
	LocalDate date(String field, String value, LocalDate fallback, List<FieldProblem> problems) {
		if (!StringUtils.hasText(value)) {
			if (fallback == null) {
				problems.add(new FieldProblem(field, "cases.date.required"));
			}
			return fallback;
		}
		try {
			LocalDate date = LocalDate.parse(value.strip());
			if (date.isAfter(today())) {
				problems.add(new FieldProblem(field, "cases.date.future"));
				return null;
			}
			return date;
		}
		catch (DateTimeParseException e) {
			problems.add(new FieldProblem(field, "cases.date.format"));
			return null;
		}
	}

	static BigDecimal amount(String field, String value, boolean emptyIsZero, List<FieldProblem> problems) {
		if (!StringUtils.hasText(value)) {
			if (emptyIsZero) {
				return BigDecimal.ZERO.setScale(2);
			}
			problems.add(new FieldProblem(field, "cases.amount.required"));
			return null;
		}
		try {
			BigDecimal amount = new BigDecimal(value.strip().replace(",", "").replace("，", ""));
			if (amount.signum() < 0 || amount.scale() > 2 || amount.compareTo(AMOUNT_MAX) > 0) {
				problems.add(new FieldProblem(field, "cases.amount.format"));
				return null;
			}
			return amount.setScale(2);
		}
		catch (NumberFormatException e) {
			problems.add(new FieldProblem(field, "cases.amount.format"));
			return null;
		}
	}

	private static Integer people(String value, List<FieldProblem> problems) {
		try {
			int n = Integer.parseInt(value == null ? "" : value.strip());
			if (n < 1 || n > 10000) {
				problems.add(new FieldProblem("people", "cases.event.people.range"));
				return null;
			}
			return n;
		}
		catch (NumberFormatException e) {
			problems.add(new FieldProblem("people", "cases.event.people.range"));
			return null;
		}
	}

	static String text(List<FieldProblem> problems, String field, String value, int max, boolean required) {
		String stripped = value == null ? null : value.strip();
		if (!StringUtils.hasText(stripped)) {
			if (required) {
				problems.add(new FieldProblem(field, "cases.text.required"));
			}
			return null;
		}
		if (stripped.length() > max) {
			problems.add(new FieldProblem(field, "cases.text.tooLong", max));
			return null;
		}
		return stripped;
	}

	private static ConflictException illegal() {
		return new ConflictException("cases.case.illegalTransition");
	}

	static UUID staff() {
		Actor actor = Actor.current();
		return actor.kind() == ActorKind.STAFF ? UUID.fromString(actor.id()) : null;
	}

	static String actor() {
		return Actor.current().id();
	}
}
