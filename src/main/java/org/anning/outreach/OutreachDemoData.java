package org.anning.outreach;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.anning.database.DemoMode;
import org.anning.residents.ResidentId;
import org.anning.residents.Residents;
import org.anning.units.Organisation;
import org.anning.units.Unit;
import org.anning.units.UnitLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two years of fictional community policing for demo mode, up to today, at every demo station: service visits to
 * elderly, disabled and ill residents (some on a recurring plan, a few due now), anti-fraud and other publicity
 * events, a household-visit campaign each quarter with households visited, issues found, resolved or handed on.
 * Deterministic: a fixed seed and identifiers derived from running numbers. History rather than actions, so it is
 * written straight into the tables without audit entries or events; only in demo mode, and only once.
 */
@Component
@Order(45)
class OutreachDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(OutreachDemoData.class);

	static final long SEED = 20_251_127L;

	/** The station whose desk the demo staff sign in to. */
	static final String DESK = "AN-DC-01";

	private static final String[] STREETS = { "和平路", "解放路", "建设路", "人民路", "中山路", "文化路", "新华路", "胜利街", "青年路", "滨江路",
			"湖滨路", "茶园路" };

	private static final String[] PLACES = { "居民家中", "社区卫生服务站", "养老院", "居民家中（卧床）" };

	private static final String[][] EVENTS = { { "ANTI_FRAUD", "反诈进社区：识破刷单返利骗局" }, { "ANTI_FRAUD", "老年人防范养老诈骗宣讲" },
			{ "ANTI_FRAUD", "反诈宣传进校园" }, { "TRAFFIC_SAFETY", "一盔一带安全守护" }, { "TRAFFIC_SAFETY", "电动自行车安全骑行宣传" },
			{ "DRUG_PREVENTION", "6·26 国际禁毒日宣传" }, { "OTHER", "防火防盗安全知识讲座" } };

	private static final String[] EVENT_PLACES = { "社区文化广场", "小学操场", "农贸市场门口", "社区活动中心", "商场门前", "老年活动室" };

	private static final String[] PARTNERS = { "社区居委会", "街道综治中心", "辖区学校", "银行网点", "交警中队", null, null };

	private static final String[][] ISSUES = { { "DISPUTE", "邻里因楼道堆放杂物发生争执" }, { "DISPUTE", "楼上漏水引发邻里纠纷" },
			{ "SERVICE_NEED", "老人身份证即将到期，行动不便" }, { "SERVICE_NEED", "新生儿尚未办理户口登记" },
			{ "SAFETY_HAZARD", "楼道电动车充电，存在火灾隐患" }, { "SAFETY_HAZARD", "单元门禁损坏" }, { "OTHER", "反映夜间噪音扰民" } };

	private static final String[] RESOLUTIONS = { "已当面调解，双方达成一致", "已协调物业整改", "已上门办理", "已联系社区跟进处理" };

	private final JdbcTemplate jdbc;

	private final Organisation organisation;

	private final Residents residents;

	private final DemoMode demo;

	private final Clock clock;

	OutreachDemoData(JdbcTemplate jdbc, Organisation organisation, Residents residents, DemoMode demo, Clock clock) {
		this.jdbc = jdbc;
		this.organisation = organisation;
		this.residents = residents;
		this.demo = demo;
		this.clock = clock;
	}

	static UUID idOf(String kind, int n) {
		return UUID.nameUUIDFromBytes(("anning-demo-outreach-" + kind + ":" + n).getBytes(StandardCharsets.UTF_8));
	}

	/** The demo community officer of AN-DC-01 is a real account; elsewhere officers are fictional identifiers. */
	static UUID officerOf(String unitCode) {
		if (DESK.equals(unitCode)) {
			return UUID.nameUUIDFromBytes("anning-demo-account:community".getBytes(StandardCharsets.UTF_8));
		}
		return UUID.nameUUIDFromBytes(("anning-demo-staff:" + unitCode + ":community").getBytes(StandardCharsets.UTF_8));
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!demo.on()) {
			return;
		}
		Boolean exists = jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM outreach_campaign)", Boolean.class);
		if (Boolean.TRUE.equals(exists)) {
			return;
		}
		List<Unit> stations = organisation.active().stream().filter(u -> u.level() == UnitLevel.STATION).toList();
		List<ResidentId> people = residents.registeredFirst(200);
		if (stations.isEmpty() || people.isEmpty()) {
			return;
		}
		long started = System.nanoTime();
		var g = new Generator(stations, people);
		g.generate();
		g.write();
		log.info("Demo community policing created: {} service visits, {} plans, {} publicity events, {} campaigns,"
				+ " {} households, {} issues in {} ms", g.visits.size(), g.plans.size(), g.events.size(), g.campaigns.size(),
				g.households.size(), g.issues.size(), (System.nanoTime() - started) / 1_000_000);
	}

	private final class Generator {

		final List<Unit> stations;

		final List<ResidentId> people;

		final Random random = new Random(SEED);

		final LocalDate today = LocalDate.now(clock);

		final LocalDate start = today.minusYears(2);

		final ZoneId zone = clock.getZone();

		final List<Object[]> visits = new ArrayList<>();

		final List<Object[]> plans = new ArrayList<>();

		final List<Object[]> events = new ArrayList<>();

		final List<Object[]> campaigns = new ArrayList<>();

		final List<Object[]> households = new ArrayList<>();

		final List<Object[]> issues = new ArrayList<>();

		int visitNumber;

		int eventNumber;

		int campaignNumber;

		Generator(List<Unit> stations, List<ResidentId> people) {
			this.stations = stations;
			this.people = people;
		}

		Timestamp at(LocalDate day) {
			return Timestamp.from(day.atTime(LocalTime.of(9 + random.nextInt(8), random.nextInt(60))).atZone(zone).toInstant());
		}

		void generate() {
			for (int s = 0; s < stations.size(); s++) {
				Unit unit = stations.get(s);
				UUID officer = officerOf(unit.code());
				serviceVisits(s, unit, officer);
				publicity(unit, officer);
				campaigns(s, unit, officer);
			}
		}

		/** A handful of residents per station on a recurring plan, and some one-off visits. */
		void serviceVisits(int s, Unit unit, UUID officer) {
			Map<UUID, Integer> planned = new HashMap<>();
			int regulars = 3 + random.nextInt(3);
			for (int r = 0; r < regulars; r++) {
				ResidentId resident = people.get((s * 7 + r * 3) % people.size());
				planned.putIfAbsent(resident.value(), 2 + 2 * random.nextInt(3));
			}
			for (var plan : planned.entrySet()) {
				int weeks = plan.getValue();
				LocalDate day = start.plusDays(random.nextInt(60));
				UUID last = null;
				LocalDate lastDay = null;
				String reason = random.nextInt(3) == 0 ? "DISABLED" : "ELDERLY";
				while (!day.isAfter(today)) {
					last = visit(unit, officer, plan.getKey(), reason, day);
					lastDay = day;
					day = day.plusWeeks(weeks).plusDays(random.nextInt(5) - 2);
				}
				LocalDate next = lastDay.plusWeeks(weeks);
				// Some plans are due now at the desk station, so the due list has something in it.
				if (DESK.equals(unit.code()) && plans.size() % 2 == 0) {
					next = today.plusDays(random.nextInt(5) - 2);
				}
				plans.add(new Object[] { idOf("plan", plans.size()), unit.id().value(), plan.getKey(), weeks, next, last, true,
						at(start) });
			}
			for (LocalDate week = start; !week.isAfter(today); week = week.plusWeeks(1)) {
				int count = random.nextInt(3);
				for (int i = 0; i < count; i++) {
					LocalDate day = week.plusDays(random.nextInt(5));
					if (day.isAfter(today)) {
						continue;
					}
					ResidentId resident = people.get(random.nextInt(people.size()));
					String reason = new String[] { "ELDERLY", "ELDERLY", "DISABLED", "ILL", "OTHER" }[random.nextInt(5)];
					visit(unit, officer, resident.value(), reason, day);
				}
			}
		}

		UUID visit(Unit unit, UUID officer, UUID resident, String reason, LocalDate day) {
			int n = ++visitNumber;
			UUID id = idOf("visit", n);
			boolean consent = random.nextInt(20) != 0;
			String how = consent ? new String[] { "SIGNED", "VERBAL", "GUARDIAN" }[random.nextInt(3)] : null;
			String services = switch (random.nextInt(5)) {
				case 0 -> "ID_PHOTO";
				case 1 -> "ID_PHOTO,DOCUMENTS_DELIVERED";
				case 2 -> "DOCUMENTS_DELIVERED";
				case 3 -> "ADVICE";
				default -> "ADVICE,OTHER";
			};
			String place = PLACES[random.nextInt(PLACES.length)];
			visits.add(new Object[] { id, "FW-%d-%06d".formatted(day.getYear(), n), unit.id().value(), resident, reason,
					consent, how, consent ? day : null, services, null, place, day, officer, at(day) });
			return id;
		}

		/** Two to four events a month, more anti-fraud than anything else. */
		void publicity(Unit unit, UUID officer) {
			for (LocalDate month = start.withDayOfMonth(1); !month.isAfter(today); month = month.plusMonths(1)) {
				int count = 2 + random.nextInt(3);
				for (int i = 0; i < count; i++) {
					LocalDate day = month.plusDays(random.nextInt(month.lengthOfMonth()));
					if (day.isAfter(today) || day.isBefore(start)) {
						continue;
					}
					String[] e = EVENTS[random.nextInt(EVENTS.length)];
					if (random.nextInt(3) == 0) {
						e = EVENTS[random.nextInt(3)]; // anti-fraud comes first
					}
					int n = ++eventNumber;
					int attendance = 30 + random.nextInt(300);
					events.add(new Object[] { idOf("event", n), "XC-%d-%06d".formatted(day.getYear(), n), unit.id().value(),
							e[0], e[1], EVENT_PLACES[random.nextInt(EVENT_PLACES.length)], day, attendance,
							attendance + random.nextInt(200), "宣传折页、海报", PARTNERS[random.nextInt(PARTNERS.length)], officer,
							at(day) });
				}
			}
		}

		/** A campaign each quarter with a target, most reached, the current one under way. */
		void campaigns(int s, Unit unit, UUID officer) {
			LocalDate quarter = start.withDayOfMonth(1).withMonth(((start.getMonthValue() - 1) / 3) * 3 + 1);
			String street = STREETS[s % STREETS.length];
			for (; !quarter.isAfter(today); quarter = quarter.plusMonths(3)) {
				LocalDate ends = quarter.plusMonths(3).minusDays(1);
				int target = 60 + 10 * random.nextInt(10);
				int n = ++campaignNumber;
				UUID campaign = idOf("campaign", n);
				campaigns.add(new Object[] { campaign, "ZF-%d-%06d".formatted(quarter.getYear(), n), unit.id().value(),
						"%d 年第 %d 季度百万警进千万家入户走访".formatted(quarter.getYear(), (quarter.getMonthValue() - 1) / 3 + 1),
						quarter, ends, target, at(quarter) });
				double share = 0.7 + 0.4 * random.nextDouble();
				int count = (int) Math.round(target * share);
				long days = java.time.temporal.ChronoUnit.DAYS.between(quarter, ends) + 1;
				for (int i = 0; i < count; i++) {
					LocalDate day = quarter.plusDays(random.nextInt((int) days));
					if (day.isAfter(today) || day.isBefore(start) || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
						continue;
					}
					UUID household = idOf("household", households.size() + 1);
					String address = "%s %d 号 %d 单元 %d 室".formatted(street, 1 + random.nextInt(120), 1 + random.nextInt(6),
							100 * (1 + random.nextInt(18)) + 1 + random.nextInt(4));
					households.add(new Object[] { household, campaign, unit.id().value(), address, day, officer, at(day) });
					if (random.nextInt(8) == 0) {
						issue(household, unit, day);
					}
				}
			}
		}

		void issue(UUID household, Unit unit, LocalDate day) {
			String[] i = ISSUES[random.nextInt(ISSUES.length)];
			int n = issues.size() + 1;
			String status = "OPEN";
			LocalDate referred = null;
			LocalDate resolved = null;
			String resolution = null;
			int fate = random.nextInt(10);
			LocalDate later = day.plusDays(1 + random.nextInt(20));
			if (later.isAfter(today)) {
				fate = 9;
			}
			if (fate < 6) {
				status = "RESOLVED";
				resolved = later;
				resolution = RESOLUTIONS[random.nextInt(RESOLUTIONS.length)];
			}
			else if (fate < 8) {
				status = i[0].equals("DISPUTE") ? "REFERRED_MEDIATION" : "REFERRED_SERVICE";
				referred = later;
			}
			issues.add(new Object[] { idOf("issue", n), household, unit.id().value(), i[0], i[1], day, status, referred,
					null, resolved, resolution, 0 });
		}

		void write() {
			jdbc.batchUpdate("""
					INSERT INTO outreach_service_visit (id, reference, unit_id, resident_id, reason, consent, consent_how,
					  consent_on, services, note, place, visited_on, officer_id, created_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					""", visits);
			jdbc.batchUpdate("""
					INSERT INTO outreach_visit_plan (id, unit_id, resident_id, every_weeks, next_due_on, last_visit, active, created_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?)
					""", plans);
			jdbc.batchUpdate("""
					INSERT INTO outreach_publicity_event (id, reference, unit_id, topic, title, place, held_on, attendance,
					  materials_count, materials, partners, officer_id, created_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					""", events);
			jdbc.batchUpdate("""
					INSERT INTO outreach_campaign (id, reference, unit_id, name, starts_on, ends_on, target, created_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?)
					""", campaigns);
			jdbc.batchUpdate("""
					INSERT INTO outreach_household_visit (id, campaign_id, unit_id, address, visited_on, officer_id, created_at)
					VALUES (?, ?, ?, ?, ?, ?, ?)
					""", households);
			jdbc.batchUpdate("""
					INSERT INTO outreach_issue (id, household_visit_id, unit_id, kind, description, raised_on, status,
					  referred_on, referred_ref, resolved_on, resolution, position)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					""", issues);
			jdbc.execute("SELECT setval('outreach_visit_number_seq', " + Math.max(1, visitNumber) + ")");
			jdbc.execute("SELECT setval('outreach_publicity_number_seq', " + Math.max(1, eventNumber) + ")");
			jdbc.execute("SELECT setval('outreach_campaign_number_seq', " + Math.max(1, campaignNumber) + ")");
		}
	}
}
