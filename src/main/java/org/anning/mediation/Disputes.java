package org.anning.mediation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.anning.audit.Actor;
import org.anning.audit.ActorKind;
import org.anning.audit.AuditAction;
import org.anning.audit.AuditEntry;
import org.anning.audit.AuditTrail;
import org.anning.audit.Purpose;
import org.anning.cases.Cases;
import org.anning.privacy.PersonalData;
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
 * Disputes from intake to agreement and follow-up. Staff take disputes from walk-ins, 110 referrals, household
 * visits and other units; residents ask online and follow their requests. Parties' names and contacts are sealed
 * and shown masked; opening them is a read audited with the purpose DISPUTE. Every step is guarded by the
 * dispute (409 when illegal), recorded in its history and the audit trail, and published as an event with
 * identifiers so that the indicators stay current. Every staff action takes the caller's unit scope: a dispute
 * outside it is not found.
 */
@Service
@Transactional
public class Disputes {

	static final String NAME_FIELD = "mediation.party_name";

	static final String CONTACT_FIELD = "mediation.party_contact";

	public static final int MAX_PARTIES = 10;

	public static final int MAX_TERMS = 10;

	static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");

	private final DisputeRepository disputes;

	private final Mediators mediators;

	private final Cases cases;

	private final Organisation organisation;

	private final PersonalData personalData;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final MediationSettings settings;

	private final Clock clock;

	Disputes(DisputeRepository disputes, Mediators mediators, Cases cases, Organisation organisation,
			PersonalData personalData, AuditTrail audit, ApplicationEventPublisher events, MediationSettings settings,
			Clock clock) {
		this.disputes = disputes;
		this.mediators = mediators;
		this.cases = cases;
		this.organisation = organisation;
		this.personalData = personalData;
		this.audit = audit;
		this.events = events;
		this.settings = settings;
		this.clock = clock;
	}

	LocalDate today() {
		return LocalDate.now(clock);
	}

	/** Calendar days from an agreement to its follow-up visit. */
	public int followUpDays() {
		return settings.followUpDays();
	}

	// ---- Intake

	/** A dispute staff take (walk-in, 110 referral, household visit, referral from another unit) at a unit of scope. */
	public Dispute receive(NewDispute draft, UUID actingUnit, UnitScope scope) {
		List<FieldProblem> problems = new ArrayList<>();
		IntakeChannel channel = parse(IntakeChannel.class, draft.channel(), "channel", "mediation.channel.required",
				problems);
		if (channel == IntakeChannel.ONLINE) {
			problems.add(new FieldProblem("channel", "mediation.channel.required"));
			channel = null;
		}
		UUID unit = unitOf(organisation, draft.unit(), actingUnit, scope, problems);
		UUID referring = null;
		if (channel == IntakeChannel.UNIT_REFERRAL) {
			Unit from = StringUtils.hasText(draft.referringUnit())
					? organisation.findByCode(draft.referringUnit().strip()).filter(Unit::active).orElse(null) : null;
			if (from == null || from.id().value().equals(unit)) {
				problems.add(new FieldProblem("referringUnit", "mediation.referringUnit.required"));
			}
			else {
				referring = from.id().value();
			}
		}
		Risk risk = parse(Risk.class, draft.risk(), "risk", "mediation.risk.required", problems);
		String reason = text(problems, "riskReason", draft.riskReason(), 500, risk == Risk.MEDIUM || risk == Risk.HIGH);
		LocalDate received = date(problems, "receivedOn", draft.receivedOn(), today(), null);
		return create(channel, unit, referring, null, draft, risk, reason, received, problems);
	}

	/** A signed-in resident asks for mediation at a station (or sub-bureau); staff assess the risk later. */
	public Dispute request(UUID resident, NewDispute draft) {
		List<FieldProblem> problems = new ArrayList<>();
		Unit unit = StringUtils.hasText(draft.unit()) ? organisation.findByCode(draft.unit().strip()).orElse(null) : null;
		if (unit == null || !unit.active() || unit.level() == UnitLevel.BUREAU) {
			problems.add(new FieldProblem("unit", "mediation.unit.required"));
			unit = null;
		}
		return create(IntakeChannel.ONLINE, unit == null ? null : unit.id().value(), null, resident, draft, Risk.LOW, null,
				today(), problems);
	}

	private Dispute create(IntakeChannel channel, UUID unit, UUID referring, UUID resident, NewDispute draft, Risk risk,
			String riskReason, LocalDate received, List<FieldProblem> problems) {
		Category category = parse(Category.class, draft.category(), "category", "mediation.category.required", problems);
		String account = text(problems, "account", draft.account(), 2000, true);
		List<DisputeRepository.StoredParty> parties = parties(draft.parties(), resident != null, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Instant now = clock.instant();
		String reference = "TJ-%d-%06d".formatted(today().getYear(), disputes.nextNumber());
		LocalDate due = received.plusDays(Dispute.LIMIT_DAYS);
		var d = new Dispute(UUID.randomUUID(), reference, unit, channel, referring, resident, category, account, risk,
				riskReason, DisputeStatus.IN_MEDIATION, null, null, null, received, due.minusDays(Dispute.WARN_DAYS), due,
				null, 0, now, 0);
		disputes.insert(d, parties, staff());
		disputes.addStep(d.id(), "RECEIVED", received, now, actor(), null);
		AuditEntry created = AuditEntry.of(AuditAction.CREATE, "dispute", reference);
		audit.record(resident != null ? created.about(resident) : created);
		events.publishEvent(new Events.DisputeReceived(d.id(), unit, received, channel, risk));
		if (risk == Risk.HIGH) {
			events.publishEvent(new Events.HighRiskDisputeReported(d.id(), unit, reference, received));
		}
		inform(d, "RECEIVED", "received");
		return d;
	}

	private List<DisputeRepository.StoredParty> parties(List<NewParty> typed, boolean online,
			List<FieldProblem> problems) {
		List<DisputeRepository.StoredParty> result = new ArrayList<>();
		int named = 0;
		for (int i = 0; i < typed.size(); i++) {
			NewParty p = typed.get(i);
			if (p == null || p.blank()) {
				continue;
			}
			String field = "parties[" + i + "]";
			PartyRole role = parse(PartyRole.class, p.role(), field + ".role", "mediation.party.role.required", problems);
			String name = text(problems, field + ".name", p.name(), 50, true);
			String contact = p.contact() == null ? "" : p.contact().strip().replace(" ", "");
			if (!contact.isEmpty() && !PHONE.matcher(contact).matches()) {
				problems.add(new FieldProblem(field + ".contact", "mediation.party.contact.format"));
				contact = "";
			}
			if (online && i == 0 && contact.isEmpty()) {
				problems.add(new FieldProblem(field + ".contact", "mediation.party.contact.required"));
			}
			if (name != null) {
				named++;
			}
			if (role != null && name != null) {
				result.add(new DisputeRepository.StoredParty(role, personalData.seal(NAME_FIELD, name).ciphertext(),
						maskName(name), contact.isEmpty() ? null : personalData.seal(CONTACT_FIELD, contact).ciphertext(),
						contact.isEmpty() ? null : PersonalData.maskMobile(contact)));
			}
		}
		String missing = named == 0 ? "parties[0].name" : "parties[1].name";
		if (named < 2 && problems.stream().noneMatch(p -> p.field().equals(missing))) {
			problems.add(new FieldProblem(missing, "mediation.parties.two"));
		}
		if (result.size() > MAX_PARTIES) {
			problems.add(new FieldProblem("parties", "mediation.parties.tooMany", MAX_PARTIES));
		}
		return result;
	}

	/** A name with all but its first character hidden: {@code 张**}. */
	static String maskName(String name) {
		if (name == null || name.isEmpty()) {
			return name;
		}
		int first = name.offsetByCodePoints(0, 1);
		return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
	}

	// ---- Residents

	@Transactional(readOnly = true)
	public List<Dispute> mine(UUID resident) {
		return disputes.findByResident(resident);
	}

	/** A resident's own request; another's, or an unknown reference, is not found. */
	@Transactional(readOnly = true)
	public Dispute mine(UUID resident, String reference) {
		return disputes.findByReference(normalise(reference))
			.filter(d -> resident.equals(d.resident()))
			.orElseThrow(() -> new NotFoundException("dispute"));
	}

	/** The resident withdraws their own request while it is in mediation. */
	public Dispute withdrawMine(UUID resident, String reference, String reason) {
		Dispute d = mine(resident, reference);
		return close(d, Outcome.WITHDRAWN, today(), null, textOrFail("reason", reason, 1000, false));
	}

	/** The units residents may ask for mediation at. */
	@Transactional(readOnly = true)
	public List<Unit> units() {
		return organisation.active().stream()
			.filter(u -> u.level() == UnitLevel.STATION || u.level() == UnitLevel.SUB_BUREAU)
			.toList();
	}

	// ---- Staff: reading

	/** A dispute of a unit in scope, with masked parties only (not an audited read); anything else is not found. */
	@Transactional(readOnly = true)
	public Dispute get(String reference, UnitScope scope) {
		return disputes.findByReference(normalise(reference))
			.filter(d -> scope.covers(new UnitId(d.unit())))
			.orElseThrow(() -> new NotFoundException("dispute"));
	}

	@Transactional(readOnly = true)
	public List<Party> parties(Dispute d) {
		return disputes.parties(d.id());
	}

	/**
	 * The parties' full names and contacts, for the purpose of mediating this dispute: the read is audited in the
	 * same transaction (and shows in the requesting resident's access log).
	 */
	public List<OpenedParty> openParties(String reference, UnitScope scope) {
		Dispute d = get(reference, scope);
		audit.record(read(d, AuditAction.READ));
		return opened(d);
	}

	List<OpenedParty> opened(Dispute d) {
		List<DisputeRepository.StoredParty> stored = disputes.sealedParties(d.id());
		List<OpenedParty> result = new ArrayList<>();
		for (int i = 0; i < stored.size(); i++) {
			var p = stored.get(i);
			result.add(new OpenedParty(i, p.role(), personalData.open(NAME_FIELD, p.nameSealed()),
					p.contactSealed() == null ? null : personalData.open(CONTACT_FIELD, p.contactSealed())));
		}
		return result;
	}

	AuditEntry read(Dispute d, AuditAction action) {
		AuditEntry entry = AuditEntry.of(action, "dispute", d.reference()).purpose(Purpose.DISPUTE, d.reference());
		return d.resident() != null ? entry.about(d.resident()) : entry;
	}

	@Transactional(readOnly = true)
	public List<Session> sessions(Dispute d) {
		return disputes.sessions(d.id());
	}

	@Transactional(readOnly = true)
	public List<Agreement> agreements(Dispute d) {
		return disputes.agreements(d.id());
	}

	@Transactional(readOnly = true)
	public List<CaseLink> links(Dispute d) {
		return disputes.links(d.id());
	}

	@Transactional(readOnly = true)
	public List<DisputeStep> history(Dispute d) {
		return disputes.steps(d.id());
	}

	/** Steps a requesting resident sees: their request's progress, without staff's risk assessments and notes. */
	static final Set<String> RESIDENT_STEPS = Set.of("RECEIVED", "SESSION", "AGREEMENT", "NO_AGREEMENT", "WITHDRAWN",
			"FOLLOWED_UP", "FOLLOW_UP_FAILED", "REOPENED");

	/** The history as the resident who asked for mediation sees it. */
	@Transactional(readOnly = true)
	public List<DisputeStep> historyForResident(Dispute d) {
		return disputes.steps(d.id()).stream()
			.filter(s -> RESIDENT_STEPS.contains(s.step()))
			.map(s -> new DisputeStep(s.step(), s.on(), s.at(), null))
			.toList();
	}

	/** The mediators working on the dispute. */
	@Transactional(readOnly = true)
	public List<Mediator> mediators(Dispute d) {
		return disputes.mediatorsOf(d.id()).stream().map(id -> mediators.find(id).orElse(null))
			.filter(java.util.Objects::nonNull).toList();
	}

	// ---- Staff: steps

	/** Reassesses the escalation risk, saying what makes it MEDIUM or HIGH; raising it to HIGH tells the chief. */
	public Dispute assess(String reference, String risk, String reason, UnitScope scope) {
		Dispute d = get(reference, scope);
		List<FieldProblem> problems = new ArrayList<>();
		Risk level = parse(Risk.class, risk, "risk", "mediation.risk.required", problems);
		String why = text(problems, "riskReason", reason, 500, level == Risk.MEDIUM || level == Risk.HIGH);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		d.requireInMediation();
		Dispute changed = with(d, level, why, d.status(), d.outcome(), d.referral(), d.outcomeNote(), d.warnOn(),
				d.dueOn(), d.closedOn(), d.reopened());
		save(changed, "RISK_" + level.name(), today(), why);
		if (level == Risk.HIGH && d.risk() != Risk.HIGH) {
			events.publishEvent(new Events.HighRiskDisputeReported(d.id(), d.unit(), d.reference(), today()));
		}
		return get(reference, scope);
	}

	/** Names an active mediator of the dispute's unit as working on it. */
	public Dispute addMediator(String reference, String mediatorId, UnitScope scope) {
		Dispute d = get(reference, scope);
		Mediator m = mediatorOf(d, mediatorId, "mediator");
		d.requireInMediation();
		if (!disputes.addMediator(d.id(), m.id(), clock.instant())) {
			throw new ConflictException("mediation.mediator.already", m.name());
		}
		disputes.addStep(d.id(), "MEDIATOR_ADDED", today(), clock.instant(), actor(), m.name());
		audit.record(AuditEntry.of(AuditAction.UPDATE, "dispute", d.reference()).detail("MEDIATOR_ADDED"));
		return d;
	}

	public Dispute removeMediator(String reference, UUID mediator, UnitScope scope) {
		Dispute d = get(reference, scope);
		d.requireInMediation();
		if (!disputes.removeMediator(d.id(), mediator)) {
			throw new NotFoundException("mediator");
		}
		disputes.addStep(d.id(), "MEDIATOR_REMOVED", today(), clock.instant(), actor(),
				mediators.find(mediator).map(Mediator::name).orElse(null));
		audit.record(AuditEntry.of(AuditAction.UPDATE, "dispute", d.reference()).detail("MEDIATOR_REMOVED"));
		return d;
	}

	private Mediator mediatorOf(Dispute d, String id, String field) {
		UUID parsed = uuid(id);
		Mediator m = parsed == null ? null : mediators.find(parsed).filter(x -> x.unit().equals(d.unit())).orElse(null);
		if (m == null || !m.active()) {
			throw new InvalidInputException(field, "mediation.mediator.unknown");
		}
		return m;
	}

	/** Records a session: its date (not before receipt, not in the future), who attended, notes. */
	public Session recordSession(String reference, String heldOn, String attended, List<String> mediatorIds,
			String notes, UnitScope scope) {
		Dispute d = get(reference, scope);
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate held = date(problems, "heldOn", heldOn, today(), d.receivedOn());
		String who = text(problems, "attended", attended, 500, true);
		String text = text(problems, "notes", notes, 4000, true);
		List<UUID> present = new ArrayList<>();
		for (String id : mediatorIds == null ? List.<String>of() : mediatorIds) {
			if (!StringUtils.hasText(id)) {
				continue;
			}
			UUID parsed = uuid(id);
			if (parsed == null
					|| mediators.find(parsed).filter(m -> m.unit().equals(d.unit())).filter(Mediator::active).isEmpty()) {
				problems.add(new FieldProblem("mediators", "mediation.mediator.unknown"));
				break;
			}
			if (!present.contains(parsed)) {
				present.add(parsed);
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		d.requireInMediation();
		Instant now = clock.instant();
		var session = new Session(UUID.randomUUID(), held, who, List.copyOf(present), text);
		disputes.addSession(d.id(), session, staff(), now);
		for (UUID m : present) {
			disputes.addMediator(d.id(), m, now);
		}
		save(d, "SESSION", held, null);
		inform(d, "SESSION", "session:" + session.id());
		return session;
	}

	/** A term as typed. */
	public record NewTerm(String party, String obligation, String dueBy) {

		boolean blank() {
			return !StringUtils.hasText(party) && !StringUtils.hasText(obligation) && !StringUtils.hasText(dueBy);
		}
	}

	/** Closes the dispute with an agreement and its terms; the follow-up visit falls due N days later. */
	public Agreement agree(String reference, String agreedOn, List<NewTerm> terms, String note, UnitScope scope) {
		Dispute d = get(reference, scope);
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate on = date(problems, "agreedOn", agreedOn, today(), d.receivedOn());
		List<Term> checked = new ArrayList<>();
		List<NewTerm> typed = terms == null ? List.of() : terms;
		for (int i = 0; i < typed.size(); i++) {
			NewTerm t = typed.get(i);
			if (t == null || t.blank()) {
				continue;
			}
			String field = "terms[" + i + "]";
			String party = text(problems, field + ".party", t.party(), 100, true);
			String obligation = text(problems, field + ".obligation", t.obligation(), 1000, true);
			LocalDate by = null;
			if (StringUtils.hasText(t.dueBy())) {
				try {
					by = LocalDate.parse(t.dueBy().strip());
					if (on != null && by.isBefore(on)) {
						problems.add(new FieldProblem(field + ".dueBy", "mediation.term.dueBy.beforeAgreement"));
					}
				}
				catch (DateTimeParseException e) {
					problems.add(new FieldProblem(field + ".dueBy", "mediation.date.format"));
				}
			}
			checked.add(new Term(party, obligation, by));
		}
		if (checked.isEmpty()) {
			problems.add(new FieldProblem("terms[0].obligation", "mediation.terms.required"));
		}
		else if (checked.size() > MAX_TERMS) {
			problems.add(new FieldProblem("terms", "mediation.terms.tooMany", MAX_TERMS));
		}
		String text = text(problems, "note", note, 1000, false);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		d.requireInMediation();
		UUID id = UUID.randomUUID();
		LocalDate due = on.plusDays(settings.followUpDays());
		disputes.addAgreement(id, d.id(), d.unit(), on, due, checked, clock.instant());
		close(d, Outcome.AGREEMENT, on, null, text);
		events.publishEvent(new Events.AgreementReached(d.id(), id, d.unit(), on, due));
		return disputes.agreements(d.id()).stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
	}

	/** Closes the dispute without agreement, with the referral made (court, arbitration, ...). */
	public Dispute noAgreement(String reference, String on, String referral, String note, UnitScope scope) {
		Dispute d = get(reference, scope);
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate date = date(problems, "closedOn", on, today(), d.receivedOn());
		Referral to = parse(Referral.class, referral, "referral", "mediation.referral.required", problems);
		String text = text(problems, "note", note, 1000, false);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return close(d, Outcome.NO_AGREEMENT, date, to, text);
	}

	/** Closes the dispute as withdrawn by the parties. */
	public Dispute withdraw(String reference, String on, String note, UnitScope scope) {
		Dispute d = get(reference, scope);
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate date = date(problems, "closedOn", on, today(), d.receivedOn());
		String text = text(problems, "note", note, 1000, false);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return close(d, Outcome.WITHDRAWN, date, null, text);
	}

	private Dispute close(Dispute d, Outcome outcome, LocalDate on, Referral referral, String note) {
		d.requireInMediation();
		Dispute closed = with(d, d.risk(), d.riskReason(), DisputeStatus.CLOSED, outcome, referral, note, d.warnOn(),
				d.dueOn(), on, d.reopened());
		save(closed, outcome.name(), on, null);
		events.publishEvent(new Events.DisputeClosed(d.id(), d.unit(), on, outcome, d.receivedOn()));
		inform(d, outcome.name(), "closed:" + d.reopened());
		return disputes.findById(d.id()).orElseThrow();
	}

	/**
	 * Records the follow-up visit of the dispute's latest agreement: was it carried out? If not, the dispute is
	 * reopened (back in mediation, with a new 30-day limit) or referred on, or nothing more is done.
	 */
	public Agreement followUp(String reference, String on, String carriedOut, String action, String referral,
			String note, UnitScope scope) {
		Dispute d = get(reference, scope);
		List<Agreement> agreements = disputes.agreements(d.id());
		Agreement latest = agreements.isEmpty() ? null : agreements.get(agreements.size() - 1);
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate date = date(problems, "followedUpOn", on, today(), latest == null ? d.receivedOn() : latest.agreedOn());
		Boolean done = null;
		if ("true".equalsIgnoreCase(strip(carriedOut))) {
			done = true;
		}
		else if ("false".equalsIgnoreCase(strip(carriedOut))) {
			done = false;
		}
		else {
			problems.add(new FieldProblem("carriedOut", "mediation.followUp.carriedOut.required"));
		}
		FollowUpAction next = FollowUpAction.NONE;
		Referral to = null;
		if (Boolean.FALSE.equals(done)) {
			next = parse(FollowUpAction.class, action, "action", "mediation.followUp.action.required", problems);
			if (next == FollowUpAction.REFERRED) {
				to = parse(Referral.class, referral, "referral", "mediation.referral.required", problems);
			}
		}
		String text = text(problems, "note", note, 1000, Boolean.FALSE.equals(done));
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (d.inMediation() || d.outcome() != Outcome.AGREEMENT || latest == null || latest.followedUp()) {
			throw new ConflictException("mediation.followUp.notDue", d.reference());
		}
		if (!disputes.recordFollowUp(latest.id(), date, done, text, next, to)) {
			throw new ConflictException("mediation.followUp.notDue", d.reference());
		}
		Instant now = clock.instant();
		disputes.addStep(d.id(), done ? "FOLLOWED_UP" : "FOLLOW_UP_FAILED", date, now, actor(), null);
		audit.record(AuditEntry.of(AuditAction.UPDATE, "dispute", d.reference()).detail("FOLLOW_UP"));
		events.publishEvent(new Events.FollowUpRecorded(d.id(), latest.id(), d.unit(), date, latest.followUpDue(), done,
				next));
		inform(d, "FOLLOWED_UP", "followUp:" + latest.id());
		if (next == FollowUpAction.REOPENED) {
			LocalDate due = today().plusDays(Dispute.LIMIT_DAYS);
			Dispute reopened = with(d, d.risk(), d.riskReason(), DisputeStatus.IN_MEDIATION, null, null, null,
					due.minusDays(Dispute.WARN_DAYS), due, null, d.reopened() + 1);
			save(reopened, "REOPENED", today(), null);
			events.publishEvent(new Events.DisputeReopened(d.id(), d.unit(), today(), d.closedOn()));
			inform(d, "REOPENED", "reopened:" + (d.reopened() + 1));
		}
		return disputes.agreements(d.id()).stream().filter(a -> a.id().equals(latest.id())).findFirst().orElseThrow();
	}

	/**
	 * Links the dispute to the criminal case it turned into (民转刑), by the case's number; the case must exist and
	 * be visible to the caller. The link counts on the day it is made.
	 */
	public CaseLink escalate(String reference, String caseNumber, UnitScope scope) {
		Dispute d = get(reference, scope);
		String number = caseNumber == null ? "" : caseNumber.strip().toUpperCase(Locale.ROOT);
		if (number.isEmpty()) {
			throw new InvalidInputException("caseNumber", "mediation.escalate.caseNumber.required");
		}
		try {
			number = cases.get(number, scope).caseNumber();
		}
		catch (NotFoundException e) {
			throw new InvalidInputException("caseNumber", "mediation.escalate.caseNumber.unknown");
		}
		LocalDate on = today();
		if (!disputes.link(d.id(), number, d.unit(), on, staff(), clock.instant())) {
			throw new ConflictException("mediation.escalate.already", number);
		}
		disputes.addStep(d.id(), "ESCALATED", on, clock.instant(), actor(), number);
		audit.record(AuditEntry.of(AuditAction.UPDATE, "dispute", d.reference()).detail("ESCALATED " + number));
		events.publishEvent(new Events.DisputeEscalated(d.id(), d.unit(), on, number));
		return new CaseLink(number, on);
	}

	// ---- Internals

	private void save(Dispute after, String step, LocalDate on, String note) {
		Instant now = clock.instant();
		if (!disputes.update(after, now)) {
			throw new ConflictException("mediation.dispute.changed");
		}
		disputes.addStep(after.id(), step, on, now, actor(), note);
		AuditEntry entry = AuditEntry.of(AuditAction.UPDATE, "dispute", after.reference()).detail(step);
		audit.record(after.resident() != null ? entry.about(after.resident()) : entry);
	}

	private void inform(Dispute d, String what, String topic) {
		if (d.resident() != null) {
			events.publishEvent(new Events.RequesterInformed(d.resident(), d.reference(), what, topic));
		}
	}

	private static Dispute with(Dispute d, Risk risk, String riskReason, DisputeStatus status, Outcome outcome,
			Referral referral, String note, LocalDate warnOn, LocalDate dueOn, LocalDate closedOn, int reopened) {
		return new Dispute(d.id(), d.reference(), d.unit(), d.channel(), d.referringUnit(), d.resident(), d.category(),
				d.account(), risk, riskReason, status, outcome, referral, note, d.receivedOn(), warnOn, dueOn, closedOn,
				reopened, d.createdAt(), d.version());
	}

	static UUID unitOf(Organisation organisation, String code, UUID acting, UnitScope scope,
			List<FieldProblem> problems) {
		if (!StringUtils.hasText(code)) {
			if (acting != null && scope.covers(new UnitId(acting))) {
				return acting;
			}
			problems.add(new FieldProblem("unit", "mediation.unit.required"));
			return null;
		}
		Unit unit = organisation.findByCode(code.strip()).filter(u -> scope.covers(u.id())).filter(Unit::active)
			.orElse(null);
		if (unit == null) {
			problems.add(new FieldProblem("unit", "mediation.unit.required"));
			return null;
		}
		return unit.id().value();
	}

	static <E extends Enum<E>> E parse(Class<E> type, String value, String field, String code,
			List<FieldProblem> problems) {
		try {
			return Enum.valueOf(type, value == null ? "" : value.strip());
		}
		catch (IllegalArgumentException e) {
			problems.add(new FieldProblem(field, code));
			return null;
		}
	}

	/** A date not in the future and not before {@code notBefore}; {@code fallback} when empty. */
	LocalDate date(List<FieldProblem> problems, String field, String value, LocalDate fallback, LocalDate notBefore) {
		if (!StringUtils.hasText(value)) {
			if (fallback == null) {
				problems.add(new FieldProblem(field, "mediation.date.required"));
			}
			return fallback;
		}
		try {
			LocalDate date = LocalDate.parse(value.strip());
			if (date.isAfter(today())) {
				problems.add(new FieldProblem(field, "mediation.date.future"));
				return null;
			}
			if (notBefore != null && date.isBefore(notBefore)) {
				problems.add(new FieldProblem(field, "mediation.date.tooEarly", notBefore));
				return null;
			}
			return date;
		}
		catch (DateTimeParseException e) {
			problems.add(new FieldProblem(field, "mediation.date.format"));
			return null;
		}
	}

	static String text(List<FieldProblem> problems, String field, String value, int max, boolean required) {
		String stripped = value == null ? null : value.strip();
		if (!StringUtils.hasText(stripped)) {
			if (required) {
				problems.add(new FieldProblem(field, "mediation.text.required"));
			}
			return null;
		}
		if (stripped.length() > max) {
			problems.add(new FieldProblem(field, "mediation.text.tooLong", max));
			return null;
		}
		return stripped;
	}

	private static String textOrFail(String field, String value, int max, boolean required) {
		List<FieldProblem> problems = new ArrayList<>();
		String text = text(problems, field, value, max, required);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return text;
	}

	private static String strip(String value) {
		return value == null ? "" : value.strip();
	}

	private static UUID uuid(String value) {
		try {
			return value == null ? null : UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	static String normalise(String reference) {
		return reference == null ? "" : reference.strip().toUpperCase(Locale.ROOT);
	}

	/** A reference as stored: trimmed, in capitals. */
	public static String normaliseReference(String reference) {
		return normalise(reference);
	}

	static UUID staff() {
		Actor actor = Actor.current();
		return actor.kind() == ActorKind.STAFF ? UUID.fromString(actor.id()) : null;
	}

	static String actor() {
		return Actor.current().id();
	}

	/** Roles that open parties' full names and contacts, and print the agreement. */
	public static final Set<String> OPENERS = Set.of("MEDIATOR", "COMMUNITY_OFFICER", "STATION_CHIEF", "AUDITOR");
}
