package org.anning.mediation;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.anning.cases.CaseFile;
import org.anning.cases.Cases;
import org.anning.database.DemoMode;
import org.anning.privacy.PersonalData;
import org.anning.residents.IdentityNumber;
import org.anning.units.Organisation;
import org.anning.units.Unit;
import org.anning.units.UnitLevel;
import org.anning.units.UnitScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two years of fictional disputes for demo mode, up to today: about 1,500 a year across the demo stations, with
 * the mix of a mid-size city (neighbours, family and labour the largest shares), the mediators of each station
 * (police, people's mediators, the judicial office and a law firm), sessions, outcomes (most settled by agreement
 * within the 30 days), follow-up visits (most on time), some disputes still in mediation, a few of them overdue
 * or at high risk, and a few that turned into criminal cases, linked to the demo's own assault cases. Each demo
 * resident has asked for mediation online at 和平路派出所. Deterministic: a fixed seed, identifiers derived from
 * running numbers. History rather than actions: written straight into the tables, without audit entries or
 * events. Only in demo mode, after the demo cases, and only once.
 */
@Component
@Order(42)
class MediationDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(MediationDemoData.class);

	static final long SEED = 20_250_316L;

	static final String DESK = "AN-DC-01";

	static final int PER_STATION_YEAR = 108;

	/** The demo residents' identity numbers (first 17 characters), as the residents module registers them. */
	static final String[] DEMO_RESIDENTS = { "33010619850312026", "33010219620708013", "33010820010925048" };

	private static final Category[] CATEGORIES = Category.values();

	private static final int[] CATEGORY_WEIGHTS = { 18, 24, 9, 14, 10, 7, 8, 6, 4 };

	private static final Map<Category, String[]> ACCOUNTS = Map.of(
			Category.MARRIAGE_FAMILY, new String[] { "夫妻因家庭开支和子女教育问题多次争吵，女方回娘家居住，双方要求派出所出面调解。",
					"兄弟二人因父母赡养费用分摊问题发生争执，互不相让。", "老人反映儿子长期不支付赡养费，要求调解。" },
			Category.NEIGHBOURS, new String[] { "楼上住户夜间噪音扰民，楼下住户多次协商未果，双方发生口角。",
					"邻居在公共楼道堆放杂物，影响通行和消防安全，双方发生争执。", "楼上卫生间漏水导致楼下天花板受损，双方就维修费用产生纠纷。",
					"邻居饲养的犬只多次吠叫并吓到老人，双方发生争执。" },
			Category.HOUSING_LAND, new String[] { "出租人与承租人就押金退还和房屋损坏赔偿发生纠纷。", "两户村民因宅基地边界问题发生争执。",
					"房屋买卖双方就过户时间和尾款支付产生纠纷。" },
			Category.LABOUR_WAGES, new String[] { "十余名务工人员反映工程完工后包工头拖欠工资，情绪激动。", "员工离职后公司未结清最后一个月工资。",
					"装修工人与业主就工钱结算发生纠纷。" },
			Category.CONTRACTS_DEBTS, new String[] { "朋友借款到期未还，双方就还款期限发生争执。", "个体商户之间就货款结算产生纠纷。",
					"合伙经营餐馆散伙后，双方就设备分配和债务承担发生争执。" },
			Category.CONSUMER, new String[] { "顾客在理发店办理的会员卡，店铺转让后拒绝继续服务，要求退款。",
					"顾客认为购买的电动车存在质量问题，与商家协商退换未果。", "餐馆顾客就菜品质量和账单金额与店家发生争执。" },
			Category.PROPERTY_MANAGEMENT, new String[] { "业主与物业公司就停车费收取标准发生纠纷。", "业主以服务不到位为由拒交物业费，双方发生争执。",
					"小区电梯多次故障，业主与物业公司就维修责任产生纠纷。" },
			Category.TRAFFIC_COMPENSATION, new String[] { "两车轻微剐蹭，双方就责任划分和维修费用协商未果。",
					"电动车与行人相撞致行人轻微受伤，双方就医疗费赔偿发生争执。" },
			Category.OTHER, new String[] { "双方因网络言语冲突引发线下争执，要求调解。", "同学家长之间因孩子在学校发生冲突而产生纠纷。" });

	private static final String[] RISK_REASONS = { "一方扬言报复", "双方曾发生肢体冲突", "当事人情绪激动，多次到所反映", "涉及人数较多，有聚集上访苗头",
			"一方有饮酒后滋事情况" };

	private static final String[] NOTES = { "分别听取双方陈述，释法说理，双方初步达成和解意向。", "组织双方面对面协商，对争议事实进行核实。",
			"邀请社区网格员一同参与调解，双方各让一步。", "律师就相关法律规定进行解释，双方对赔偿金额意见逐步接近。", "双方分歧较大，约定下次继续调解。" };

	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱",
			"高", "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧" };

	private static final String[] GIVEN = { "伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
			"超", "秀英", "桂英", "建华", "志强", "丽", "斌", "海燕", "建国", "红梅" };

	private final JdbcTemplate jdbc;

	private final Organisation organisation;

	private final Cases cases;

	private final PersonalData personalData;

	private final DemoMode demo;

	private final Clock clock;

	MediationDemoData(JdbcTemplate jdbc, Organisation organisation, Cases cases, PersonalData personalData,
			DemoMode demo, Clock clock) {
		this.jdbc = jdbc;
		this.organisation = organisation;
		this.cases = cases;
		this.personalData = personalData;
		this.demo = demo;
		this.clock = clock;
	}

	static UUID idOf(String kind, int n) {
		return UUID.nameUUIDFromBytes(("anning-demo-mediation-" + kind + ":" + n).getBytes(StandardCharsets.UTF_8));
	}

	static UUID demoResident(int i) {
		String first17 = DEMO_RESIDENTS[i];
		return UUID.nameUUIDFromBytes(("anning-demo-resident:" + first17 + IdentityNumber.checkCharacter(first17))
			.getBytes(StandardCharsets.UTF_8));
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!demo.on()) {
			return;
		}
		Boolean exists = jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM mediation_dispute WHERE source = 'DEMO')",
				Boolean.class);
		if (Boolean.TRUE.equals(exists)) {
			return;
		}
		List<Unit> stations = organisation.active().stream().filter(u -> u.level() == UnitLevel.STATION)
			.sorted(Comparator.comparing(Unit::code)).toList();
		if (stations.isEmpty()) {
			return;
		}
		long started = System.nanoTime();
		var generator = new Generator(stations);
		generator.generate();
		long generated = System.nanoTime();
		generator.write();
		log.info("Demo disputes created: {} disputes ({} in mediation), {} agreements, {} sessions, {} mediators, {} "
				+ "linked to cases in {} ms (generation {} ms)", generator.disputes.size(), generator.open,
				generator.agreements.size(), generator.sessions.size(), generator.mediators.size(), generator.links.size(),
				(System.nanoTime() - started) / 1_000_000, (generated - started) / 1_000_000);
	}

	private static final class D {

		int n;

		UUID id;

		String reference;

		Unit unit;

		String channel;

		UUID resident;

		Category category;

		String account;

		Risk risk;

		String riskReason;

		String status = "IN_MEDIATION";

		Outcome outcome;

		Referral referral;

		LocalDate received;

		LocalDate closed;

		Instant createdAt;

		List<String[]> parties = new ArrayList<>();
	}

	private final class Generator {

		final Random random = new Random(SEED);

		final List<Unit> stations;

		final ZoneId zone = clock.getZone();

		final LocalDate today = LocalDate.now(clock);

		final LocalDate start = today.minusYears(2).plusDays(1);

		final List<D> disputes = new ArrayList<>();

		final List<Object[]> mediators = new ArrayList<>();

		final Map<UUID, List<UUID>> mediatorsOf = new HashMap<>();

		final List<Object[]> sessions = new ArrayList<>();

		final List<Object[]> disputeMediators = new ArrayList<>();

		final List<Object[]> agreements = new ArrayList<>();

		final List<Object[]> terms = new ArrayList<>();

		final List<Object[]> links = new ArrayList<>();

		final List<Object[]> steps = new ArrayList<>();

		int open;

		int counter;

		Generator(List<Unit> stations) {
			this.stations = stations;
		}

		String name() {
			return SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
		}

		String phone() {
			return "1" + "3578".charAt(random.nextInt(4)) + "%09d".formatted(random.nextInt(1_000_000_000));
		}

		<T> T weighted(T[] values, int[] weights) {
			int total = 0;
			for (int w : weights) {
				total += w;
			}
			int pick = random.nextInt(total);
			for (int i = 0; i < values.length; i++) {
				pick -= weights[i];
				if (pick < 0) {
					return values[i];
				}
			}
			return values[values.length - 1];
		}

		Instant at(LocalDate day) {
			return day.atTime(LocalTime.of(8 + random.nextInt(10), random.nextInt(60))).atZone(zone).toInstant();
		}

		void generate() {
			int m = 0;
			for (Unit station : stations) {
				UUID unit = station.id().value();
				List<UUID> ids = new ArrayList<>();
				String police = DESK.equals(station.code()) ? "调解员 陈敏" : "民警" + name();
				UUID account = DESK.equals(station.code())
						? UUID.nameUUIDFromBytes("anning-demo-account:mediator".getBytes(StandardCharsets.UTF_8)) : null;
				Object[][] roster = { { "POLICE", police, station.nameZh(), account },
						{ "PEOPLES_MEDIATOR", name(), station.nameZh().replace("派出所", "") + "社区人民调解委员会", null },
						{ "PEOPLES_MEDIATOR", name(), station.nameZh().replace("派出所", "") + "社区人民调解委员会", null },
						{ "JUDICIAL_OFFICE", name(), station.nameZh().replace("派出所", "") + "司法所", null },
						{ "LAWYER", name(), "安宁" + SURNAMES[random.nextInt(SURNAMES.length)] + "正律师事务所", null } };
				for (Object[] r : roster) {
					UUID id = idOf("mediator", m++);
					ids.add(id);
					mediators.add(new Object[] { id, unit, r[0], r[1], r[2], r[3], true,
							Timestamp.from(at(start.minusDays(30))) });
				}
				mediatorsOf.put(unit, ids);
				int count = (int) Math.round(PER_STATION_YEAR * 2 * (0.7 + random.nextDouble() * 0.6));
				for (int i = 0; i < count; i++) {
					LocalDate received = start.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(start, today) + 1));
					dispute(station, received, null, null);
				}
			}
			// Each demo resident asked online at the desk station: the first one is still in mediation.
			Unit desk = stations.stream().filter(u -> u.code().equals(DESK)).findFirst().orElse(stations.get(0));
			for (int i = 0; i < DEMO_RESIDENTS.length; i++) {
				dispute(desk, today.minusDays(i == 0 ? 3 : 40 + 25 * i), demoResident(i), Category.NEIGHBOURS);
			}
			number();
			escalate();
		}

		void dispute(Unit station, LocalDate received, UUID resident, Category forced) {
			D d = new D();
			d.n = counter++;
			d.id = idOf("dispute", d.n);
			d.unit = station;
			d.received = received;
			d.createdAt = at(received);
			d.resident = resident;
			d.category = forced != null ? forced : weighted(CATEGORIES, CATEGORY_WEIGHTS);
			String[] texts = ACCOUNTS.get(d.category);
			d.account = texts[random.nextInt(texts.length)];
			d.channel = resident != null ? "ONLINE"
					: weighted(new String[] { "WALK_IN", "CALL_110", "HOUSEHOLD_VISIT", "UNIT_REFERRAL" },
							new int[] { 45, 35, 15, 5 });
			int r = random.nextInt(100);
			d.risk = resident != null ? Risk.LOW : r < 5 ? Risk.HIGH : r < 22 ? Risk.MEDIUM : Risk.LOW;
			d.riskReason = d.risk == Risk.LOW ? null : RISK_REASONS[random.nextInt(RISK_REASONS.length)];
			int parties = random.nextInt(10) == 0 ? 3 : 2;
			for (int p = 0; p < parties; p++) {
				String role = p == 0 ? "APPLICANT" : p == 1 ? "RESPONDENT" : "INTERESTED";
				d.parties.add(new String[] { role, name(), p == 1 && random.nextInt(4) == 0 ? null : phone() });
			}
			long age = ChronoUnit.DAYS.between(received, today);
			boolean stillOpen = resident != null ? resident.equals(demoResident(0))
					: age < 30 ? random.nextInt(100) < 65 : age < 45 && random.nextInt(100) < 25;
			List<UUID> roster = mediatorsOf.get(station.id().value());
			List<UUID> working = new ArrayList<>(List.of(roster.get(0)));
			working.add(roster.get(1 + random.nextInt(roster.size() - 1)));
			for (UUID mediator : working) {
				disputeMediators.add(new Object[] { d.id, mediator, Timestamp.from(d.createdAt) });
			}
			step(d, "RECEIVED", received, null);
			LocalDate last = received;
			int planned = stillOpen ? (int) Math.min(age / 7, 1 + random.nextInt(2)) : 1 + random.nextInt(3);
			if (!stillOpen) {
				int days = random.nextInt(100) < 88 ? random.nextInt(29) + 1 : 31 + random.nextInt(15);
				d.closed = received.plusDays(days);
				if (d.closed.isAfter(today)) {
					d.closed = today;
				}
			}
			for (int s = 0; s < planned; s++) {
				LocalDate bound = d.closed != null ? d.closed : today;
				long span = ChronoUnit.DAYS.between(last, bound);
				LocalDate held = last.plusDays(span <= 0 ? 0 : random.nextInt((int) Math.min(span, 10) + 1));
				sessions.add(new Object[] { idOf("session", sessions.size()), d.id, held, "双方当事人、调解员",
						array(working), NOTES[random.nextInt(NOTES.length)], null, Timestamp.from(at(held)) });
				step(d, "SESSION", held, null);
				last = held;
			}
			if (stillOpen) {
				open++;
				disputes.add(d);
				return;
			}
			d.status = "CLOSED";
			int o = random.nextInt(100);
			d.outcome = o < 78 || d.resident != null ? Outcome.AGREEMENT : o < 92 ? Outcome.NO_AGREEMENT : Outcome.WITHDRAWN;
			if (d.outcome == Outcome.NO_AGREEMENT) {
				d.referral = d.category == Category.LABOUR_WAGES
						? (random.nextBoolean() ? Referral.LABOUR_INSPECTION : Referral.ARBITRATION)
						: (random.nextInt(3) == 0 ? Referral.JUDICIAL_OFFICE : Referral.COURT);
			}
			step(d, d.outcome.name(), d.closed, null);
			if (d.outcome == Outcome.AGREEMENT) {
				agreement(d);
			}
			disputes.add(d);
		}

		void agreement(D d) {
			UUID id = idOf("agreement", agreements.size());
			LocalDate due = d.closed.plusDays(15);
			LocalDate done = null;
			Boolean carried = null;
			String action = null;
			String referral = null;
			int f = random.nextInt(100);
			if (!due.isAfter(today) || random.nextInt(3) == 0) {
				LocalDate on = f < 86 ? d.closed.plusDays(5 + random.nextInt(11))
						: f < 94 ? due.plusDays(1 + random.nextInt(10)) : null;
				if (on != null && !on.isAfter(today)) {
					done = on;
					carried = random.nextInt(100) < 93;
					action = carried ? "NONE" : "REFERRED";
					referral = carried ? null : "COURT";
					step(d, carried ? "FOLLOWED_UP" : "FOLLOW_UP_FAILED", done, null);
				}
			}
			agreements.add(new Object[] { id, d.id, d.unit.id().value(), d.closed, due, done, carried,
					done == null ? null : (carried ? "回访确认协议已履行完毕。" : "义务方未按期履行，已告知可向人民法院申请司法确认或起诉。"), action,
					referral, Timestamp.from(at(d.closed)) });
			String[] a = d.parties.get(0);
			String[] b = d.parties.get(1);
			terms.add(new Object[] { id, 0, b[1], "向" + a[1] + "赔偿（支付）人民币" + (500 + random.nextInt(40) * 250) + "元",
					d.closed.plusDays(7 + random.nextInt(14)) });
			if (random.nextBoolean()) {
				terms.add(new Object[] { id, 1, a[1] + "、" + b[1], "今后互相尊重、和睦相处，不再就此事发生争执", null });
			}
		}

		void step(D d, String step, LocalDate on, String note) {
			steps.add(new Object[] { d.id, step, on, Timestamp.from(at(on)), "system", note });
		}

		/** References in the order of receipt. */
		void number() {
			disputes.sort(Comparator.comparing((D d) -> d.createdAt).thenComparingInt(d -> d.n));
			Long next = jdbc.queryForObject("SELECT nextval('mediation_number_seq')", Long.class);
			if (disputes.size() > 1) {
				jdbc.queryForObject("SELECT setval('mediation_number_seq', ?)", Long.class, next + disputes.size() - 1);
			}
			for (int i = 0; i < disputes.size(); i++) {
				D d = disputes.get(i);
				d.reference = "TJ-%d-%06d".formatted(d.received.getYear(), next + i);
			}
		}

		/** A few disputes at medium or high risk turned into assault cases of their station, registered later. */
		void escalate() {
			for (Unit station : stations) {
				List<CaseFile> assaults = new ArrayList<>(
						cases.list(new UnitScope(Set.of(station.id())), null, "ASSAULT", 500));
				assaults.sort(Comparator.comparing(CaseFile::registeredOn).thenComparing(CaseFile::caseNumber));
				int used = 0;
				for (D d : disputes) {
					if (!d.unit.equals(station) || d.risk == Risk.LOW || d.resident != null || random.nextInt(100) >= 18) {
						continue;
					}
					CaseFile c = assaults.stream().skip(used)
						.filter(k -> !k.registeredOn().isBefore(d.received) && !k.registeredOn().isAfter(d.received.plusDays(60)))
						.findFirst().orElse(null);
					if (c == null) {
						continue;
					}
					used = assaults.indexOf(c) + 1;
					links.add(new Object[] { d.id, c.caseNumber(), station.id().value(), c.registeredOn(), null,
							Timestamp.from(at(c.registeredOn())) });
					step(d, "ESCALATED", c.registeredOn(), c.caseNumber());
				}
			}
		}

		void write() {
			insert("mediation_mediator (id, unit_id, kind, name, organisation, account_id, active, created_at)",
					"(?, ?, ?, ?, ?, ?, ?, ?)", mediators);
			List<Object[]> rows = new ArrayList<>();
			List<Object[]> partyRows = new ArrayList<>();
			for (D d : disputes) {
				LocalDate due = d.received.plusDays(Dispute.LIMIT_DAYS);
				rows.add(new Object[] { d.id, d.reference, d.unit.id().value(), d.channel,
						"UNIT_REFERRAL".equals(d.channel) ? referrer(d.unit).id().value() : null, d.resident,
						d.category.name(), d.account, d.risk.name(), d.riskReason, d.status,
						d.outcome == null ? null : d.outcome.name(), d.referral == null ? null : d.referral.name(),
						Date.valueOf(d.received), Date.valueOf(due.minusDays(Dispute.WARN_DAYS)), Date.valueOf(due),
						d.closed == null ? null : Date.valueOf(d.closed), Timestamp.from(d.createdAt),
						Timestamp.from(d.closed == null ? d.createdAt : at(d.closed)) });
				for (int p = 0; p < d.parties.size(); p++) {
					String[] party = d.parties.get(p);
					partyRows.add(new Object[] { d.id, p, party[0], party[1], Disputes.maskName(party[1]), party[2],
							party[2] == null ? null : PersonalData.maskMobile(party[2]) });
				}
			}
			// Sealing is the slow part (a cipher and a keyed index per value): done on every core, in place.
			partyRows.parallelStream().forEach(r -> {
				r[3] = personalData.seal(Disputes.NAME_FIELD, (String) r[3]).ciphertext();
				r[5] = r[5] == null ? null : personalData.seal(Disputes.CONTACT_FIELD, (String) r[5]).ciphertext();
			});
			insert("mediation_dispute (id, reference, unit_id, channel, referring_unit_id, resident_id, category, account,"
					+ " risk, risk_reason, status, outcome, referral, received_on, warn_on, due_on, closed_on, created_at,"
					+ " updated_at, source)", "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DEMO')", rows);
			insert("mediation_party (dispute_id, position, role, name_sealed, name_masked, contact_sealed, contact_masked)",
					"(?, ?, ?, ?, ?, ?, ?)", partyRows);
			insert("mediation_dispute_mediator (dispute_id, mediator_id, added_at)", "(?, ?, ?)", disputeMediators);
			insert("mediation_session (id, dispute_id, held_on, attended, mediator_ids, notes, recorded_by, recorded_at)",
					"(?, ?, ?, ?, ?::uuid[], ?, ?::uuid, ?)", sessions);
			insert("mediation_agreement (id, dispute_id, unit_id, agreed_on, follow_up_due, followed_up_on, carried_out,"
					+ " follow_up_note, follow_up_action, follow_up_referral, created_at)",
					"(?, ?, ?, ?, ?, ?::date, ?::boolean, ?, ?, ?, ?)", agreements);
			insert("mediation_term (agreement_id, position, party, obligation, due_by)", "(?, ?, ?, ?, ?::date)", terms);
			insert("mediation_case_link (dispute_id, case_number, unit_id, linked_on, linked_by, linked_at)",
					"(?, ?, ?, ?, ?::uuid, ?)", links);
			steps.sort(Comparator.comparing((Object[] s) -> (Timestamp) s[3]));
			insert("mediation_step (dispute_id, step, on_date, at, actor, note)", "(?, ?, ?, ?, ?, ?)", steps);
		}

		/** Many rows per statement: a few thousand rows in a few round trips. */
		private void insert(String table, String row, List<Object[]> rows) {
			if (rows.isEmpty()) {
				return;
			}
			int perStatement = Math.max(1, 30_000 / rows.get(0).length);
			for (int start = 0; start < rows.size(); start += perStatement) {
				List<Object[]> chunk = rows.subList(start, Math.min(rows.size(), start + perStatement));
				StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" VALUES ");
				List<Object> params = new ArrayList<>();
				for (int i = 0; i < chunk.size(); i++) {
					sql.append(i == 0 ? "" : ", ").append(row);
					params.addAll(java.util.Arrays.asList(chunk.get(i)));
				}
				jdbc.update(sql.toString(), params.toArray());
			}
		}

		private Unit referrer(Unit unit) {
			return stations.stream().filter(u -> !u.equals(unit)).findFirst().orElse(unit);
		}

		private String array(List<UUID> ids) {
			return "{" + String.join(",", ids.stream().map(UUID::toString).toList()) + "}";
		}
	}
}
