package org.anning.services.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.anning.services.Application;
import org.anning.services.ApplicationStatus;
import org.anning.services.Applications;
import org.anning.services.Material;
import org.anning.services.MaterialRequirement;
import org.anning.services.Progress;
import org.anning.services.QueueLine;
import org.anning.services.Rating;
import org.anning.services.Ratings;
import org.anning.services.Rectification;
import org.anning.services.ServiceItem;
import org.anning.services.Step;
import org.anning.services.SupplementNotice;
import org.anning.services.TimelineEntry;
import org.anning.units.Organisation;
import org.anning.units.Unit;
import org.anning.units.UnitId;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The JSON shapes of the service hall's API and how they are made from the domain. Statuses, steps and levels
 * go out as their enum names with a {@code label} in the request's language; dates are ISO dates. No view for
 * residents or the public carries staff identifiers; only the staff detail carries the applicant.
 */
@Component
class ApiViews {

	private final MessageSource messages;

	private final Applications applications;

	private final Ratings ratings;

	private final Organisation organisation;

	private final Clock clock;

	ApiViews(MessageSource messages, Applications applications, Ratings ratings, Organisation organisation,
			Clock clock) {
		this.messages = messages;
		this.applications = applications;
		this.ratings = ratings;
		this.organisation = organisation;
		this.clock = clock;
	}

	// ---- Shapes

	record CatalogueItem(String code, String category, String categoryLabel, String nameZh, String nameEn,
			String descriptionZh, String descriptionEn, int statutoryDays, int committedDays, BigDecimal fee,
			String handlingLevel, boolean online, boolean active, int version, List<Requirement> materials) {
	}

	record Requirement(String code, String nameZh, String nameEn, boolean mandatory, List<String> formats) {
	}

	record UnitLine(String code, String nameZh, String nameEn) {
	}

	record Item(String code, String name) {
	}

	record Stage(String step, String label, LocalDate date) {
	}

	record ProgressView(String reference, String status, String label, Item item, String unit, LocalDate receivedOn,
			LocalDate acceptedOn, LocalDate deadline, boolean clockStopped, List<Stage> timeline) {
	}

	record MyLine(String reference, Item item, String status, String label, LocalDate receivedOn, LocalDate deadline,
			boolean clockStopped) {
	}

	record MaterialView(UUID id, String requirement, String fileName, String contentType, int size, String sha256,
			int round, Instant uploadedAt) {
	}

	record NoticeItem(String requirement, String problem, String label, String note) {
	}

	record Notice(int round, Instant issuedAt, String remarks, List<NoticeItem> items) {
	}

	record Event(String step, String label, LocalDate date, String note) {
	}

	record RatingView(int round, int level, String label, String comment, Instant ratedAt) {
	}

	record Answer(LocalDate calledBackOn, String callbackNote, String actionTaken, LocalDate doneOn) {
	}

	record MyApplication(String reference, Item item, String unit, String status, String label, String note,
			String delivery, LocalDate receivedOn, LocalDate acceptedOn, LocalDate deadline, boolean clockStopped,
			LocalDate decidedOn, String decisionReason, List<Requirement> requirements, List<MaterialView> materials,
			Notice notice, List<Event> timeline, List<RatingView> ratings, Answer rectification, int nextRating) {
	}

	record StaffLine(String reference, Item item, String unit, String status, String label, LocalDate receivedOn,
			LocalDate acceptedOn, LocalDate deadline, boolean clockStopped, boolean impliedAcceptance, boolean dueSoon,
			boolean overdue, UUID assignee) {
	}

	record Applicant(String name, String maskedIdNumber) {
	}

	record StaffEvent(String step, String label, Instant at, LocalDate date, String actorKind, String actorId,
			String note) {
	}

	record StaffApplication(String reference, Item item, String unit, String status, String label,
			Applicant applicant, String note, String delivery, LocalDate receivedOn, LocalDate acceptedOn,
			LocalDate warnOn, LocalDate deadline, boolean clockStopped, int stoppedDays, boolean impliedAcceptance,
			boolean dueSoon, boolean overdue, LocalDate decidedOn, String decisionReason, LocalDate closedOn,
			UUID assignee, int round, List<Requirement> requirements, List<MaterialView> materials,
			List<Notice> notices, List<StaffEvent> timeline, List<RatingView> ratings) {
	}

	record QueueCount(String queue, String label, int count) {
	}

	record Task(String reference, String itemName, String unit, int level, String levelLabel, String comment,
			LocalDate openedOn, LocalDate dueOn, boolean overdue, LocalDate calledBackOn, String callbackNote,
			String actionTaken, LocalDate doneOn) {
	}

	// ---- Making them

	CatalogueItem item(ServiceItem item) {
		return new CatalogueItem(item.code(), item.category().name(), text(item.category().messageKey()),
				item.nameZh(), item.nameEn(), item.descriptionZh(), item.descriptionEn(), item.statutoryDays(),
				item.committedDays(), item.fee(), item.handlingLevel().name(), item.online(), item.active(),
				item.version(), item.materials().stream().map(ApiViews::requirement).toList());
	}

	static Requirement requirement(MaterialRequirement r) {
		return new Requirement(r.code(), r.nameZh(), r.nameEn(), r.mandatory(),
				r.formats().stream().sorted().map(Enum::name).toList());
	}

	static UnitLine unit(Unit unit) {
		return new UnitLine(unit.code(), unit.nameZh(), unit.nameEn());
	}

	ProgressView progress(Progress p) {
		Locale locale = locale();
		String name = "en".equals(locale.getLanguage()) ? p.itemNameEn() : p.itemNameZh();
		return new ProgressView(p.reference(), p.status().name(), text(p.status().messageKey()),
				new Item(p.itemCode(), name), p.unitCode(), p.receivedOn(), p.acceptedOn(), p.dueOn(), p.clockStopped(),
				p.timeline().stream().map(s -> new Stage(s.step().name(), text(s.step().messageKey()), s.on())).toList());
	}

	MyLine myLine(Application a) {
		return new MyLine(a.reference(), item(a), a.status().name(), text(a.status().messageKey()), a.receivedOn(),
				deadline(a), a.clockStopped());
	}

	/** In one read-only transaction: its many reads on one connection, not a transaction each. */
	@Transactional(readOnly = true)
	MyApplication mine(Application a) {
		SupplementNotice latest = applications.latestNotice(a);
		Answer answer = ratings.rectification(a)
			.filter(Rectification::done)
			.map(r -> new Answer(r.calledBackOn(), r.callbackNote(), r.actionTaken(), r.doneOn()))
			.orElse(null);
		List<Event> timeline = applications.timeline(a)
			.stream()
			.filter(e -> e.step().shownToResident())
			.map(e -> new Event(e.step().name(), text(e.step().messageKey()), e.on(), e.note()))
			.toList();
		return new MyApplication(a.reference(), item(a), unitCode(a.unit()), a.status().name(),
				text(a.status().messageKey()), a.note(), a.delivery().name(), a.receivedOn(), a.acceptedOn(),
				deadline(a), a.clockStopped(), a.decidedOn(), a.decisionReason(),
				applications.requirements(a).stream().map(ApiViews::requirement).toList(),
				applications.materials(a).stream().map(ApiViews::material).toList(),
				latest == null ? null : notice(latest), timeline, ratings(a), answer, ratings.nextRound(a));
	}

	static MaterialView material(Material m) {
		return new MaterialView(m.id(), m.requirement(), m.fileName(), m.contentType(), m.size(), m.sha256(), m.round(),
				m.uploadedAt());
	}

	Notice notice(SupplementNotice n) {
		return new Notice(n.round(), n.issuedAt(), n.remarks(),
				n.items().stream().map(i -> new NoticeItem(i.requirement(), i.problem().name(),
						text(i.problem().messageKey()), i.note())).toList());
	}

	private List<RatingView> ratings(Application a) {
		return ratings.ratings(a).stream().map(this::rating).toList();
	}

	RatingView rating(Rating r) {
		return new RatingView(r.round(), r.level().value(), text(r.level().messageKey()), r.comment(), r.ratedAt());
	}

	StaffLine staffLine(QueueLine l) {
		LocalDate today = today();
		return new StaffLine(l.reference(), new Item(l.itemCode(), l.itemName(locale())), unitCode(l.unit()),
				l.status().name(), text(l.status().messageKey()), l.receivedOn(), l.acceptedOn(),
				l.clockStopped() ? null : l.dueOn(), l.clockStopped(), l.impliedAcceptance(), l.dueSoon(today),
				l.overdue(today), l.assignee());
	}

	StaffLine staffLine(Application a) {
		LocalDate today = today();
		return new StaffLine(a.reference(), item(a), unitCode(a.unit()), a.status().name(),
				text(a.status().messageKey()), a.receivedOn(), a.acceptedOn(), deadline(a), a.clockStopped(),
				a.impliedAcceptance(), a.dueSoon(today), a.overdue(today), a.assignee());
	}

	/** In one read-only transaction, like {@link #mine(Application)}. */
	@Transactional(readOnly = true)
	StaffApplication staff(Application a, Applicant applicant) {
		LocalDate today = today();
		return new StaffApplication(a.reference(), item(a), unitCode(a.unit()), a.status().name(),
				text(a.status().messageKey()), applicant, a.note(), a.delivery().name(), a.receivedOn(),
				a.acceptedOn(), a.warnOn(), deadline(a), a.clockStopped(), a.stoppedDays(), a.impliedAcceptance(),
				a.dueSoon(today), a.overdue(today), a.decidedOn(), a.decisionReason(), a.closedOn(), a.assignee(),
				a.round(), applications.requirements(a).stream().map(ApiViews::requirement).toList(),
				applications.materials(a).stream().map(ApiViews::material).toList(),
				applications.notices(a).stream().map(this::notice).toList(),
				applications.timeline(a).stream().map(this::staffEvent).toList(), ratings(a));
	}

	private StaffEvent staffEvent(TimelineEntry e) {
		return new StaffEvent(e.step().name(), text(e.step().messageKey()), e.at(), e.on(), e.actorKind(), e.actorId(),
				e.note());
	}

	Task task(Rectification r) {
		return new Task(r.reference(), r.itemName(locale()), unitCode(r.unit()), r.level().value(),
				text(r.level().messageKey()), r.comment(), r.openedOn(), r.dueOn(), r.overdue(today()), r.calledBackOn(),
				r.callbackNote(), r.actionTaken(), r.doneOn());
	}

	String label(ApplicationStatus status) {
		return text(status.messageKey());
	}

	String label(Step step) {
		return text(step.messageKey());
	}

	String text(String key) {
		return messages.getMessage(key, null, key, locale());
	}

	private Item item(Application a) {
		return new Item(a.itemCode(), a.itemName(locale()));
	}

	/** The deadline as residents see it: none while the clock stands still. */
	private static LocalDate deadline(Application a) {
		return a.clockStopped() ? null : a.dueOn();
	}

	private String unitCode(UUID unit) {
		return unit == null ? null : organisation.find(new UnitId(unit)).map(Unit::code).orElse(null);
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}
}
