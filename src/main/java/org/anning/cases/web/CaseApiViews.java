package org.anning.cases.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.anning.cases.Attachment;
import org.anning.cases.CaseEvent;
import org.anning.cases.CaseFile;
import org.anning.cases.CaseSearch;
import org.anning.cases.CaseStep;
import org.anning.cases.Cases;
import org.anning.cases.EventType;
import org.anning.cases.ReceivingAccount;
import org.anning.cases.Report;
import org.anning.cases.Reports;
import org.anning.cases.Taxonomy;
import org.anning.cases.Victim;
import org.anning.units.Organisation;
import org.anning.units.Unit;
import org.anning.units.UnitId;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The JSON shapes of the reports and cases API and how they are made from the domain. Statuses, kinds and event
 * types go out as their enum names with a {@code label} in the request's language; dates are ISO dates, the time
 * of an incident an ISO local date-time in the bureau's zone. <b>Amounts are JSON numbers in yuan with two
 * decimals</b> ({@code 8000.00}), in and out. Only the audited staff read of a report carries the reporter's phone
 * number and the receiving accounts; a resident sees the accounts they gave themselves. Apprehensions are numbers
 * of people; no shape names or describes anyone apprehended.
 */
@Component
class CaseApiViews {

	private final MessageSource messages;

	private final Reports reports;

	private final Cases cases;

	private final Taxonomy taxonomy;

	private final Organisation organisation;

	private final Clock clock;

	CaseApiViews(MessageSource messages, Reports reports, Cases cases, Taxonomy taxonomy, Organisation organisation,
			Clock clock) {
		this.messages = messages;
		this.reports = reports;
		this.cases = cases;
		this.taxonomy = taxonomy;
		this.organisation = organisation;
		this.clock = clock;
	}

	// ---- Shapes

	record Labelled(String code, String label) {
	}

	record AccountView(String channel, String channelLabel, String institution, String account, String holder,
			BigDecimal amount) {
	}

	record AttachmentView(UUID id, String fileName, String contentType, int size, String sha256) {
	}

	record CaseProgressView(String caseNumber, String status, String label, LocalDate registeredOn,
			LocalDate clearedOn, LocalDate closedOn, BigDecimal returned) {
	}

	record MyReportLine(String reference, Labelled kind, String status, String label, LocalDateTime occurredAt,
			Instant createdAt, String caseNumber) {
	}

	record MyReport(String reference, Labelled kind, String status, String label, String unit, LocalDateTime occurredAt,
			String place, String narrative, BigDecimal loss, Labelled paymentMethod, List<AccountView> accounts,
			List<AttachmentView> attachments, String outcomeReason, Instant createdAt, CaseProgressView caseProgress) {
	}

	record ReportLine(String reference, Labelled channel, Labelled kind, String status, String label, String unit,
			LocalDateTime occurredAt, Instant createdAt) {
	}

	record StaffReport(String reference, Labelled channel, Labelled kind, String status, String label, String unit,
			LocalDateTime occurredAt, String place, String narrative, BigDecimal loss, Labelled paymentMethod,
			String reporterName, String reporterPhone, List<AccountView> accounts, List<AttachmentView> attachments,
			String outcomeReason, String caseNumber, Instant createdAt, Instant triagedAt) {
	}

	record CaseLine(String caseNumber, String unit, Labelled category, String status, String label,
			LocalDate occurredOn, LocalDate registeredOn, LocalDate clearedOn, LocalDate closedOn, BigDecimal loss) {
	}

	record CaseView(String caseNumber, String unit, Labelled category, String status, String label,
			LocalDate occurredOn, LocalDate registeredOn, LocalDate clearedOn, String clearedHow, LocalDate suspendedOn,
			LocalDate closedOn, String closedReason, UUID officer, String narrative, String place, BigDecimal loss,
			String source, int version) {
	}

	record VictimView(UUID id, String label, BigDecimal loss, boolean fromReport) {
	}

	record EventView(UUID id, String type, String label, LocalDate on, BigDecimal amount, Integer people, UUID victim,
			String note, String source) {
	}

	record StepView(String step, String label, Instant at, LocalDate on, String actor, String note) {
	}

	record Sums(BigDecimal stopPaid, BigDecimal frozen, BigDecimal returned, int apprehended) {
	}

	record CaseDetail(CaseView caseFile, List<VictimView> victims, List<EventView> events, Sums sums,
			List<String> reports, List<String> series, List<StepView> history) {
	}

	record HitView(String type, String number, String status, String label, String category, String unit,
			LocalDate on, String snippet) {
	}

	// ---- Making them

	MyReportLine myLine(Report r) {
		String caseNumber = reports.caseProgress(r).map(Reports.CaseProgress::caseNumber).orElse(null);
		return new MyReportLine(r.reference(), labelled(r.kind().name(), r.kind().messageKey()), r.status().name(),
				text(r.status().messageKey()), local(r.occurredAt()), r.createdAt(), caseNumber);
	}

	MyReport mine(Report r) {
		CaseProgressView progress = reports.caseProgress(r).map(this::progress).orElse(null);
		return new MyReport(r.reference(), labelled(r.kind().name(), r.kind().messageKey()), r.status().name(),
				text(r.status().messageKey()), unitCode(r.unit()), local(r.occurredAt()), r.place(), r.narrative(),
				r.loss(), payment(r), reports.accounts(r).stream().map(this::account).toList(),
				reports.attachments(r).stream().map(CaseApiViews::attachment).toList(), r.outcomeReason(),
				r.createdAt(), progress);
	}

	CaseProgressView progress(Reports.CaseProgress p) {
		return new CaseProgressView(p.caseNumber(), p.status().name(), text(p.status().messageKey()), p.registeredOn(),
				p.clearedOn(), p.closedOn(), p.returned());
	}

	ReportLine line(Report r) {
		return new ReportLine(r.reference(), labelled(r.channel().name(), r.channel().messageKey()),
				labelled(r.kind().name(), r.kind().messageKey()), r.status().name(), text(r.status().messageKey()),
				unitCode(r.unit()), local(r.occurredAt()), r.createdAt());
	}

	StaffReport staff(Reports.OpenedReport opened) {
		Report r = opened.report();
		String caseNumber = r.caseId() == null ? null
				: cases.find(r.caseId()).map(CaseFile::caseNumber).orElse(null);
		return new StaffReport(r.reference(), labelled(r.channel().name(), r.channel().messageKey()),
				labelled(r.kind().name(), r.kind().messageKey()), r.status().name(), text(r.status().messageKey()),
				unitCode(r.unit()), local(r.occurredAt()), r.place(), r.narrative(), r.loss(), payment(r),
				r.reporterName(), opened.reporterPhone(), opened.accounts().stream().map(this::account).toList(),
				opened.attachments().stream().map(CaseApiViews::attachment).toList(), r.outcomeReason(), caseNumber,
				r.createdAt(), r.triagedAt());
	}

	CaseLine caseLine(CaseFile c) {
		return new CaseLine(c.caseNumber(), unitCode(c.unit()), category(c.category()), c.status().name(),
				text(c.status().messageKey()), c.occurredOn(), c.registeredOn(), c.clearedOn(), c.closedOn(), c.loss());
	}

	CaseView caseView(CaseFile c) {
		return new CaseView(c.caseNumber(), unitCode(c.unit()), category(c.category()), c.status().name(),
				text(c.status().messageKey()), c.occurredOn(), c.registeredOn(), c.clearedOn(), c.clearedHow(),
				c.suspendedOn(), c.closedOn(), c.closedReason(), c.officer(), c.narrative(), c.place(), c.loss(),
				c.source(), c.version());
	}

	CaseDetail detail(CaseFile c) {
		List<CaseEvent> events = cases.events(c);
		return new CaseDetail(caseView(c),
				cases.victims(c).stream().map(CaseApiViews::victim).toList(),
				events.stream().map(this::event).toList(), sums(events),
				reports.ofCase(c).stream().map(Report::reference).toList(),
				cases.series(c).stream().map(CaseFile::caseNumber).filter(n -> !n.equals(c.caseNumber())).toList(),
				cases.history(c).stream().map(this::step).toList());
	}

	static Sums sums(List<CaseEvent> events) {
		return new Sums(sum(events, EventType.STOP_PAYMENT), sum(events, EventType.FREEZE),
				sum(events, EventType.RETURN),
				events.stream().filter(e -> e.type() == EventType.APPREHENSION && e.people() != null)
					.mapToInt(CaseEvent::people).sum());
	}

	private static BigDecimal sum(List<CaseEvent> events, EventType type) {
		return events.stream().filter(e -> e.type() == type && e.amount() != null).map(CaseEvent::amount)
			.reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
	}

	static VictimView victim(Victim v) {
		return new VictimView(v.id(), v.label(), v.loss(), v.report() != null);
	}

	EventView event(CaseEvent e) {
		return new EventView(e.id(), e.type().name(), text(e.type().messageKey()), e.on(), e.amount(), e.people(),
				e.victim(), e.note(), e.source());
	}

	StepView step(CaseStep s) {
		return new StepView(s.step(), text(s.messageKey()), s.at(), s.on(), s.actor(), s.note());
	}

	/** A search hit; for a report, category is its kind (TELECOM_FRAUD, THEFT, …) and status a report status. */
	HitView hit(CaseSearch.Hit h) {
		String key = "CASE".equals(h.type()) ? "cases.status." : "cases.report.status.";
		return new HitView(h.type(), h.number(), h.status(), text(key + h.status()), h.category(), unitCode(h.unit()),
				h.on(), h.snippet());
	}

	AccountView account(ReceivingAccount a) {
		return new AccountView(a.channel() == null ? null : a.channel().name(),
				a.channel() == null ? null : text(a.channel().messageKey()), a.institution(), a.account(), a.holder(),
				a.amount());
	}

	static AttachmentView attachment(Attachment a) {
		return new AttachmentView(a.id(), a.fileName(), a.contentType(), a.size(), a.sha256());
	}

	private Labelled payment(Report r) {
		return r.paymentMethod() == null ? null
				: labelled(r.paymentMethod().name(), r.paymentMethod().messageKey());
	}

	private Labelled category(String code) {
		return new Labelled(code, taxonomy.find(code).map(c -> c.name(locale())).orElse(code));
	}

	private Labelled labelled(String code, String key) {
		return new Labelled(code, text(key));
	}

	LocalDateTime local(Instant at) {
		return at == null ? null : LocalDateTime.ofInstant(at, clock.getZone());
	}

	String unitCode(UUID unit) {
		return unit == null ? null : organisation.find(new UnitId(unit)).map(Unit::code).orElse(null);
	}

	String text(String key) {
		return messages.getMessage(key, null, key, locale());
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}
}
