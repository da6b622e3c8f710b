package org.anning.cases;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.anning.audit.AuditAction;
import org.anning.audit.AuditEntry;
import org.anning.audit.AuditTrail;
import org.anning.audit.Purpose;
import org.anning.privacy.PersonalData;
import org.anning.services.MaterialCheck;
import org.anning.services.MaterialFormat;
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
 * Reports from every channel and their intake. Residents report online (fraud, theft, lost property, other) and
 * follow their reports; staff take reports from 110 calls and walk-ins, and triage each to a new case, to an
 * existing case (several victims of one scam), or to a non-criminal outcome with a reason; the resident is told.
 * Opening a report is a read of the reporter's personal data: it is audited with the purpose CASE.
 */
@Service
@Transactional
public class Reports {

	public static final int MAX_ATTACHMENTS = 10;

	public static final int MAX_ACCOUNTS = 10;

	static final String PHONE_FIELD = "report.reporter_phone";

	static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");

	private final ReportRepository reports;

	private final Cases cases;

	private final CaseRepository caseRecords;

	private final Organisation organisation;

	private final MaterialCheck materials;

	private final PersonalData personalData;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Reports(ReportRepository reports, Cases cases, CaseRepository caseRecords, Organisation organisation,
			MaterialCheck materials, PersonalData personalData, AuditTrail audit, ApplicationEventPublisher events,
			Clock clock) {
		this.reports = reports;
		this.cases = cases;
		this.caseRecords = caseRecords;
		this.organisation = organisation;
		this.materials = materials;
		this.personalData = personalData;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** A resident's online report with its attachments (at most {@link #MAX_ATTACHMENTS}); all stored, or none. */
	public Report reportOnline(UUID resident, NewReport draft, List<AttachmentUpload> attachments) {
		return create(Channel.ONLINE, resident, draft, attachments, null, null);
	}

	/** A report staff take from a 110 call or a walk-in, at a unit of their scope (their own when none is named). */
	public Report take(Channel channel, NewReport draft, List<AttachmentUpload> attachments, UUID actingUnit,
			UnitScope scope) {
		if (channel == null || channel == Channel.ONLINE) {
			throw new InvalidInputException("channel", "cases.report.channel.required");
		}
		return create(channel, null, draft, attachments, actingUnit, scope);
	}

	private Report create(Channel channel, UUID resident, NewReport draft, List<AttachmentUpload> attachments,
			UUID actingUnit, UnitScope scope) {
		List<FieldProblem> problems = new ArrayList<>();
		ReportKind kind = null;
		try {
			kind = ReportKind.valueOf(draft.kind() == null ? "" : draft.kind().strip());
		}
		catch (IllegalArgumentException e) {
			problems.add(new FieldProblem("kind", "cases.report.kind.required"));
		}
		UUID unit = unit(draft.unit(), actingUnit, scope, problems);
		String narrative = Cases.text(problems, "narrative", draft.narrative(), 5000, true);
		String place = Cases.text(problems, "place", draft.place(), 200, true);
		LocalDateTime occurred = draft.occurredAt();
		if (occurred == null) {
			problems.add(new FieldProblem("occurredAt", "cases.report.occurredAt.required"));
		}
		else if (occurred.atZone(clock.getZone()).toInstant().isAfter(clock.instant())) {
			problems.add(new FieldProblem("occurredAt", "cases.date.future"));
		}
		BigDecimal loss = StringUtils.hasText(draft.loss()) ? Cases.amount("loss", draft.loss(), true, problems) : null;
		PaymentChannel payment = null;
		if (StringUtils.hasText(draft.paymentMethod())) {
			try {
				payment = PaymentChannel.valueOf(draft.paymentMethod().strip());
			}
			catch (IllegalArgumentException e) {
				problems.add(new FieldProblem("paymentMethod", "cases.report.payment.invalid"));
			}
		}
		List<ReceivingAccount> accounts = accounts(draft.accounts(), problems);
		if (kind == ReportKind.TELECOM_FRAUD && accounts.isEmpty() && channel == Channel.ONLINE) {
			problems.add(new FieldProblem("accounts[0].account", "cases.report.accounts.required"));
		}
		String reporterName = null;
		byte[] phone = null;
		if (channel != Channel.ONLINE) {
			reporterName = Cases.text(problems, "reporterName", draft.reporterName(), 50, true);
			String typed = draft.reporterPhone() == null ? "" : draft.reporterPhone().strip();
			if (!typed.isEmpty() && !MOBILE.matcher(typed).matches()) {
				problems.add(new FieldProblem("reporterPhone", "cases.report.phone.format"));
			}
			else if (!typed.isEmpty()) {
				phone = personalData.seal(PHONE_FIELD, typed).ciphertext();
			}
		}
		if (attachments.size() > MAX_ATTACHMENTS) {
			problems.add(new FieldProblem("files", "cases.report.attachments.tooMany", MAX_ATTACHMENTS));
		}
		List<MaterialCheck.Checked> checked = new ArrayList<>();
		for (int i = 0; i < attachments.size() && i < MAX_ATTACHMENTS; i++) {
			AttachmentUpload a = attachments.get(i);
			try {
				checked.add(materials.check("files[" + i + "]", a.fileName(), a.content(), EnumSet.allOf(MaterialFormat.class)));
			}
			catch (InvalidInputException e) {
				problems.addAll(e.problems());
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Instant now = clock.instant();
		String reference = "BA-%d-%06d".formatted(java.time.LocalDate.now(clock).getYear(), reports.nextNumber());
		var report = new Report(UUID.randomUUID(), reference, channel, kind, unit, resident, reporterName, narrative,
				occurred.atZone(clock.getZone()).toInstant(), place, loss, payment, ReportStatus.RECEIVED, null, null, now,
				null, 0);
		reports.insert(report, phone, accounts, SearchTokens.of(reference, narrative, place));
		for (MaterialCheck.Checked file : checked) {
			reports.addAttachment(UUID.randomUUID(), report.id(), file.fileName(), file.format().contentType(),
					file.content(), file.sha256(), now);
		}
		AuditEntry created = AuditEntry.of(AuditAction.CREATE, "report", reference);
		audit.record(resident != null ? created.about(resident) : created);
		events.publishEvent(new Events.ReportReceived(report.id(), unit, channel));
		return report;
	}

	// ---- Residents

	@Transactional(readOnly = true)
	public List<Report> mine(UUID resident) {
		return reports.findByResident(resident);
	}

	/** A resident's own report; another's, or an unknown reference, is not found. */
	@Transactional(readOnly = true)
	public Report mine(UUID resident, String reference) {
		return reports.findByReference(normalise(reference))
			.filter(r -> resident.equals(r.resident()))
			.orElseThrow(() -> new NotFoundException("report"));
	}

	/** What the resident who reported sees of the case: its number, status, dates, and the money returned to them. */
	@Transactional(readOnly = true)
	public Optional<CaseProgress> caseProgress(Report report) {
		if (report.caseId() == null) {
			return Optional.empty();
		}
		return cases.find(report.caseId()).map(c -> {
			UUID victim = caseRecords.victims(c.id()).stream().filter(v -> report.id().equals(v.report())).map(Victim::id)
				.findFirst().orElse(null);
			BigDecimal returned = victim == null ? BigDecimal.ZERO.setScale(2) : cases.returnedTo(c, victim);
			return new CaseProgress(c.caseNumber(), c.status(), c.registeredOn(), c.clearedOn(), c.closedOn(), returned);
		});
	}

	/** A report's case as its reporter sees it. */
	public record CaseProgress(String caseNumber, CaseStatus status, java.time.LocalDate registeredOn,
			java.time.LocalDate clearedOn, java.time.LocalDate closedOn, BigDecimal returned) {
	}

	// ---- Staff

	/** A report of a unit in scope, without opening personal data (the intake list shows these). */
	@Transactional(readOnly = true)
	public Report get(String reference, UnitScope scope) {
		return reports.findByReference(normalise(reference))
			.filter(r -> scope.covers(new UnitId(r.unit())))
			.orElseThrow(() -> new NotFoundException("report"));
	}

	/**
	 * Opens a report with the reporter's phone number, accounts and attachments, for the purpose of handling a
	 * case: the read is audited in the same transaction and shows in the resident's access log.
	 */
	public OpenedReport open(String reference, UnitScope scope) {
		Report r = get(reference, scope);
		boolean full = fullValues();
		String phone = reports.phoneSealed(r.id()).map(b -> personalData.open(PHONE_FIELD, b)).orElse(null);
		AuditEntry read = AuditEntry.of(AuditAction.READ, "report", r.reference()).purpose(Purpose.CASE, r.reference());
		audit.record(r.resident() != null ? read.about(r.resident()) : read);
		List<ReceivingAccount> accounts = reports.accounts(r.id());
		if (!full) {
			phone = phone == null ? null : PersonalData.maskMobile(phone);
			accounts = accounts.stream()
				.map(a -> new ReceivingAccount(a.channel(), a.institution(), maskAccount(a.account()), a.holder(), a.amount()))
				.toList();
		}
		return new OpenedReport(r, phone, accounts, reports.attachments(r.id()));
	}

	/** Roles that work cases see full numbers; the front desk and command see them masked (last four kept). */
	static final Set<String> FULL_VALUE_ROLES = Set.of("ROLE_CASE_OFFICER", "ROLE_STATION_CHIEF", "ROLE_AUDITOR");

	private static boolean fullValues() {
		var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getAuthorities().stream()
			.anyMatch(a -> FULL_VALUE_ROLES.contains(a.getAuthority()));
	}

	static String maskAccount(String account) {
		if (account == null || account.length() <= 4) {
			return account;
		}
		return "*".repeat(Math.min(account.length() - 4, 12)) + account.substring(account.length() - 4);
	}

	/** A report opened by staff. */
	public record OpenedReport(Report report, String reporterPhone, List<ReceivingAccount> accounts,
			List<Attachment> attachments) {
	}

	@Transactional(readOnly = true)
	public List<ReceivingAccount> accounts(Report r) {
		return reports.accounts(r.id());
	}

	@Transactional(readOnly = true)
	public List<Attachment> attachments(Report r) {
		return reports.attachments(r.id());
	}

	@Transactional(readOnly = true)
	public Optional<byte[]> attachmentContent(Report r, UUID attachment) {
		return reports.attachmentContent(r.id(), attachment);
	}

	/** Reports of the units in scope, newest first; only those waiting for intake when {@code status} says so. */
	@Transactional(readOnly = true)
	public List<Report> list(UnitScope scope, ReportStatus status, int limit) {
		return reports.list(scope.ids(), status, Math.max(1, Math.min(limit, 500)));
	}

	@Transactional(readOnly = true)
	public List<Report> ofCase(CaseFile c) {
		return reports.findByCase(c.id());
	}

	/** Intake: registers a new case from the report, with its reporter as the first victim. */
	public CaseFile toNewCase(String reference, NewCase draft, UUID actingUnit, UnitScope scope) {
		Report r = waiting(reference, scope);
		NewCase filled = new NewCase(StringUtils.hasText(draft.unit()) ? draft.unit() : unitCode(r.unit()),
				draft.category(),
				StringUtils.hasText(draft.occurredOn()) ? draft.occurredOn()
						: r.occurredAt().atZone(clock.getZone()).toLocalDate().toString(),
				draft.registeredOn(), StringUtils.hasText(draft.place()) ? draft.place() : r.place(),
				StringUtils.hasText(draft.narrative()) ? draft.narrative() : r.narrative());
		CaseFile c = cases.register(filled, actingUnit, scope);
		cases.addVictimFromReport(c, r, victimLabel(r));
		triaged(r, ReportStatus.CASE_REGISTERED, null, c);
		return cases.get(c.caseNumber(), scope);
	}

	/** Intake: adds the report (and its reporter as a victim) to an existing case of the scope. */
	public CaseFile toExistingCase(String reference, String caseNumber, UnitScope scope) {
		Report r = waiting(reference, scope);
		CaseFile c;
		try {
			c = cases.get(caseNumber, scope);
		}
		catch (NotFoundException e) {
			throw new InvalidInputException("caseNumber", "cases.report.case.unknown");
		}
		cases.addVictimFromReport(c, r, victimLabel(r));
		triaged(r, ReportStatus.CASE_REGISTERED, null, c);
		return cases.get(c.caseNumber(), scope);
	}

	/** Intake: not a criminal matter, with the reason the reporter is told. */
	public Report nonCriminal(String reference, String reason, UnitScope scope) {
		Report r = waiting(reference, scope);
		List<FieldProblem> problems = new ArrayList<>();
		String why = Cases.text(problems, "reason", reason, 1000, true);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		triaged(r, ReportStatus.NON_CRIMINAL, why, null);
		return get(reference, scope);
	}

	private Report waiting(String reference, UnitScope scope) {
		Report r = get(reference, scope);
		if (r.status() != ReportStatus.RECEIVED) {
			throw new ConflictException("cases.report.triaged");
		}
		return r;
	}

	private void triaged(Report r, ReportStatus status, String reason, CaseFile c) {
		if (!reports.triage(r.id(), r.version(), status, reason, c == null ? null : c.id(), Cases.staff(), clock.instant())) {
			throw new ConflictException("cases.report.triaged");
		}
		AuditEntry entry = AuditEntry.of(AuditAction.UPDATE, "report", r.reference()).detail(status.name());
		audit.record(r.resident() != null ? entry.about(r.resident()).purpose(Purpose.CASE, r.reference()) : entry);
		events.publishEvent(new Events.ReportTriaged(r.id(), r.resident(), r.reference(), status,
				c == null ? null : c.caseNumber()));
	}

	/** A victim's label that names no one: the report it came from. */
	private static String victimLabel(Report r) {
		return r.reference();
	}

	private String unitCode(UUID unit) {
		return organisation.find(new UnitId(unit)).map(Unit::code).orElse(null);
	}

	private UUID unit(String code, UUID acting, UnitScope scope, List<FieldProblem> problems) {
		if (scope == null) { // a resident: any active station or sub-bureau
			Unit unit = StringUtils.hasText(code) ? organisation.findByCode(code.strip()).orElse(null) : null;
			if (unit == null || !unit.active() || unit.level() == UnitLevel.BUREAU) {
				problems.add(new FieldProblem("unit", "cases.report.unit.required"));
				return null;
			}
			return unit.id().value();
		}
		if (!StringUtils.hasText(code)) {
			if (acting != null && scope.covers(new UnitId(acting))) {
				return acting;
			}
			problems.add(new FieldProblem("unit", "cases.report.unit.required"));
			return null;
		}
		Unit unit = organisation.findByCode(code.strip()).filter(u -> scope.covers(u.id())).orElse(null);
		if (unit == null) {
			problems.add(new FieldProblem("unit", "cases.report.unit.required"));
			return null;
		}
		return unit.id().value();
	}

	/** The units residents may send an online report to. */
	@Transactional(readOnly = true)
	public List<Unit> units() {
		return organisation.active().stream().filter(u -> u.level() == UnitLevel.STATION || u.level() == UnitLevel.SUB_BUREAU)
			.toList();
	}

	private static List<ReceivingAccount> accounts(List<ReceivingAccount> typed, List<FieldProblem> problems) {
		List<ReceivingAccount> result = new ArrayList<>();
		int i = 0;
		for (ReceivingAccount a : typed) {
			String field = "accounts[" + i++ + "]";
			boolean blank = a == null || (!StringUtils.hasText(a.account()) && !StringUtils.hasText(a.institution())
					&& !StringUtils.hasText(a.holder()) && a.amount() == null);
			if (blank) {
				continue;
			}
			String account = Cases.text(problems, field + ".account", a.account(), 64, true);
			String institution = Cases.text(problems, field + ".institution", a.institution(), 100, false);
			String holder = Cases.text(problems, field + ".holder", a.holder(), 100, false);
			BigDecimal amount = a.amount();
			if (amount != null && (amount.signum() < 0 || amount.scale() > 2 || amount.compareTo(Cases.AMOUNT_MAX) > 0)) {
				problems.add(new FieldProblem(field + ".amount", "cases.amount.format"));
				amount = null;
			}
			result.add(new ReceivingAccount(a.channel() == null ? PaymentChannel.BANK : a.channel(), institution, account,
					holder, amount == null ? null : amount.setScale(2)));
		}
		if (result.size() > MAX_ACCOUNTS) {
			problems.add(new FieldProblem("accounts", "cases.report.accounts.tooMany", MAX_ACCOUNTS));
		}
		return result;
	}

	static String normalise(String reference) {
		return reference == null ? "" : reference.strip().toUpperCase(java.util.Locale.ROOT);
	}

	/** Kinds a resident may report online. */
	public static Set<ReportKind> kinds() {
		return EnumSet.allOf(ReportKind.class);
	}
}
