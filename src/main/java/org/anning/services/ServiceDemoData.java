package org.anning.services;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.anning.calendar.WorkingDays;
import org.anning.database.DemoMode;
import org.anning.residents.NewResident;
import org.anning.residents.Residents;
import org.anning.units.Organisation;
import org.anning.units.Unit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two years of fictional service-hall history for demo mode, up to today: applications across the demo stations
 * and sub-bureaus with seasons (passports and permits before the Spring Festival and the summer holidays), most
 * decided in time, some late, returned for supplement, refused, denied, withdrawn or accepted by default, rated,
 * with rectification of poor ratings; and, at 和平路派出所 (AN-DC-01), something in every worklist. Deterministic: a
 * fixed seed, identifiers derived from the running number. It is history rather than actions, so it is written
 * straight into the tables, without audit entries or events. Only in demo mode, and only once.
 */
@Component
@Order(40)
class ServiceDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ServiceDemoData.class);

	static final long SEED = 20_240_927L;

	/** The station whose desk the demo staff sign in to. */
	static final String DESK = "AN-DC-01";

	static final String RESIDENT_PASSWORD = "Anning-Resident-2026";

	static final int EXTRA_RESIDENTS = 8;

	static final byte[] PDF = "%PDF-1.4 demo".getBytes(StandardCharsets.US_ASCII);

	/** Applications a day at a working day, before seasons; items not listed are rare. */
	private static final Map<String, Double> DAILY = Map.ofEntries(Map.entry("PASSPORT_ORDINARY", 2.2),
			Map.entry("HK_MACAO_PERMIT", 1.8), Map.entry("HK_MACAO_ENDORSEMENT", 2.4), Map.entry("TAIWAN_PERMIT", 0.3),
			Map.entry("NO_CRIMINAL_RECORD_CERTIFICATE", 2.0), Map.entry("ID_CARD_RENEWAL", 1.6),
			Map.entry("ID_CARD_REPLACEMENT", 0.8), Map.entry("BIRTH_REGISTRATION", 0.6),
			Map.entry("HOUSEHOLD_TRANSFER", 0.5), Map.entry("HOUSEHOLD_REGISTER_REPLACEMENT", 0.3),
			Map.entry("RESIDENCE_PERMIT", 1.3), Map.entry("DRIVING_LICENCE_RENEWAL", 1.0),
			Map.entry("INSPECTION_EXEMPT_STICKER", 0.8), Map.entry("GOVERNMENT_INFORMATION_REQUEST", 0.1));

	/** The first day of the Spring Festival holiday (春节). */
	private static final Map<Integer, LocalDate> SPRING_FESTIVAL = Map.of(2024, LocalDate.of(2024, 2, 10), 2025,
			LocalDate.of(2025, 1, 28), 2026, LocalDate.of(2026, 2, 15), 2027, LocalDate.of(2027, 2, 5));

	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱",
			"高", "林", "何", "郭", "马", "罗" };

	private static final String[] GIVEN = { "伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰",
			"娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "晓东", "雨桐", "子涵", "浩然", "思远", "欣怡", "梓轩" };

	private static final String[] AREAS = { "330102", "330105", "330106", "330108", "330110", "330122" };

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final String CHECK = "10X98765432";

	private static final String[] REFUSALS = { "不属于本单位受理范围，请到户籍所在地派出所办理", "申请人身份信息与户籍信息不一致，请核实后重新申请",
			"该事项需本人到现场办理，请携带原件到窗口" };

	private static final String[] DENIALS = { "经审核，不符合办理条件", "申请人尚有未结案件，暂不予办理", "提交的证明材料经核查不属实" };

	private static final String[] NOTES = { "照片背景不符合要求，请重新拍摄", "复印件不清晰，请上传原件扫描件", "证明已过有效期，请重新开具", "缺少签字，请签字后上传",
			"页面不完整，请上传全部页面" };

	private static final String[] COMMENTS_GOOD = { "办事效率高，民警态度好", "网上申请很方便，一次就办好了", "比预计时间还快", "窗口服务热情周到", null, null, null };

	private static final String[] COMMENTS_POOR = { "等了很久没有人通知我", "材料要求没有一次说清楚，来回跑了两趟", "电话一直打不通" };

	private final JdbcTemplate jdbc;

	private final Catalogue catalogue;

	private final Organisation organisation;

	private final Residents residents;

	private final WorkingDays days;

	private final ServiceHallSettings settings;

	private final DemoMode demo;

	private final Clock clock;

	private final org.springframework.context.ApplicationEventPublisher events;

	ServiceDemoData(JdbcTemplate jdbc, Catalogue catalogue, Organisation organisation, Residents residents,
			WorkingDays days, ServiceHallSettings settings, DemoMode demo, Clock clock,
			org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.catalogue = catalogue;
		this.organisation = organisation;
		this.residents = residents;
		this.days = days;
		this.settings = settings;
		this.demo = demo;
		this.clock = clock;
	}

	static UUID idOf(String kind, int n, int part) {
		return UUID.nameUUIDFromBytes(("anning-demo-" + kind + ":" + n + ":" + part).getBytes(StandardCharsets.UTF_8));
	}

	static UUID staffOf(String unitCode, String username) {
		if (DESK.equals(unitCode)) {
			return UUID.nameUUIDFromBytes(("anning-demo-account:" + username).getBytes(StandardCharsets.UTF_8));
		}
		return UUID.nameUUIDFromBytes(("anning-demo-staff:" + unitCode + ":" + username).getBytes(StandardCharsets.UTF_8));
	}

	/** GB 11643 check character (ISO 7064 MOD 11-2) of the first 17 digits. */
	static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK.charAt(sum % 11);
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!demo.on()) {
			return;
		}
		Integer existing = jdbc.queryForObject("SELECT count(*) FROM application WHERE id = ?", Integer.class,
				idOf("application", 0, 0));
		if (existing != null && existing > 0) {
			return;
		}
		long started = System.nanoTime();
		var generator = new Generator(new Random(SEED), demoResidents());
		long registered = System.nanoTime();
		generator.generate();
		long generated = System.nanoTime();
		generator.write();
		announce();
		log.info("Demo service hall history created: {} applications ({} open) for {} residents in {} ms"
				+ " (residents {} ms, generation {} ms, writing {} ms)", generator.apps.size(), generator.open,
				generator.people.size(), (System.nanoTime() - started) / 1_000_000, (registered - started) / 1_000_000,
				(generated - registered) / 1_000_000, (System.nanoTime() - generated) / 1_000_000);
	}

	/** Tells other modules (the indicators' rollups) which units and days the demo history covers. */
	private void announce() {
		var span = jdbc.queryForMap("""
				SELECT array_agg(DISTINCT unit_id)::text[] AS units, min(submitted_at)::date - 1 AS lo,
				  (greatest(max(closed_on), (SELECT max(rated_at) FROM application_rating)::date) + 1) AS hi
				FROM application""");
		java.util.Set<UUID> units = new java.util.TreeSet<>();
		try {
			java.sql.Array array = (java.sql.Array) span.get("units");
			if (array == null) {
				return;
			}
			for (String unit : (String[]) array.getArray()) {
				units.add(UUID.fromString(unit));
			}
		}
		catch (java.sql.SQLException e) {
			throw new IllegalStateException(e);
		}
		events.publishEvent(new ApplicationsLoaded(units, ((java.sql.Date) span.get("lo")).toLocalDate(),
				((java.sql.Date) span.get("hi")).toLocalDate()));
	}

	/** The three demo residents of the residents module, and some more registered here. */
	private List<UUID> demoResidents() {
		List<UUID> ids = new ArrayList<>();
		for (String first17 : new String[] { "33010619850312026", "33010219620708013", "33010820010925048" }) {
			UUID id = UUID.nameUUIDFromBytes(("anning-demo-resident:" + first17 + checkCharacter(first17))
				.getBytes(StandardCharsets.UTF_8));
			if (residents.find(new org.anning.residents.ResidentId(id)).isPresent()) {
				ids.add(id);
			}
		}
		Random random = new Random(SEED + 1);
		for (int i = 0; i < EXTRA_RESIDENTS; i++) {
			String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
			LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(365 * 55));
			int sequence = 700 + i * 2 + (random.nextBoolean() ? 1 : 0);
			String first17 = AREAS[random.nextInt(AREAS.length)] + birth.toString().replace("-", "")
					+ String.format("%03d", sequence);
			String mobile = "1390000%04d".formatted(i + 1);
			ids.add(residents.register(new NewResident(name, first17 + checkCharacter(first17), mobile,
					RESIDENT_PASSWORD)).id().value());
		}
		return ids;
	}

	/** One application being made up. */
	private static final class App {

		int n;

		UUID id;

		ServiceItem item;

		Unit unit;

		UUID resident;

		ApplicationStatus status = ApplicationStatus.DRAFT;

		Application.Delivery delivery;

		Instant createdAt;

		Instant submittedAt;

		LocalDate receivedOn;

		LocalDate acceptedOn;

		boolean implied;

		LocalDate stoppedOn;

		int stoppedDays;

		LocalDate warnOn;

		LocalDate dueOn;

		Instant warnedAt;

		Instant overdueAt;

		LocalDate decidedOn;

		String reason;

		LocalDate closedOn;

		UUID assignee;

		int round = 1;

		String reference;

		final List<Object[]> steps = new ArrayList<>();

		final List<String> noticeCodes = new ArrayList<>();

		LocalDate noticeOn;

		boolean resubmitted;

		/** Rated poorly, with the rectification still open. */
		boolean poorRating;
	}

	/** What happens to an application, decided up front; the clock cuts it off at now. */
	private enum Fate {
		NORMAL, REFUSED, WITHDRAWN, IMPLIED, DENIED
	}

	private final class Generator {

		/** Draws the daily counts; each application then has its own, so that one's fate never shifts another's. */
		final Random daily;

		Random random;

		final List<UUID> people;

		final List<App> apps = new ArrayList<>();

		final ZoneId zone = clock.getZone();

		final Instant now = clock.instant();

		final LocalDate today = LocalDate.now(clock);

		final List<Object[]> ratings = new ArrayList<>();

		final List<Object[]> rectifications = new ArrayList<>();

		int open;

		Generator(Random random, List<UUID> people) {
			this.daily = random;
			this.random = random;
			this.people = people;
		}

		void generate() {
			List<ServiceItem> items = catalogue.items(true).stream().filter(ServiceItem::online).toList();
			List<Unit> units = organisation.active();
			LocalDate first = today.minusYears(2);
			for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
				boolean working = days.isWorkingDay(day);
				for (ServiceItem item : items) {
					double rate = DAILY.getOrDefault(item.code(), 0.2) * season(item, day) * (working ? 1 : 0.12);
					int count = poisson(rate);
					for (int i = 0; i < count; i++) {
						random = new Random(SEED * 1_000_003L + apps.size());
						App a = start(item, pick(units, item), day);
						if (a != null) {
							live(a, fate(), false);
						}
					}
				}
			}
			random = new Random(SEED - 1);
			desk(items, units);
		}

		/** A little of everything in the demo desk's worklists, whatever the dice said. */
		private void desk(List<ServiceItem> items, List<Unit> units) {
			Unit desk = units.stream().filter(u -> u.code().equals(DESK)).findFirst().orElse(null);
			if (desk == null) {
				return;
			}
			List<ServiceItem> station = items.stream().filter(i -> Applications.handles(desk, i)).toList();
			for (int i = 0; i < 4; i++) { // to accept
				App a = start(station.get(i % station.size()), desk, before(today, i % 2));
				a.submittedAt = a.createdAt.plusSeconds(300);
				a.receivedOn = a.createdAt.atZone(zone).toLocalDate();
				a.status = ApplicationStatus.SUBMITTED;
				step(a, Step.SUBMITTED, a.submittedAt, "RESIDENT", a.resident.toString(), null);
			}
			for (int i = 0; i < 14; i++) { // to review, due soon and overdue: accepted at various working days ago
				ServiceItem item = station.get((i * 3) % station.size());
				int back = switch (i % 3) {
					case 0 -> 1;
					case 1 -> (int) Math.ceil(item.committedDays() * Application.WARNING_SHARE);
					default -> item.committedDays() + 1 + i % 4;
				};
				App a = start(item, desk, before(today, back + 1));
				a.submittedAt = a.createdAt.plusSeconds(300);
				a.receivedOn = a.createdAt.atZone(zone).toLocalDate();
				a.status = ApplicationStatus.SUBMITTED;
				step(a, Step.SUBMITTED, a.submittedAt, "RESIDENT", a.resident.toString(), null);
				LocalDate accepted = before(today, back);
				a.acceptedOn = accepted;
				a.status = ApplicationStatus.ACCEPTED;
				schedule(a);
				step(a, Step.ACCEPTED, at(accepted, 9, 30), "STAFF", staffOf(DESK, "frontdesk").toString(), null);
				if (i % 2 == 0) {
					a.status = ApplicationStatus.UNDER_REVIEW;
					a.assignee = staffOf(DESK, "reviewer");
					step(a, Step.REVIEW_STARTED, at(accepted, 14, 0), "STAFF", a.assignee.toString(), null);
				}
				flags(a, today);
			}
			for (int i = 0; i < 3; i++) { // returned, waiting for the resident
				App a = start(station.get((i * 5 + 1) % station.size()), desk, before(today, 3 + i));
				a.submittedAt = a.createdAt.plusSeconds(300);
				a.receivedOn = a.createdAt.atZone(zone).toLocalDate();
				a.status = ApplicationStatus.SUBMITTED;
				step(a, Step.SUBMITTED, a.submittedAt, "RESIDENT", a.resident.toString(), null);
				LocalDate back = before(today, 1 + i % 2);
				if (i == 2) { // returned during review: the clock stands still
					a.acceptedOn = before(today, 2 + i);
					a.status = ApplicationStatus.ACCEPTED;
					schedule(a);
					step(a, Step.ACCEPTED, at(a.acceptedOn, 9, 0), "STAFF", staffOf(DESK, "frontdesk").toString(), null);
					a.stoppedOn = back;
				}
				giveBack(a, back);
			}
			for (int i = 0; i < 2; i++) { // closed, rated poorly, rectification open
				ServiceItem item = station.get(i % station.size());
				App a = start(item, desk, before(today, item.committedDays() + 12 + i));
				a.poorRating = true;
				a.delivery = Application.Delivery.COLLECT;
				live(a, Fate.NORMAL, true);
			}
			{ // denied yesterday, the resident not yet told
				ServiceItem item = station.get(0);
				App a = start(item, desk, before(today, 4));
				a.submittedAt = a.createdAt.plusSeconds(300);
				a.receivedOn = a.createdAt.atZone(zone).toLocalDate();
				a.status = ApplicationStatus.SUBMITTED;
				step(a, Step.SUBMITTED, a.submittedAt, "RESIDENT", a.resident.toString(), null);
				a.acceptedOn = before(today, 3);
				a.status = ApplicationStatus.ACCEPTED;
				schedule(a);
				step(a, Step.ACCEPTED, at(a.acceptedOn, 9, 30), "STAFF", staffOf(DESK, "frontdesk").toString(), null);
				a.status = ApplicationStatus.UNDER_REVIEW;
				a.assignee = staffOf(DESK, "reviewer");
				step(a, Step.REVIEW_STARTED, at(a.acceptedOn, 14, 0), "STAFF", a.assignee.toString(), null);
				a.decidedOn = before(today, 1);
				flagsUntil(a, a.decidedOn);
				a.status = ApplicationStatus.DENIED;
				a.reason = DENIALS[0];
				step(a, Step.DENIED, at(a.decidedOn, 11, 0), "STAFF", a.assignee.toString(), a.reason);
			}
			for (int i = 0; i < 3; i++) { // approved, to close
				ServiceItem item = station.get((i * 2 + 1) % station.size());
				App a = start(item, desk, before(today, item.committedDays() + 2));
				a.delivery = Application.Delivery.COLLECT;
				live(a, Fate.NORMAL, true);
			}
		}

		/** Lives an application through from its creation, until now or its end. */
		private void live(App a, Fate fate, boolean quick) {
			LocalDate created = a.createdAt.atZone(zone).toLocalDate();
			a.submittedAt = a.createdAt.plusSeconds(120 + random.nextInt(1800));
			if (a.submittedAt.isAfter(now)) {
				return; // still a draft
			}
			a.status = ApplicationStatus.SUBMITTED;
			a.receivedOn = created;
			step(a, Step.SUBMITTED, a.submittedAt, "RESIDENT", a.resident.toString(), null);
			if (fate == Fate.WITHDRAWN && random.nextBoolean()) {
				Instant w = a.submittedAt.plus(1 + random.nextInt(30), ChronoUnit.HOURS);
				if (w.isAfter(now)) {
					return;
				}
				withdraw(a, w);
				return;
			}
			if (fate == Fate.IMPLIED) {
				// The watch's day: after the intake deadline, and a week after receipt at the earliest.
				LocalDate day = days.deadline(a.receivedOn, Application.INTAKE_DAYS).plusDays(1);
				if (day.isBefore(a.receivedOn.plusDays(7))) {
					day = a.receivedOn.plusDays(7);
				}
				Instant when = at(day, 0, 10 + random.nextInt(40));
				if (when.isAfter(now)) {
					return;
				}
				a.status = ApplicationStatus.ACCEPTED;
				a.acceptedOn = a.receivedOn;
				a.implied = true;
				schedule(a);
				step(a, Step.ACCEPTED_IMPLIED, when, "SYSTEM", "system", null);
				review(a, fate, day);
				return;
			}
			LocalDate intake = quick ? onOrAfter(created) : days.deadline(created, random.nextInt(10) < 6 ? 1 : 2);
			Instant intakeAt = at(intake, 9 + random.nextInt(7), random.nextInt(60));
			if (intakeAt.isBefore(a.submittedAt)) {
				intakeAt = a.submittedAt.plusSeconds(600);
			}
			if (intakeAt.isAfter(now)) {
				return;
			}
			String desk = staffOf(a.unit.code(), "frontdesk").toString();
			if (fate == Fate.REFUSED) {
				a.status = ApplicationStatus.REFUSED;
				a.reason = REFUSALS[random.nextInt(REFUSALS.length)];
				step(a, Step.REFUSED, intakeAt, "STAFF", desk, a.reason);
				return;
			}
			if (!quick && random.nextInt(100) < 5) { // one complete notice before acceptance
				giveBack(a, intake, intakeAt);
				LocalDate again = days.deadline(intake, 1 + random.nextInt(4));
				Instant againAt = at(again, 8 + random.nextInt(12), random.nextInt(60));
				if (againAt.isAfter(now)) {
					return;
				}
				a.status = ApplicationStatus.SUBMITTED;
				a.receivedOn = again;
				a.resubmitted = true;
				step(a, Step.RESUBMITTED, againAt, "RESIDENT", a.resident.toString(), null);
				intake = days.deadline(again, 1);
				intakeAt = at(intake, 9 + random.nextInt(7), random.nextInt(60));
				if (intakeAt.isAfter(now)) {
					return;
				}
			}
			a.status = ApplicationStatus.ACCEPTED;
			a.acceptedOn = intake;
			schedule(a);
			step(a, Step.ACCEPTED, intakeAt, "STAFF", desk, null);
			review(a, fate, intake);
		}

		/** From acceptance to the decision, the collection and the rating. */
		private void review(App a, Fate fate, LocalDate accepted) {
			LocalDate start = a.item.committedDays() > 1 ? days.deadline(accepted, random.nextInt(2)) : accepted;
			Instant startAt = at(start, 14 + random.nextInt(3), random.nextInt(60));
			if (startAt.isAfter(now)) {
				return;
			}
			a.status = ApplicationStatus.UNDER_REVIEW;
			a.assignee = staffOf(a.unit.code(), "reviewer");
			step(a, Step.REVIEW_STARTED, startAt, "STAFF", a.assignee.toString(), null);
			if (fate == Fate.WITHDRAWN) {
				Instant w = at(days.deadline(start, 1), 10, 0);
				if (!w.isAfter(now)) {
					withdraw(a, w);
				}
				return;
			}
			if (random.nextInt(100) < 4) { // one complete notice during review: the clock stops
				LocalDate back = days.deadline(start, random.nextInt(Math.max(1, a.item.committedDays() / 2) + 1));
				Instant backAt = at(back, 10 + random.nextInt(6), random.nextInt(60));
				if (backAt.isAfter(now)) {
					flags(a, today);
					return;
				}
				flagsUntil(a, back);
				a.stoppedOn = back;
				giveBack(a, back, backAt);
				LocalDate again = days.deadline(back, 1 + random.nextInt(5));
				Instant againAt = at(again, 8 + random.nextInt(12), random.nextInt(60));
				if (againAt.isAfter(now)) {
					return;
				}
				a.stoppedDays += days.workingDaysBetween(back, again);
				a.stoppedOn = null;
				a.status = ApplicationStatus.UNDER_REVIEW;
				a.resubmitted = true;
				schedule(a);
				step(a, Step.RESUBMITTED, againAt, "RESIDENT", a.resident.toString(), null);
				start = again;
			}
			// Most decisions come in time; a few are late, by one to six working days.
			boolean late = random.nextInt(1000) < 25;
			int left = a.dueOn.isBefore(start) ? 0 : days.workingDaysBetween(start, a.dueOn);
			LocalDate decision;
			if (late) {
				decision = days.deadline(a.dueOn.isBefore(start) ? start : a.dueOn, 1 + random.nextInt(6));
			}
			else if (left == 0) {
				decision = start;
			}
			else {
				decision = days.deadline(start, random.nextInt(3) == 0 ? left : 1 + random.nextInt(left));
			}
			Instant decisionAt = at(decision, 9 + random.nextInt(8), random.nextInt(60));
			if (!decisionAt.isAfter(startAt)) {
				decisionAt = startAt.plusSeconds(1800);
			}
			if (decisionAt.isAfter(now)) {
				flags(a, today);
				return;
			}
			flagsUntil(a, decision);
			a.decidedOn = decision;
			if (fate == Fate.DENIED) {
				a.status = ApplicationStatus.DENIED;
				a.reason = DENIALS[random.nextInt(DENIALS.length)];
				step(a, Step.DENIED, decisionAt, "STAFF", a.assignee.toString(), a.reason);
				Instant toldAt = at(days.deadline(decision, random.nextInt(2)), 9 + random.nextInt(8), random.nextInt(60));
				if (!toldAt.isAfter(decisionAt)) {
					toldAt = decisionAt.plusSeconds(3600);
				}
				if (toldAt.isAfter(now)) {
					return;
				}
				close(a, toldAt.atZone(zone).toLocalDate(), toldAt);
				return;
			}
			a.status = ApplicationStatus.APPROVED;
			step(a, Step.APPROVED, decisionAt, "STAFF", a.assignee.toString(), null);
			Instant readyAt = decisionAt.plus(1 + random.nextInt(20), ChronoUnit.HOURS);
			if (readyAt.isAfter(now)) {
				return;
			}
			String desk = staffOf(a.unit.code(), "frontdesk").toString();
			if (a.delivery == Application.Delivery.MAIL) {
				a.status = ApplicationStatus.DELIVERED;
				readyAt = readyAt.plus(1 + random.nextInt(2), ChronoUnit.DAYS);
				if (readyAt.isAfter(now)) {
					a.status = ApplicationStatus.APPROVED;
					return;
				}
				step(a, Step.DELIVERED, readyAt, "STAFF", desk, null);
			}
			else {
				a.status = ApplicationStatus.READY_FOR_COLLECTION;
				step(a, Step.READY_FOR_COLLECTION, readyAt, "STAFF", desk, null);
			}
			Instant closeAt = readyAt.plus(random.nextInt(random.nextInt(10) == 0 ? 240 : 72) + 2, ChronoUnit.HOURS);
			LocalDate closeDay = onOrAfter(closeAt.atZone(zone).toLocalDate());
			if (!closeDay.equals(closeAt.atZone(zone).toLocalDate())) {
				closeAt = at(closeDay, 9 + random.nextInt(8), random.nextInt(60));
			}
			if (closeAt.isAfter(now)) {
				return;
			}
			close(a, closeDay, closeAt);
		}

		private void close(App a, LocalDate day, Instant when) {
			a.status = ApplicationStatus.CLOSED;
			a.closedOn = day;
			step(a, Step.CLOSED, when, "STAFF", staffOf(a.unit.code(), "frontdesk").toString(), null);
			if (!a.poorRating && random.nextInt(100) >= 70) {
				return;
			}
			Instant ratedAt = when.plus(1 + random.nextInt(60), ChronoUnit.HOURS);
			if (ratedAt.isAfter(now)) {
				return;
			}
			int roll = random.nextInt(1000);
			int level = a.poorRating ? 2 : roll < 690 ? 5 : roll < 900 ? 4 : roll < 970 ? 3 : roll < 990 ? 2 : 1;
			boolean poor = level <= 2;
			UUID rating = idOf("rating", a.n, 1);
			ratings.add(new Object[] { rating, a.id, 1, level,
					poor ? COMMENTS_POOR[random.nextInt(COMMENTS_POOR.length)]
							: COMMENTS_GOOD[random.nextInt(COMMENTS_GOOD.length)],
					Timestamp.from(ratedAt), a.unit.id().value() });
			step(a, Step.RATED, ratedAt, "RESIDENT", a.resident.toString(), null);
			if (!poor) {
				return;
			}
			LocalDate opened = ratedAt.atZone(zone).toLocalDate();
			LocalDate due = days.deadline(opened, settings.rectificationDays());
			LocalDate done = days.deadline(opened, random.nextInt(10) == 0 ? settings.rectificationDays() + 2
					: 1 + random.nextInt(settings.rectificationDays()));
			Instant doneAt = at(done, 16, random.nextInt(60));
			boolean answered = !a.poorRating && !doneAt.isAfter(now) && !(DESK.equals(a.unit.code()) && opened.isAfter(today.minusDays(40)));
			rectifications.add(new Object[] { idOf("rectification", a.n, 1), a.id, rating, a.unit.id().value(), opened,
					due, answered ? days.deadline(opened, 1) : null, answered ? "已电话回访申请人，说明了办理情况并致歉" : null,
					answered ? "已对窗口人员进行提醒谈话，完善一次性告知清单" : null, answered ? done : null,
					answered ? staffOf(a.unit.code(), "chief") : null });
			if (!answered) {
				return;
			}
			step(a, Step.RECTIFIED, doneAt, "STAFF", staffOf(a.unit.code(), "chief").toString(), null);
			if (random.nextBoolean()) {
				Instant second = doneAt.plus(2 + random.nextInt(48), ChronoUnit.HOURS);
				if (!second.isAfter(now)) {
					ratings.add(new Object[] { idOf("rating", a.n, 2), a.id, 2, 3 + random.nextInt(2), "回访后问题已解决",
							Timestamp.from(second), a.unit.id().value() });
					step(a, Step.RATED, second, "RESIDENT", a.resident.toString(), null);
				}
			}
		}

		private void withdraw(App a, Instant when) {
			a.status = ApplicationStatus.WITHDRAWN;
			step(a, Step.WITHDRAWN, when, "RESIDENT", a.resident.toString(), null);
		}

		/** Returns the application with one complete notice of one to three requirements. */
		private void giveBack(App a, LocalDate day) {
			giveBack(a, day, at(day, 10, 30));
		}

		private void giveBack(App a, LocalDate day, Instant when) {
			a.status = ApplicationStatus.RETURNED;
			a.round++;
			a.noticeOn = day;
			List<MaterialRequirement> materials = new ArrayList<>(a.item.materials());
			int count = 1 + random.nextInt(Math.min(3, materials.size()));
			a.noticeCodes.clear();
			for (int i = 0; i < count; i++) {
				a.noticeCodes.add(materials.remove(random.nextInt(materials.size())).code());
			}
			step(a, Step.RETURNED, when, "STAFF", staffOf(a.unit.code(), "frontdesk").toString(), null);
		}

		/** The deadline flags the watch set up to the day (exclusive of a decision taken that day). */
		private void flagsUntil(App a, LocalDate decision) {
			if (decision.isAfter(a.warnOn) && a.warnedAt == null) {
				a.warnedAt = at(a.warnOn, 0, 5);
				step(a, Step.DEADLINE_WARNING, a.warnedAt, "SYSTEM", "system", null);
			}
			if (decision.isAfter(a.dueOn) && a.overdueAt == null) {
				a.overdueAt = at(a.dueOn.plusDays(1), 0, 5);
				step(a, Step.OVERDUE, a.overdueAt, "SYSTEM", "system", null);
			}
		}

		/** The flags of an application still running today, as the watch leaves them. */
		private void flags(App a, LocalDate day) {
			if (a.stoppedOn != null || a.dueOn == null) {
				return;
			}
			if (day.isAfter(a.dueOn)) {
				flagsUntil(a, day);
			}
			else if (!day.isBefore(a.warnOn) && a.warnedAt == null) {
				a.warnedAt = at(a.warnOn, 0, 5);
				if (a.warnedAt.isAfter(now)) {
					a.warnedAt = now;
				}
				step(a, Step.DEADLINE_WARNING, a.warnedAt, "SYSTEM", "system", null);
			}
		}

		private void schedule(App a) {
			a.dueOn = days.deadline(a.acceptedOn, a.item.committedDays() + a.stoppedDays);
			a.warnOn = days.deadline(a.acceptedOn,
					a.stoppedDays + (int) Math.ceil(a.item.committedDays() * Application.WARNING_SHARE));
		}

		private App start(ServiceItem item, Unit unit, LocalDate day) {
			if (unit == null) {
				return null;
			}
			App a = new App();
			a.n = apps.size();
			a.id = idOf("application", a.n, 0);
			a.item = item;
			a.unit = unit;
			// The three demo residents who sign in to the portal have a handful each; the others have the rest.
			a.resident = people.size() > 3 && random.nextInt(200) > 0 ? people.get(3 + random.nextInt(people.size() - 3))
					: people.get(random.nextInt(Math.min(3, people.size())));
			a.delivery = random.nextInt(5) == 0 ? Application.Delivery.MAIL : Application.Delivery.COLLECT;
			a.createdAt = at(day, 8 + random.nextInt(13), random.nextInt(60));
			if (a.createdAt.isAfter(now)) {
				a.createdAt = now.minusSeconds(3600 + random.nextInt(3600));
			}
			step(a, Step.CREATED, a.createdAt, "RESIDENT", a.resident.toString(), null);
			apps.add(a);
			return a;
		}

		private Fate fate() {
			int roll = random.nextInt(1000);
			return roll < 20 ? Fate.REFUSED : roll < 30 ? Fate.WITHDRAWN : roll < 36 ? Fate.IMPLIED : roll < 66 ? Fate.DENIED
					: Fate.NORMAL;
		}

		private Unit pick(List<Unit> units, ServiceItem item) {
			List<Unit> fit = units.stream().filter(u -> Applications.handles(u, item)).toList();
			if (fit.isEmpty()) {
				return null;
			}
			// The demo desk is a busy station: three times its share.
			for (Unit u : fit) {
				if (u.code().equals(DESK) && random.nextInt(fit.size() + 2) < 3) {
					return u;
				}
			}
			return fit.get(random.nextInt(fit.size()));
		}

		private double season(ServiceItem item, LocalDate day) {
			if (item.category() != ServiceCategory.EXIT_ENTRY) {
				return day.getMonth() == Month.SEPTEMBER && item.code().startsWith("ID_CARD") ? 1.4 : 1.0;
			}
			LocalDate festival = SPRING_FESTIVAL.get(day.getYear() + (day.getMonthValue() >= 11 ? 1 : 0));
			if (festival != null && !day.isAfter(festival) && day.isAfter(festival.minusDays(42))) {
				return 2.0;
			}
			if (day.getMonth() == Month.JUNE || day.getMonth() == Month.JULY) {
				return 1.7;
			}
			return day.getMonth() == Month.FEBRUARY || day.getMonth() == Month.AUGUST ? 0.7 : 0.9;
		}

		private int poisson(double lambda) {
			double limit = Math.exp(-lambda);
			double p = daily.nextDouble();
			int k = 0;
			while (p > limit) {
				p *= daily.nextDouble();
				k++;
			}
			return k;
		}

		private void step(App a, Step step, Instant when, String kind, String actor, String note) {
			Instant at = when;
			if (!a.steps.isEmpty()) { // a timeline never runs backwards
				Instant last = ((Timestamp) a.steps.get(a.steps.size() - 1)[3]).toInstant();
				if (at.isBefore(last)) {
					at = last.plusSeconds(60);
				}
			}
			a.steps.add(new Object[] { idOf("step", a.n, a.steps.size()), a.id, step.name(), Timestamp.from(at),
					at.atZone(zone).toLocalDate(), kind, actor, note });
		}

		private Instant at(LocalDate day, int hour, int minute) {
			return day.atTime(LocalTime.of(Math.min(hour, 23), minute)).atZone(zone).toInstant();
		}

		private LocalDate onOrAfter(LocalDate day) {
			return days.isWorkingDay(day) ? day : days.deadline(day, 1);
		}

		/** The working day n working days before the day (the day itself, when n is 0 and it is a working day). */
		private LocalDate before(LocalDate day, int n) {
			LocalDate d = onOrBefore(day);
			for (int i = 0; i < n; i++) {
				d = onOrBefore(d.minusDays(1));
			}
			return d;
		}

		private LocalDate onOrBefore(LocalDate day) {
			LocalDate d = day;
			while (!days.isWorkingDay(d)) {
				d = d.minusDays(1);
			}
			return d;
		}

		void write() {
			apps.sort(Comparator.comparing((App a) -> a.createdAt).thenComparing(a -> a.n));
			List<Long> numbers = jdbc.queryForList("SELECT nextval('application_number_seq') FROM generate_series(1, ?)",
					Long.class, apps.size());
			List<Object[]> rows = new ArrayList<>();
			List<Object[]> requirements = new ArrayList<>();
			List<Object[]> materials = new ArrayList<>();
			List<Object[]> steps = new ArrayList<>();
			List<Object[]> notices = new ArrayList<>();
			List<Object[]> noticeItems = new ArrayList<>();
			String sha = sha256(PDF);
			for (int i = 0; i < apps.size(); i++) {
				App a = apps.get(i);
				a.reference = "SQ-%d-%06d".formatted(a.createdAt.atZone(zone).getYear(), numbers.get(i));
				rows.add(new Object[] { a.id, a.reference, a.resident, a.item.id(), a.item.code(), a.item.nameZh(),
						a.item.nameEn(), a.item.committedDays(), a.item.statutoryDays(), a.unit.id().value(),
						a.status.name(), null, a.delivery.name(), Timestamp.from(a.createdAt), ts(a.submittedAt),
						a.receivedOn, a.acceptedOn, a.implied, a.stoppedOn, a.stoppedDays, a.warnOn, a.dueOn,
						ts(a.warnedAt), ts(a.overdueAt), a.decidedOn, a.reason, a.closedOn, a.assignee, a.round });
				int position = 0;
				for (MaterialRequirement m : a.item.materials()) {
					requirements.add(new Object[] { a.id, m.code(), m.nameZh(), m.nameEn(), m.mandatory(),
							MaterialFormat.format(m.formats()), position++ });
				}
				steps.addAll(a.steps);
				boolean ended = Application.ENDED.contains(a.status);
				if (!a.noticeCodes.isEmpty()) {
					UUID notice = idOf("notice", a.n, 0);
					notices.add(new Object[] { notice, a.id, 2, Timestamp.from(at(a.noticeOn, 10, 30)),
							staffOf(a.unit.code(), "frontdesk"), random.nextBoolean() ? "请按告知内容一次性补齐材料" : null });
					int p = 0;
					for (String code : a.noticeCodes) {
						boolean missing = random.nextInt(3) == 0;
						noticeItems.add(new Object[] { notice, p++, code, missing ? "MISSING" : "INCORRECT",
								missing ? null : NOTES[random.nextInt(NOTES.length)] });
					}
				}
				if (!ended && a.status != ApplicationStatus.DRAFT) {
					open++;
					int m = 0;
					for (MaterialRequirement r : a.item.materials()) {
						if (r.mandatory()) {
							materials.add(material(a, m++, r, 1));
						}
					}
					if (a.resubmitted) {
						for (String code : a.noticeCodes) {
							a.item.materials().stream().filter(r -> r.code().equals(code)).findFirst()
								.ifPresent(r -> materials.add(material(a, 100 + materials.size(), r, 2)));
						}
					}
				}
			}
			insert("""
					INSERT INTO application (id, reference, resident_id, item_id, item_code, item_name_zh, item_name_en,
					  committed_days, statutory_days, unit_id, status, note, delivery, created_at, submitted_at, received_on,
					  accepted_on, implied_acceptance, stopped_on, stopped_days, warn_on, due_on, warned_at, overdue_at,
					  decided_on, decision_reason, closed_on, assignee_id, round)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					""", rows, types(U, S, U, U, S, S, S, I, I, U, S, S, S, T, T, D, D, B, D, I, D, D, T, T, D, S, D, U, I));
			insert("""
					INSERT INTO application_requirement (application_id, code, name_zh, name_en, mandatory, formats, position)
					VALUES (?, ?, ?, ?, ?, ?, ?)
					""", requirements, types(U, S, S, S, B, S, I));
			insert("""
					INSERT INTO application_material (id, application_id, requirement_code, file_name, content_type,
					  size_bytes, sha256, content, round, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					""", materials.stream().map(m -> { m[6] = sha; return m; }).toList(),
					types(U, U, S, S, S, I, S, Types.BINARY, I, T));
			insert("""
					INSERT INTO application_step (id, application_id, step, at, on_date, actor_kind, actor_id, note)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?)
					""", steps, types(U, U, S, T, D, S, S, S));
			insert("""
					INSERT INTO application_notice (id, application_id, round, issued_at, issued_by, remarks)
					VALUES (?, ?, ?, ?, ?, ?)
					""", notices, types(U, U, I, T, U, S));
			insert("""
					INSERT INTO application_notice_item (notice_id, position, requirement_code, problem, note)
					VALUES (?, ?, ?, ?, ?)
					""", noticeItems, types(U, I, S, S, S));
			insert("""
					INSERT INTO application_rating (id, application_id, round, level, comment, rated_at, unit_id)
					VALUES (?, ?, ?, ?, ?, ?, ?)
					""", ratings, types(U, U, I, I, S, T, U));
			insert("""
					INSERT INTO rectification (id, application_id, rating_id, unit_id, opened_on, due_on, called_back_on,
					  callback_note, action_taken, done_on, done_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					""", rectifications, types(U, U, U, U, D, D, D, S, S, D, U));
		}

		private Object[] material(App a, int n, MaterialRequirement r, int round) {
			return new Object[] { idOf("material", a.n, n), a.id, r.code(),
					r.code().toLowerCase(java.util.Locale.ROOT) + ".pdf", MaterialFormat.PDF.contentType(), PDF.length, null, PDF,
					round, Timestamp.from(a.submittedAt == null ? a.createdAt : a.submittedAt) };
		}
	}

	private static final java.util.regex.Pattern INSERT = java.util.regex.Pattern
		.compile("INSERT INTO (\\w+) \\(([^)]*)\\)");

	/**
	 * Inserts the rows with one statement per ten thousand: each column goes as one text array, unnested and cast
	 * on the server, which is many times faster than a batch of single-row statements.
	 */
	private void insert(String sql, List<Object[]> rows, int[] types) {
		java.util.regex.Matcher m = INSERT.matcher(sql.replaceAll("\\s+", " "));
		if (!m.find()) {
			throw new IllegalArgumentException(sql);
		}
		StringBuilder select = new StringBuilder();
		StringBuilder from = new StringBuilder();
		StringBuilder names = new StringBuilder();
		for (int i = 0; i < types.length; i++) {
			String sep = i == 0 ? "" : ", ";
			select.append(sep).append('c').append(i).append("::").append(switch (types[i]) {
				case Types.OTHER -> "uuid";
				case Types.INTEGER -> "integer";
				case Types.TIMESTAMP -> "timestamptz";
				case Types.DATE -> "date";
				case Types.BOOLEAN -> "boolean";
				case Types.BINARY -> "bytea";
				default -> "text";
			});
			from.append(sep).append("?::text[]");
			names.append(sep).append('c').append(i);
		}
		String statement = "INSERT INTO " + m.group(1) + " (" + m.group(2) + ") SELECT " + select + " FROM unnest(" + from
				+ ") AS t(" + names + ")";
		long began = System.nanoTime();
		for (int start = 0; start < rows.size(); start += 10_000) {
			List<Object[]> chunk = rows.subList(start, Math.min(rows.size(), start + 10_000));
			jdbc.execute((java.sql.Connection con) -> {
				try (var ps = con.prepareStatement(statement)) {
					for (int c = 0; c < types.length; c++) {
						String[] column = new String[chunk.size()];
						for (int r = 0; r < chunk.size(); r++) {
							column[r] = text(chunk.get(r)[c]);
						}
						ps.setArray(c + 1, con.createArrayOf("text", column));
					}
					return ps.executeUpdate();
				}
			});
		}
		log.debug("{} rows into {} in {} ms", rows.size(), m.group(1), (System.nanoTime() - began) / 1_000_000);
	}

	private static String text(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof Timestamp t) {
			return t.toInstant().toString();
		}
		if (value instanceof byte[] bytes) {
			return "\\x" + HexFormat.of().formatHex(bytes);
		}
		return value.toString();
	}

	private static final int U = Types.OTHER, S = Types.VARCHAR, I = Types.INTEGER, T = Types.TIMESTAMP,
			D = Types.DATE, B = Types.BOOLEAN;

	/** SQL types given up front, so that null values need no look-up of the statement's parameter types. */
	private static int[] types(int... types) {
		return types;
	}

	private static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
