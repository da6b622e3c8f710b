package org.anning.services;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.anning.audit.Actor;
import org.anning.audit.AuditAction;
import org.anning.audit.AuditEntry;
import org.anning.audit.AuditTrail;
import org.anning.audit.Purpose;
import org.anning.calendar.WorkingDays;
import org.anning.residents.ResidentId;
import org.anning.residents.Residents;
import org.anning.units.Organisation;
import org.anning.units.Unit;
import org.anning.units.UnitId;
import org.anning.units.UnitLevel;
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
 * Residents' applications, from the draft to the close. Residents act on their own applications only; staff act
 * on applications of the units in their scope, and anything else is not found. Every step goes on the timeline,
 * every status change is published for the resident's inbox, and staff actions are audited with the applicant as
 * subject.
 */
@Service
@Transactional
public class Applications {

	static final int NOTE_MAX = 1000;

	static final int REASON_MAX = 1000;

	static final int KEY_MAX = 100;

	private final ApplicationRepository applications;

	private final Catalogue catalogue;

	private final Organisation organisation;

	private final WorkingDays days;

	private final MaterialCheck materialCheck;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Residents residents;

	private final Clock clock;

	Applications(ApplicationRepository applications, Catalogue catalogue, Organisation organisation, WorkingDays days,
			MaterialCheck materialCheck, AuditTrail audit, ApplicationEventPublisher events, Residents residents,
			Clock clock) {
		this.residents = residents;
		this.applications = applications;
		this.catalogue = catalogue;
		this.organisation = organisation;
		this.days = days;
		this.materialCheck = materialCheck;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	LocalDate today() {
		return LocalDate.now(clock);
	}

	// ---- Residents

	/**
	 * Starts a draft. With an idempotency key, a repeated call returns the application the first call made.
	 *
	 * @throws InvalidInputException for every invalid field at once
	 */
	public Application start(UUID resident, NewApplication draft, String idempotencyKey) {
		String key = checkKey(idempotencyKey);
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		if (key != null) {
			// The key is claimed first: a second request with it waits here for the first to commit, then finds
			// the application the first one made.
			if (!applications.claimSubmissionKey(resident, key, id, now)) {
				return applications.findBySubmissionKey(resident, key)
					.flatMap(applications::findById)
					.orElseThrow(() -> new ConflictException("services.application.keyInUse"));
			}
		}
		List<FieldProblem> problems = new ArrayList<>();
		ServiceItem item = catalogue.find(draft.item()).filter(ServiceItem::active).filter(ServiceItem::online).orElse(null);
		if (item == null) {
			problems.add(new FieldProblem("item", "services.application.item.unknown"));
		}
		Unit unit = StringUtils.hasText(draft.unit()) ? organisation.findByCode(draft.unit().strip()).orElse(null) : null;
		if (unit == null || !unit.active()) {
			problems.add(new FieldProblem("unit", "services.application.unit.required"));
		}
		else if (item != null && !handles(unit, item)) {
			problems.add(new FieldProblem("unit", "services.application.unit.level"));
		}
		String note = draft.note() == null ? null : draft.note().strip();
		if (note != null && note.length() > NOTE_MAX) {
			problems.add(new FieldProblem("note", "services.application.note.tooLong", NOTE_MAX));
		}
		Application.Delivery delivery = delivery(draft.delivery(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		String reference = "SQ-%d-%06d".formatted(today().getYear(), applications.nextNumber());
		var application = new Application(id, reference, resident, item.id(), item.code(), item.nameZh(), item.nameEn(),
				item.committedDays(), item.statutoryDays(), unit.id().value(), ApplicationStatus.DRAFT,
				StringUtils.hasText(note) ? note : null, delivery, now, 1, 0).fresh();
		applications.insert(application, item.materials());
		applications.addStep(id, Step.CREATED, now, today(), "RESIDENT", resident.toString(), null);
		return application;
	}

	/**
	 * Starts, fills and submits an application in one step, as the API allows: all of it is stored, or none.
	 * A repeated call with the same key returns the application the first call made, without a second one.
	 */
	public Application apply(UUID resident, NewApplication draft, List<Upload> uploads, String idempotencyKey) {
		String key = checkKey(idempotencyKey);
		Application application = start(resident, draft, key);
		if (application.status != ApplicationStatus.DRAFT || !application.createdNow()) {
			return application; // made by an earlier call with the same key
		}
		for (int i = 0; i < uploads.size(); i++) {
			Upload upload = uploads.get(i);
			store(application, upload, "files[" + i + "]");
		}
		return submit(resident, application.reference());
	}

	/** Where an item may be handled: a unit at the item's level, or a station for a sub-bureau item (就近办). */
	static boolean handles(Unit unit, ServiceItem item) {
		if (unit.level() == UnitLevel.POST) {
			return false;
		}
		return unit.level() == item.handlingLevel()
				|| (item.handlingLevel() == UnitLevel.SUB_BUREAU && unit.level() == UnitLevel.STATION)
				|| (item.handlingLevel() == UnitLevel.BUREAU && unit.level() != UnitLevel.BUREAU);
	}

	/** The units a resident may choose for the item. */
	@Transactional(readOnly = true)
	public List<Unit> unitsFor(ServiceItem item) {
		return organisation.active().stream().filter(u -> handles(u, item)).toList();
	}

	/** Changes a draft's note and delivery. */
	public Application changeDraft(UUID resident, String reference, String note, String delivery) {
		Application a = mine(resident, reference);
		if (a.status != ApplicationStatus.DRAFT && a.status != ApplicationStatus.RETURNED) {
			throw new ConflictException("services.application.illegalTransition");
		}
		List<FieldProblem> problems = new ArrayList<>();
		String stripped = note == null ? null : note.strip();
		if (stripped != null && stripped.length() > NOTE_MAX) {
			problems.add(new FieldProblem("note", "services.application.note.tooLong", NOTE_MAX));
		}
		Application.Delivery d = delivery(delivery, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		a.note = StringUtils.hasText(stripped) ? stripped : null;
		a.delivery = d;
		save(a);
		return mine(resident, reference);
	}

	/** Adds a file for one requirement, while the application is a draft or returned for supplement. */
	public Material addMaterial(UUID resident, String reference, Upload upload) {
		Application a = mine(resident, reference);
		if (a.status != ApplicationStatus.DRAFT && a.status != ApplicationStatus.RETURNED) {
			throw new ConflictException("services.application.illegalTransition");
		}
		return store(a, upload, "file");
	}

	private Material store(Application a, Upload upload, String field) {
		MaterialRequirement requirement = applications.requirements(a.id)
			.stream()
			.filter(r -> r.code().equals(upload.requirement()))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("requirement", "services.material.requirement.unknown"));
		MaterialCheck.Checked checked = materialCheck.check(field, upload.fileName(), upload.content(),
				requirement.formats());
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		applications.addMaterial(id, a.id, requirement.code(), checked.fileName(), checked.format(), checked.content(),
				checked.sha256(), a.round, now);
		return new Material(id, requirement.code(), checked.fileName(), checked.format().contentType(),
				checked.content().length, checked.sha256(), a.round, now);
	}

	/** Removes a file sent in the current round; files of earlier rounds stay as they were sent. */
	public void removeMaterial(UUID resident, String reference, UUID material) {
		Application a = mine(resident, reference);
		if (a.status != ApplicationStatus.DRAFT && a.status != ApplicationStatus.RETURNED) {
			throw new ConflictException("services.application.illegalTransition");
		}
		if (applications.removeMaterial(a.id, material, a.round) == 0) {
			throw new NotFoundException("material");
		}
	}

	/**
	 * Submits a draft, or resubmits after a notice. Every mandatory material must be there, and after a notice
	 * every item it listed must have a new file; all that is missing is reported at once.
	 */
	public Application submit(UUID resident, String reference) {
		Application a = mine(resident, reference);
		if (a.status != ApplicationStatus.DRAFT && a.status != ApplicationStatus.RETURNED) {
			if (a.status == ApplicationStatus.SUBMITTED || a.status == ApplicationStatus.ACCEPTED
					|| a.status == ApplicationStatus.UNDER_REVIEW) {
				return a; // submitted already: a repeated submit changes nothing
			}
			throw new ConflictException("services.application.illegalTransition");
		}
		List<MaterialRequirement> requirements = applications.requirements(a.id);
		List<Material> materials = applications.materials(a.id);
		Set<String> needed = new LinkedHashSet<>();
		if (a.status == ApplicationStatus.DRAFT) {
			requirements.stream().filter(MaterialRequirement::mandatory).map(MaterialRequirement::code).forEach(needed::add);
			needed.removeAll(materials.stream().map(Material::requirement).collect(Collectors.toSet()));
		}
		else {
			SupplementNotice notice = latestNotice(a);
			if (notice != null) {
				notice.items().stream().map(SupplementNotice.Item::requirement).filter(r -> r != null).forEach(needed::add);
			}
			needed.removeAll(materials.stream().filter(m -> m.round() == a.round).map(Material::requirement)
				.collect(Collectors.toSet()));
		}
		if (!needed.isEmpty()) {
			Map<String, MaterialRequirement> byCode = requirements.stream()
				.collect(Collectors.toMap(MaterialRequirement::code, r -> r));
			throw new InvalidInputException(needed.stream()
				.map(code -> new FieldProblem("materials." + code, "services.material.missing", byCode.get(code).nameZh(),
						byCode.get(code).nameEn()))
				.toList());
		}
		Instant now = clock.instant();
		Step step = a.status == ApplicationStatus.DRAFT ? a.submit(now, today()) : a.resubmit(today(), days);
		record(a, step, null);
		return mine(resident, reference);
	}

	public Application withdraw(UUID resident, String reference) {
		Application a = mine(resident, reference);
		record(a, a.withdraw(), null);
		return mine(resident, reference);
	}

	/** A resident's own application; another resident's, or an unknown reference, is not found. */
	@Transactional(readOnly = true)
	public Application mine(UUID resident, String reference) {
		return applications.findByReference(normalise(reference))
			.filter(a -> a.resident.equals(resident))
			.orElseThrow(() -> new NotFoundException("application"));
	}

	@Transactional(readOnly = true)
	public List<Application> mine(UUID resident) {
		return applications.findByResident(resident);
	}

	// ---- Staff

	/** An application of a unit in the scope, without its applicant's personal data. */
	@Transactional(readOnly = true)
	public Application get(String reference, UnitScope scope) {
		return applications.findByReference(normalise(reference))
			.filter(a -> a.status != ApplicationStatus.DRAFT)
			.filter(a -> scope.covers(new UnitId(a.unit)))
			.orElseThrow(() -> new NotFoundException("application"));
	}

	/**
	 * Opens an application with its applicant's name and numbers, for the stated purpose of handling it: the read
	 * is recorded in the audit trail in the same transaction, and appears in the resident's access log.
	 */
	public ApplicationFile open(String reference, UnitScope scope) {
		Application a = get(reference, scope);
		var applicant = residents.applicant(new ResidentId(a.resident));
		audit.record(AuditEntry.of(AuditAction.READ, "application", a.reference)
			.about(a.resident)
			.purpose(Purpose.APPLICATION, a.reference));
		return new ApplicationFile(a, applicant);
	}

	/**
	 * The public progress lookup: the reference and the last six characters of the applicant's identity number.
	 * A wrong suffix and an unknown reference are the same "not found", so the lookup tells nothing about
	 * references that exist.
	 */
	@Transactional(readOnly = true)
	public Progress progress(String reference, String idSuffix) {
		Application a = applications.findByReference(normalise(reference))
			.filter(app -> app.status != ApplicationStatus.DRAFT)
			.orElse(null);
		boolean matches = residents.idNumberEndsWith(a == null ? null : new ResidentId(a.resident), idSuffix);
		if (a == null || !matches) {
			throw new NotFoundException("application");
		}
		return progressOf(a);
	}

	/** The progress of an application as its resident and the public lookup see it. */
	@Transactional(readOnly = true)
	public Progress progressOf(Application a) {
		String unitCode = organisation.find(new UnitId(a.unit)).map(Unit::code).orElse(null);
		List<Progress.Stage> stages = applications.steps(a.id)
			.stream()
			.filter(s -> s.step().shownToResident())
			.map(s -> new Progress.Stage(s.step(), s.on()))
			.toList();
		return new Progress(a.reference, a.itemCode, a.itemNameZh, a.itemNameEn, unitCode, a.status, a.receivedOn,
				a.acceptedOn, a.clockStopped() ? null : a.dueOn, a.clockStopped(), stages);
	}

	public Application accept(String reference, UnitScope scope) {
		Application a = get(reference, scope);
		record(a, a.accept(today(), days), null);
		return get(reference, scope);
	}

	/**
	 * Returns the application with one complete notice: every missing or incorrect material, and remarks. After
	 * acceptance the deadline clock stops until the resident resubmits.
	 */
	public Application returnForSupplement(String reference, List<SupplementNotice.Item> items, String remarks,
			UnitScope scope) {
		Application a = get(reference, scope);
		Set<String> codes = applications.requirements(a.id).stream().map(MaterialRequirement::code)
			.collect(Collectors.toSet());
		List<FieldProblem> problems = new ArrayList<>();
		List<SupplementNotice.Item> clean = new ArrayList<>();
		Set<String> seen = new LinkedHashSet<>();
		for (SupplementNotice.Item item : items) {
			if (item.requirement() == null || !codes.contains(item.requirement()) || !seen.add(item.requirement())) {
				problems.add(new FieldProblem("items", "services.notice.requirement.unknown"));
				continue;
			}
			String note = item.note() == null ? null : item.note().strip();
			if (note != null && note.length() > 500) {
				problems.add(new FieldProblem("items", "services.notice.note.tooLong", 500));
			}
			clean.add(new SupplementNotice.Item(item.requirement(),
					item.problem() == null ? SupplementNotice.Problem.MISSING : item.problem(),
					StringUtils.hasText(note) ? note : null));
		}
		String text = remarks == null ? null : remarks.strip();
		if (text != null && text.length() > REASON_MAX) {
			problems.add(new FieldProblem("remarks", "services.notice.remarks.tooLong", REASON_MAX));
		}
		if (clean.isEmpty() && !StringUtils.hasText(text) && problems.isEmpty()) {
			problems.add(new FieldProblem("items", "services.notice.empty"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Step step = a.returnForSupplement(today());
		applications.addNotice(a.id, a.round, clock.instant(), staffId(), StringUtils.hasText(text) ? text : null, clean);
		record(a, step, null);
		return get(reference, scope);
	}

	public Application refuse(String reference, String reason, UnitScope scope) {
		Application a = get(reference, scope);
		String why = reason(reason);
		record(a, a.refuse(why), why);
		return get(reference, scope);
	}

	public Application startReview(String reference, UnitScope scope) {
		Application a = get(reference, scope);
		record(a, a.startReview(staffId()), null);
		return get(reference, scope);
	}

	public Application approve(String reference, UnitScope scope) {
		Application a = get(reference, scope);
		record(a, a.approve(today()), null);
		return get(reference, scope);
	}

	public Application deny(String reference, String reason, UnitScope scope) {
		Application a = get(reference, scope);
		String why = reason(reason);
		record(a, a.deny(today(), why), why);
		return get(reference, scope);
	}

	public Application readyForCollection(String reference, UnitScope scope) {
		Application a = get(reference, scope);
		record(a, a.readyForCollection(), null);
		return get(reference, scope);
	}

	public Application delivered(String reference, UnitScope scope) {
		Application a = get(reference, scope);
		record(a, a.delivered(), null);
		return get(reference, scope);
	}

	public Application close(String reference, UnitScope scope) {
		Application a = get(reference, scope);
		record(a, a.close(today()), null);
		return get(reference, scope);
	}

	/** Assigns the application to a staff member; the caller checks that the assignee is in its scope. */
	public Application assign(String reference, UUID staff, UnitScope scope) {
		Application a = get(reference, scope);
		record(a, a.assign(staff), null);
		return get(reference, scope);
	}

	// ---- The deadline watch (system)

	/** Submissions nobody accepted or returned in time count as accepted from the day they were received. */
	int acceptOverdueIntakes() {
		int count = 0;
		for (Application a : applications.submittedReceivedOnOrBefore(today().minusDays(7))) {
			if (days.knows(a.receivedOn) && a.intakeDeadline(days).isBefore(today())) {
				recordAs(a, a.acceptImplied(days), null, Actor.SYSTEM);
				count++;
			}
		}
		return count;
	}

	/** Flags applications that reached 80 % of their time, or passed their deadline, once each. */
	int flagDeadlines() {
		int count = 0;
		LocalDate today = today();
		for (Application a : applications.runningWarnOnOrBefore(today)) {
			if (a.overdue(today) && a.overdueAt == null) {
				a.overdueAt = clock.instant();
				if (a.warnedAt == null) {
					a.warnedAt = a.overdueAt;
				}
				recordAs(a, Step.OVERDUE, null, Actor.SYSTEM);
				count++;
			}
			else if (a.dueSoon(today) && a.warnedAt == null) {
				a.warnedAt = clock.instant();
				recordAs(a, Step.DEADLINE_WARNING, null, Actor.SYSTEM);
				count++;
			}
		}
		return count;
	}

	// ---- Reading for everyone allowed

	@Transactional(readOnly = true)
	public List<TimelineEntry> timeline(Application a) {
		return applications.steps(a.id);
	}

	@Transactional(readOnly = true)
	public List<MaterialRequirement> requirements(Application a) {
		return applications.requirements(a.id);
	}

	@Transactional(readOnly = true)
	public List<Material> materials(Application a) {
		return applications.materials(a.id);
	}

	@Transactional(readOnly = true)
	public Optional<byte[]> materialContent(Application a, UUID material) {
		return applications.materialContent(a.id, material);
	}

	@Transactional(readOnly = true)
	public List<SupplementNotice> notices(Application a) {
		return applications.notices(a.id);
	}

	/** The notice the resident must answer now, if the application is returned. */
	@Transactional(readOnly = true)
	public SupplementNotice latestNotice(Application a) {
		List<SupplementNotice> notices = applications.notices(a.id);
		return notices.isEmpty() ? null : notices.get(notices.size() - 1);
	}

	/** A reference as typed: upper case, without surrounding spaces. */
	static String normalise(String reference) {
		return reference == null ? "" : reference.strip().toUpperCase(java.util.Locale.ROOT);
	}

	// ---- Internals

	private void record(Application a, Step step, String note) {
		recordAs(a, step, note, Actor.current());
	}

	private void recordAs(Application a, Step step, String note, Actor actor) {
		ApplicationStatus before = a.loadedStatus;
		save(a);
		Instant now = clock.instant();
		applications.addStep(a.id, step, now, today(), actor.kind().name(), actor.id(), note);
		if (a.status != before) {
			events.publishEvent(new ApplicationStatusChanged(a.id, a.resident, a.reference, a.status));
		}
		// Every change is audited, the resident's own too (a submission is a write of personal data). Last, so that
		// the chain, which the audit trail locks until the transaction ends, waits for as little as possible.
		var entry = AuditEntry.of(AuditAction.UPDATE, "application", a.reference).about(a.resident).detail(step.name());
		if (actor.kind() == org.anning.audit.ActorKind.STAFF || actor.kind() == org.anning.audit.ActorKind.SYSTEM) {
			entry = entry.purpose(Purpose.APPLICATION, a.reference);
		}
		audit.record(entry.by(actor));
	}

	private void save(Application a) {
		if (!applications.update(a)) {
			throw new ConflictException("services.application.changed");
		}
	}

	private static UUID staffId() {
		Actor actor = Actor.current();
		return actor.kind() == org.anning.audit.ActorKind.STAFF ? UUID.fromString(actor.id()) : null;
	}

	private static String reason(String reason) {
		if (!StringUtils.hasText(reason)) {
			throw new InvalidInputException("reason", "services.application.reason.required");
		}
		String stripped = reason.strip();
		if (stripped.length() > REASON_MAX) {
			throw new InvalidInputException("reason", "services.application.reason.tooLong", REASON_MAX);
		}
		return stripped;
	}

	private static Application.Delivery delivery(String value, List<FieldProblem> problems) {
		if (!StringUtils.hasText(value)) {
			return Application.Delivery.COLLECT;
		}
		try {
			return Application.Delivery.valueOf(value.strip());
		}
		catch (IllegalArgumentException e) {
			problems.add(new FieldProblem("delivery", "services.application.delivery.invalid"));
			return Application.Delivery.COLLECT;
		}
	}

	private static String checkKey(String key) {
		if (!StringUtils.hasText(key)) {
			return null;
		}
		String stripped = key.strip();
		if (stripped.length() > KEY_MAX) {
			throw new InvalidInputException("idempotencyKey", "services.application.key.tooLong", KEY_MAX);
		}
		return stripped;
	}
}
