package org.anning.outreach;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.anning.audit.AuditAction;
import org.anning.audit.AuditEntry;
import org.anning.audit.AuditTrail;
import org.anning.units.UnitId;
import org.anning.units.UnitScope;
import org.anning.web.InvalidInputException;
import org.anning.web.InvalidInputException.FieldProblem;
import org.anning.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Publicity events (宣传) of the units in the scope: anti-fraud, traffic safety, drug prevention and others. */
@Service
@Transactional
public class Publicity {

	static final int TITLE_MAX = 100;

	static final int PLACE_MAX = 200;

	static final int TEXT_MAX = 500;

	static final int COUNT_MAX = 1_000_000;

	private final OutreachRepository repository;

	private final OutreachChecks checks;

	private final Submissions submissions;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Publicity(OutreachRepository repository, OutreachChecks checks, Submissions submissions, AuditTrail audit,
			ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.checks = checks;
		this.submissions = submissions;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Records an event for a unit in the scope (the officer's own when none is given). With an idempotency key, a
	 * repeat returns the event the first request made.
	 *
	 * @throws InvalidInputException for every invalid field at once
	 */
	public PublicityEvent record(NewPublicityEvent draft, UUID officer, UUID ownUnit, UnitScope scope, String key) {
		return submissions.once(key, "PUBLICITY", id -> create(id, draft, officer, ownUnit, scope),
				id -> repository.publicityById(id).orElseThrow(() -> new NotFoundException("event")));
	}

	private PublicityEvent create(UUID id, NewPublicityEvent draft, UUID officer, UUID ownUnit, UnitScope scope) {
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate today = LocalDate.now(clock);
		UUID unit = checks.unit(draft.unit(), ownUnit, scope, problems);
		PublicityTopic topic = OutreachChecks.choice(PublicityTopic.class, draft.topic(), "topic", problems);
		String title = OutreachChecks.text(draft.title(), "title", TITLE_MAX, true, problems);
		String place = OutreachChecks.text(draft.place(), "place", PLACE_MAX, true, problems);
		LocalDate heldOn = OutreachChecks.pastDay(draft.heldOn(), "heldOn", today, problems);
		Integer attendance = OutreachChecks.number(draft.attendance(), "attendance", 0, COUNT_MAX, true, problems);
		Integer materialsCount = OutreachChecks.number(draft.materialsCount(), "materialsCount", 0, COUNT_MAX, false, problems);
		String materials = OutreachChecks.text(draft.materials(), "materials", TEXT_MAX, false, problems);
		String partners = OutreachChecks.text(draft.partners(), "partners", TEXT_MAX, false, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		String reference = "XC-%d-%06d".formatted(today.getYear(), repository.next("outreach_publicity_number_seq"));
		var event = new PublicityEvent(id, reference, unit, topic, title, place, heldOn, attendance,
				materialsCount == null ? 0 : materialsCount, materials, partners, officer, clock.instant());
		repository.insert(event);
		audit.record(AuditEntry.of(AuditAction.CREATE, "publicity-event", reference));
		events.publishEvent(new OutreachEvents.PublicityEventRecorded(id, unit, heldOn));
		return event;
	}

	@Transactional(readOnly = true)
	public PublicityEvent get(String reference, UnitScope scope) {
		return repository.publicityByReference(OutreachChecks.reference(reference))
			.filter(e -> scope.covers(new UnitId(e.unit())))
			.orElseThrow(() -> new NotFoundException("event"));
	}

	/** Events of the units in the scope between two days, newest first. */
	@Transactional(readOnly = true)
	public List<PublicityEvent> list(UnitScope scope, LocalDate from, LocalDate to, int limit) {
		return repository.publicity(scope.ids(), from, to, limit);
	}
}
