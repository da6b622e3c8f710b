package org.anning.cases;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.anning.database.DemoMode;
import org.anning.residents.IdentityNumber;
import org.anning.residents.Resident;
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
 * Two years of fictional reports and cases for demo mode, up to today: about 1,800 cases a year across the demo
 * stations (homicide and some drug cases at the sub-bureaus), with the mix of a mid-size city (telecom fraud the
 * largest share), victims and their losses, stop-payments, freezes, returns and apprehensions, every case's
 * history, the reports behind them and reports triaged as non-criminal. Fraud work gets better over the two years
 * (more cleared, more people apprehended, more money returned, fewer cases), so that year-on-year figures tell a
 * story. 和平路派出所 (AN-DC-01) has untriaged reports in its intake queue, and each demo resident has reports of
 * their own, one of them a fraud case with money returned. Deterministic: a fixed seed, identifiers derived from
 * running numbers. History rather than actions: written straight into the tables, without audit entries or
 * events. Only in demo mode, and only once.
 */
@Component
@Order(41)
class CaseDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(CaseDemoData.class);

	static final long SEED = 20_250_118L;

	/** The station whose desk the demo staff sign in to. */
	static final String DESK = "AN-DC-01";

	/** The demo residents' identity numbers (first 17 characters), as the residents module registers them. */
	static final String[] DEMO_RESIDENTS = { "33010619850312026", "33010219620708013", "33010820010925048" };

	/** Top-level categories and their cases a year for the whole bureau. */
	private static final Map<String, Double> PER_YEAR = new LinkedHashMap<>();

	static {
		PER_YEAR.put("TELECOM_FRAUD", 745.0);
		PER_YEAR.put("THEFT", 450.0);
		PER_YEAR.put("BURGLARY", 108.0);
		PER_YEAR.put("ROBBERY", 36.0);
		PER_YEAR.put("ASSAULT", 180.0);
		PER_YEAR.put("DRUGS", 90.0);
		PER_YEAR.put("OTHER_CRIMINAL", 198.0);
	}

	private static final String[] FRAUD = { "FRAUD_INVESTMENT", "FRAUD_ORDER_BRUSHING", "FRAUD_IMPERSONATING_OFFICIALS",
			"FRAUD_FAKE_CUSTOMER_SERVICE", "FRAUD_LOAN", "FRAUD_ROMANCE", "FRAUD_OTHER" };

	private static final int[] FRAUD_WEIGHTS = { 26, 24, 13, 13, 10, 8, 6 };

	/** Median loss of one victim, by fraud type. */
	private static final int[] FRAUD_MEDIAN = { 52_000, 14_000, 68_000, 18_000, 7_000, 45_000, 5_000 };

	private static final String[] HOMICIDE = { "INTENTIONAL_HOMICIDE", "INJURY_CAUSING_DEATH", "ROBBERY_CAUSING_DEATH",
			"ARSON_CAUSING_DEATH", "POISONING_CAUSING_DEATH", "KIDNAPPING_CAUSING_DEATH", "RAPE_CAUSING_DEATH",
			"EXPLOSION_CAUSING_DEATH" };

	private static final int[] HOMICIDE_WEIGHTS = { 36, 34, 8, 6, 5, 4, 4, 3 };

	/** Narratives by category; {v} the victim or reporter, {a} an amount, {p} the place, {g} grams. */
	private static final Map<String, String[]> TEXTS = Map.ofEntries(
			Map.entry("FRAUD_INVESTMENT", new String[] {
					"{v}在某社交平台结识自称投资导师的网友，被拉入“财富交流”群，按指导下载某投资APP并多次转账共计{a}元，后发现无法提现，对方失联。",
					"{v}通过某投资APP购买所谓高收益理财产品，先小额获利后追加投入，累计转账{a}元，平台以缴纳保证金为由拒绝出金。",
					"{v}被网友推荐加入某数字货币“内部项目”，按对方指示向多个账户转账{a}元，所谓平台随后无法登录。" }),
			Map.entry("FRAUD_ORDER_BRUSHING", new String[] {
					"{v}在某短视频平台看到兼职刷单广告，添加对方好友后按要求垫付资金完成“任务”，前几单获得返利，后对方以“连单未完成”为由要求继续转账，共被骗{a}元。",
					"{v}被拉入某兼职群做点赞关注任务，后被引导下载某APP做“垫资任务”，累计转账{a}元后无法提现。",
					"{v}收到“足不出户日赚三百”的兼职短信，按对方要求为网店刷单，垫付{a}元后对方以账户冻结为由拒绝返还。" }),
			Map.entry("FRAUD_IMPERSONATING_OFFICIALS", new String[] {
					"{v}接到自称某地公安局民警的电话，称其身份证涉嫌洗钱案件，要求配合“资金清查”，将{a}元转入所谓“安全账户”。",
					"{v}接到冒充检察院工作人员的电话，对方出示伪造的“通缉令”，以“保密审查”为由诱导其转账{a}元。",
					"{v}接到自称医保局工作人员的电话，称其医保卡被异地盗刷，后被转接“警官”，按要求转账{a}元。" }),
			Map.entry("FRAUD_FAKE_CUSTOMER_SERVICE", new String[] {
					"{v}接到自称某电商平台客服的电话，称其购买的商品存在质量问题可办理理赔，按对方指导开通屏幕共享后被转走{a}元。",
					"{v}接到冒充快递客服的电话，称快递丢失需理赔，按要求在某APP上操作“退款”，被骗{a}元。",
					"{v}接到自称某平台客服的电话，称其误开通了“百万保障”会员服务，不取消将每月扣费，按对方要求转账{a}元。" }),
			Map.entry("FRAUD_LOAN", new String[] {
					"{v}急需资金，下载某贷款APP申请贷款，对方以“银行卡号填错、账户被冻结”需缴纳解冻金为由，先后让其转账{a}元，贷款始终未到账。",
					"{v}接到“无抵押低息贷款”电话，按对方要求缴纳手续费、保证金等共计{a}元后，对方失联。" }),
			Map.entry("FRAUD_ROMANCE", new String[] {
					"{v}在某婚恋网站结识自称海外工作的网友，确立恋爱关系后被诱导在某网站“投资”，累计转账{a}元后对方失联。",
					"{v}在某交友APP结识网友，对方以家人生病、资金周转为由多次借钱，共计{a}元，后将其拉黑。" }),
			Map.entry("FRAUD_OTHER", new String[] {
					"{v}在某二手交易平台购买游戏装备，按卖家要求在站外付款{a}元后被拉黑。",
					"{v}收到冒充其单位领导的QQ消息，要求帮忙向“合作方”转账，遂转账{a}元，事后核实系诈骗。",
					"{v}在网上购买演唱会门票，按对方要求转账{a}元后未收到门票，对方失联。" }),
			Map.entry("THEFT", new String[] {
					"{v}停放在{p}小区楼下的电动车被盗，价值约{a}元。",
					"{v}在{p}附近乘坐公交车时手机被盗，价值约{a}元。",
					"{v}停放在{p}的自行车被盗，价值约{a}元。",
					"{v}在{p}一餐馆就餐时，挂在椅背上的包内钱包被盗，内有现金{a}元。",
					"{p}一工地存放的电缆被盗，价值约{a}元。",
					"{v}停放在{p}路边的轿车内财物被盗，价值约{a}元。" }),
			Map.entry("BURGLARY", new String[] {
					"{v}家中被人撬锁入室，被盗现金及金饰等物品，价值约{a}元。",
					"{v}外出期间，家中窗户被撬开，笔记本电脑等物品被盗，价值约{a}元。",
					"{p}一商铺夜间被人破窗进入，收银台内现金{a}元被盗。" }),
			Map.entry("ROBBERY", new String[] {
					"{v}夜间在{p}附近步行时被一男子持刀抢走手机和现金，价值约{a}元。",
					"{v}在{p}被两名男子拦截，被抢走挎包一个，内有现金和手机，价值约{a}元。" }),
			Map.entry("ASSAULT", new String[] {
					"{v}与他人在{p}因琐事发生纠纷，被对方殴打致轻伤。",
					"{p}一烧烤店内两桌客人酒后发生冲突，{v}被人用酒瓶击伤头部，经鉴定为轻伤二级。",
					"{v}在{p}因停车问题与他人发生争执，被对方打伤。" }),
			Map.entry("DRUGS", new String[] {
					"民警在{p}巡查时发现一男子形迹可疑，当场查获疑似毒品约{g}克。",
					"根据群众举报，民警在{p}一出租屋内查获吸毒人员，现场缴获疑似毒品及吸毒工具。",
					"民警在{p}附近开展缉毒行动，抓获贩毒嫌疑人，查获疑似冰毒{g}克。" }),
			Map.entry("OTHER_CRIMINAL", new String[] {
					"{p}一网吧发生寻衅滋事事件，数名男子随意殴打他人。",
					"{v}报称其身份证被他人冒用办理银行卡。",
					"{p}一商户报称收到假币若干张。",
					"{p}发生故意毁坏财物案件，多辆停放车辆被划伤。",
					"{v}报称他人以虚构事实的方式向其借款后拒不归还并失联。" }),
			Map.entry("INTENTIONAL_HOMICIDE", new String[] { "{p}一居民楼内发生命案，一男子因感情纠纷持刀将被害人杀害。" }),
			Map.entry("INJURY_CAUSING_DEATH", new String[] { "{p}两名男子酒后斗殴，被害人经抢救无效死亡。" }),
			Map.entry("ROBBERY_CAUSING_DEATH", new String[] { "{p}一名被害人夜间遭抢劫时被刺伤，经抢救无效死亡。" }),
			Map.entry("ARSON_CAUSING_DEATH", new String[] { "{p}一民房发生火灾，造成一人死亡，经查系有人故意纵火。" }),
			Map.entry("POISONING_CAUSING_DEATH", new String[] { "{p}一名被害人饮用被投放有毒物质的饮料后死亡。" }),
			Map.entry("KIDNAPPING_CAUSING_DEATH", new String[] { "{p}一名被害人被绑架勒索，后遇害。" }),
			Map.entry("RAPE_CAUSING_DEATH", new String[] { "{p}发生一起强奸致人死亡案件。" }),
			Map.entry("EXPLOSION_CAUSING_DEATH", new String[] { "{p}一出租屋内发生爆炸，造成一人死亡，经查系人为引爆。" }));

	/** Reports that turn out not to be crimes: kind, narrative, outcome. */
	private static final String[][] NON_CRIMINAL = {
			{ "OTHER", "{v}报称与邻居因装修噪音问题发生争执，要求处理。", "属民事纠纷，经民警现场调解，双方已调解" },
			{ "OTHER", "{v}报称借给朋友的钱到期未还，对方拒接电话。", "民事纠纷，已告知可通过诉讼途径解决" },
			{ "OTHER", "{v}报称网购商品与描述不符，商家拒绝退款。", "民事纠纷，已告知向市场监管部门投诉" },
			{ "THEFT", "{v}报称放在{p}的快递包裹不见了。", "经查看监控，包裹被邻居误拿，已归还，不构成犯罪" },
			{ "THEFT", "{v}报称电动车被盗，后在{p}附近找到，系家人骑走。", "经核查不构成犯罪" },
			{ "LOST_PROPERTY", "{v}报称在{p}附近遗失钱包一个。", "系遗失物品，不构成犯罪，已登记并告知招领渠道" },
			{ "LOST_PROPERTY", "{v}报称乘坐出租车时将手机遗落在车内。", "不构成犯罪，已协助联系司机找回" },
			{ "TELECOM_FRAUD", "{v}报称接到可疑电话，对方自称客服要求其提供验证码，未转账。", "未造成损失，不构成犯罪，已开展反诈宣传" },
			{ "TELECOM_FRAUD", "{v}报称网购的商家迟迟不发货。", "系合同履行纠纷，不构成犯罪，已告知通过平台投诉" },
			{ "OTHER", "{v}报称与出租车司机因车费发生争执。", "经民警调解，双方已调解" } };

	private static final String[] CLOSED_REASONS = { "经侦查，没有犯罪事实", "情节显著轻微、危害不大，不认为是犯罪", "经查系民事纠纷，不构成犯罪",
			"犯罪嫌疑人死亡" };

	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱",
			"高", "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧" };

	private static final String[] ORDINALS = { "甲", "乙", "丙" };

	private static final String[] ROADS = { "和平路", "解放路", "人民路", "建设路", "文化路", "中山路", "新华路", "滨江路", "湖滨路", "南门街", "翠屏路",
			"桃源路", "青石巷", "春晖路", "东关街", "柳堤路", "龙井路", "西溪路", "文教路", "学院路" };

	private static final String[] SPOTS = { "号", "号附近", "号小区", "号商场", "号菜市场" };

	private static final String[] BANKS = { "某国有银行", "某商业银行", "某农村商业银行", "某股份制银行", "某城市商业银行" };

	private final JdbcTemplate jdbc;

	private final Organisation organisation;

	private final Residents residents;

	private final DemoMode demo;

	private final Clock clock;

	private final org.springframework.context.ApplicationEventPublisher events;

	CaseDemoData(JdbcTemplate jdbc, Organisation organisation, Residents residents, DemoMode demo, Clock clock,
			org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.organisation = organisation;
		this.residents = residents;
		this.demo = demo;
		this.clock = clock;
	}

	static UUID idOf(String kind, int n) {
		return UUID.nameUUIDFromBytes(("anning-demo-" + kind + ":" + n).getBytes(StandardCharsets.UTF_8));
	}

	/** The demo case officer of AN-DC-01 is a real account; elsewhere officers are fictional identifiers. */
	static UUID staffOf(String unitCode, String username) {
		if (DESK.equals(unitCode)) {
			return UUID.nameUUIDFromBytes(("anning-demo-account:" + username).getBytes(StandardCharsets.UTF_8));
		}
		return UUID.nameUUIDFromBytes(("anning-demo-staff:" + unitCode + ":" + username).getBytes(StandardCharsets.UTF_8));
	}

	static ResidentId demoResident(int i) {
		String first17 = DEMO_RESIDENTS[i];
		return new ResidentId(UUID.nameUUIDFromBytes(("anning-demo-resident:" + first17
				+ IdentityNumber.checkCharacter(first17)).getBytes(StandardCharsets.UTF_8)));
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!demo.on()) {
			return;
		}
		Boolean exists = jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM case_file WHERE source = 'DEMO')",
				Boolean.class);
		if (Boolean.TRUE.equals(exists)) {
			return;
		}
		List<Unit> units = organisation.active();
		if (units.stream().noneMatch(u -> u.level() == UnitLevel.STATION)) {
			return;
		}
		long started = System.nanoTime();
		var generator = new Generator(units);
		generator.generate();
		long generated = System.nanoTime();
		generator.write();
		announce(generator.cases.size());
		log.info("Demo cases created: {} cases ({} cleared), {} reports ({} awaiting triage), {} victims, {} events"
				+ " in {} ms (generation {} ms, writing {} ms)", generator.cases.size(), generator.cleared,
				generator.reports.size(), generator.received, generator.victims.size(), generator.events.size(),
				(System.nanoTime() - started) / 1_000_000, (generated - started) / 1_000_000,
				(System.nanoTime() - generated) / 1_000_000);
	}

	/** Tells other modules (the indicators' rollups) which units and days the demo records cover. */
	private void announce(int count) {
		var span = jdbc.queryForMap("""
				SELECT array_agg(DISTINCT c.unit_id)::text[] AS units, min(c.occurred_on) AS lo,
				  greatest(max(c.registered_on), max(c.cleared_on), (SELECT max(e.event_on) FROM case_event e)) AS hi
				FROM case_file c WHERE c.source = 'DEMO'""");
		java.util.Set<UUID> units = new java.util.TreeSet<>();
		try {
			for (String unit : (String[]) ((java.sql.Array) span.get("units")).getArray()) {
				units.add(UUID.fromString(unit));
			}
		}
		catch (java.sql.SQLException e) {
			throw new IllegalStateException(e);
		}
		events.publishEvent(new Events.CasesImported(null, "DEMO", count, 0, units,
				((java.sql.Date) span.get("lo")).toLocalDate(), ((java.sql.Date) span.get("hi")).toLocalDate()));
	}

	/** A person who reports online: a resident, with the label their victim record carries. */
	private record Person(UUID id, String label) {
	}

	private static final class Kase {

		int n;

		UUID id;

		String number;

		Unit unit;

		String top;

		String category;

		LocalDate occurred;

		LocalDate registered;

		Instant registeredAt;

		String status;

		LocalDate cleared;

		String clearedHow;

		LocalDate suspended;

		LocalDate closed;

		String closedReason;

		UUID officer;

		String narrative;

		String place;

		BigDecimal loss = BigDecimal.ZERO.setScale(2);

		Instant updatedAt;
	}

	private static final class Rep {

		int n;

		UUID id;

		String reference;

		String channel;

		String kind;

		Unit unit;

		UUID resident;

		String reporter;

		String narrative;

		Instant occurredAt;

		String place;

		BigDecimal loss;

		String payment;

		String status;

		String outcome;

		UUID caseId;

		Instant createdAt;

		Instant triagedAt;

		UUID triagedBy;

		final List<Object[]> accounts = new ArrayList<>();
	}

	private final class Generator {

		final Random random = new Random(SEED);

		final ZoneId zone = clock.getZone();

		final Instant now = clock.instant();

		final LocalDate today = LocalDate.now(clock);

		final LocalDate first = today.minusYears(2).plusDays(1);

		final long span = ChronoUnit.DAYS.between(first, today);

		final List<Unit> stations;

		final double[] stationWeights;

		final Map<String, Unit> byCode = new LinkedHashMap<>();

		final List<Person> demoPeople = new ArrayList<>();

		final List<Person> otherPeople = new ArrayList<>();

		final List<Kase> cases = new ArrayList<>();

		final List<Rep> reports = new ArrayList<>();

		final List<Object[]> victims = new ArrayList<>();

		final List<Object[]> events = new ArrayList<>();

		final List<Object[]> steps = new ArrayList<>();

		final Set<String> eventKeys = new HashSet<>();

		int cleared;

		int received;

		Generator(List<Unit> units) {
			units.forEach(u -> byCode.put(u.code(), u));
			stations = units.stream().filter(u -> u.level() == UnitLevel.STATION).toList();
			stationWeights = new double[stations.size()];
			Random weights = new Random(SEED + 7);
			for (int i = 0; i < stations.size(); i++) {
				stationWeights[i] = (DESK.equals(stations.get(i).code()) ? 1.4 : 0.7) + weights.nextDouble() * 0.7;
			}
			for (int i = 0; i < DEMO_RESIDENTS.length; i++) {
				ResidentId id = demoResident(i);
				residents.find(id).ifPresent(r -> demoPeople.add(new Person(r.id().value(), r.name().substring(0, 1) + "某")));
			}
			Set<UUID> demoIds = new HashSet<>();
			demoPeople.forEach(p -> demoIds.add(p.id()));
			for (ResidentId resident : residents.registeredFirst(50)) {
				UUID id = resident.value();
				if (!demoIds.contains(id)) {
					residents.find(resident)
						.map(Resident::name)
						.ifPresent(name -> otherPeople.add(new Person(id, name.substring(0, 1) + "某")));
				}
			}
			if (otherPeople.isEmpty()) {
				otherPeople.addAll(demoPeople);
			}
		}

		void generate() {
			for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
				double t = ChronoUnit.DAYS.between(first, day) / (double) span;
				for (Map.Entry<String, Double> c : PER_YEAR.entrySet()) {
					double rate = c.getValue() / 365.0 * season(c.getKey(), day);
					if (c.getKey().equals("TELECOM_FRAUD")) {
						rate *= 1.08 - 0.16 * t; // fewer fraud cases as prevention works
					}
					int count = poisson(rate);
					for (int i = 0; i < count; i++) {
						kase(c.getKey(), pick(c.getKey()), day, t, null);
					}
				}
			}
			homicides();
			showcase();
			nonCriminal();
			intake();
			number();
		}

		/** About eight a year, spread over the period rather than left to chance. */
		private void homicides() {
			double every = 365.0 / 8;
			for (int i = 0;; i++) {
				LocalDate day = first.plusDays((long) (every * i + random.nextInt(30)));
				if (day.isAfter(today)) {
					break;
				}
				kase("HOMICIDE", pick("HOMICIDE"), day, ChronoUnit.DAYS.between(first, day) / (double) span, null);
			}
		}

		/** Each demo resident: a fraud case with money frozen and returned, and a report without a case. */
		private void showcase() {
			Unit desk = byCode.get(DESK);
			if (desk == null) {
				desk = stations.get(0);
			}
			int[][] plan = { { 150, 0 }, { 75, 1 }, { 40, 2 }, { 210, 0 } };
			for (int[] p : plan) {
				if (demoPeople.isEmpty()) {
					break;
				}
				Person person = demoPeople.get(p[1] % demoPeople.size());
				LocalDate day = today.minusDays(p[0]);
				kase("TELECOM_FRAUD", desk, day, 1.0, person);
			}
		}

		private Unit pick(String top) {
			double toSubBureau = switch (top) {
				case "HOMICIDE" -> 1.0;
				case "DRUGS" -> 0.3;
				default -> 0.02;
			};
			Unit station = weighted(stations, stationWeights);
			if (random.nextDouble() < toSubBureau && station.parentCode() != null && byCode.containsKey(station.parentCode())) {
				return byCode.get(station.parentCode());
			}
			return station;
		}

		/** One case with its victims, events, history and reports; {@code showcase} is a demo resident's own. */
		private void kase(String top, Unit unit, LocalDate day, double t, Person showcase) {
			Kase k = new Kase();
			k.n = cases.size();
			k.id = idOf("case", k.n);
			k.unit = unit;
			k.top = top;
			k.category = switch (top) {
				case "TELECOM_FRAUD" -> showcase != null ? "FRAUD_INVESTMENT" : FRAUD[weighted(FRAUD_WEIGHTS)];
				case "HOMICIDE" -> HOMICIDE[weighted(HOMICIDE_WEIGHTS)];
				default -> top;
			};
			k.registered = day;
			int lag = switch (top) {
				case "TELECOM_FRAUD" -> random.nextDouble() < 0.82 ? random.nextInt(3) : 3 + random.nextInt(8);
				case "THEFT", "BURGLARY" -> random.nextInt(3) == 0 ? 1 + random.nextInt(3) : 0;
				case "HOMICIDE", "DRUGS" -> 0;
				default -> random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0;
			};
			k.occurred = day.minusDays(lag);
			k.registeredAt = clamp(at(day, 8 * 60 + 30 + random.nextInt(11 * 60)));
			k.officer = staffOf(unit.code(), DESK.equals(unit.code()) ? "caseofficer" : "caseofficer" + (1 + random.nextInt(3)));
			k.place = place();
			cases.add(k);
			step(k, "REGISTERED", k.registeredAt, day, null);
			Instant investigating = clamp(k.registeredAt.plus(Duration.ofMinutes(20 + random.nextInt(100))));

			// Victims and what each lost
			int victimCount = switch (top) {
				case "TELECOM_FRAUD" -> showcase != null ? 1 : random.nextDouble() < 0.72 ? 1 : random.nextDouble() < 0.72 ? 2 : 3;
				case "THEFT", "BURGLARY", "ROBBERY", "ASSAULT", "HOMICIDE" -> 1;
				default -> 0;
			};
			String[] labels = new String[victimCount];
			BigDecimal[] losses = new BigDecimal[victimCount];
			UUID[] victimIds = new UUID[victimCount];
			boolean ordinal = random.nextBoolean();
			for (int v = 0; v < victimCount; v++) {
				labels[v] = top.equals("HOMICIDE") ? "被害人" + ORDINALS[v]
						: ordinal ? "受害人" + ORDINALS[v] : SURNAMES[random.nextInt(SURNAMES.length)] + "某";
				losses[v] = money(loss(k, v, showcase != null));
				victimIds[v] = idOf("case-victim", victims.size() + v);
			}
			if (showcase != null) {
				labels[0] = showcase.label();
			}
			BigDecimal total = BigDecimal.ZERO.setScale(2);
			for (BigDecimal l : losses) {
				total = total.add(l);
			}
			k.loss = total;
			String template = pickText(k.category);
			int grams = 1 + random.nextInt(60);
			String amount0 = victimCount > 0 ? plain(losses[0]) : "";
			k.narrative = fill(template, victimCount > 0 ? labels[0] : "报警人", amount0, k.place, grams);
			if (victimCount > 1) {
				k.narrative += "另有" + String.join("、", java.util.Arrays.copyOfRange(labels, 1, victimCount))
						+ "以同样手法被骗，各受害人共计损失" + plain(total) + "元。";
			}

			// What becomes of the case
			boolean fraud = top.equals("TELECOM_FRAUD");
			double clearance = switch (top) {
				case "TELECOM_FRAUD" -> 0.22 + 0.15 * t;
				case "THEFT" -> 0.42;
				case "BURGLARY" -> 0.52;
				case "ROBBERY" -> 0.82;
				case "ASSAULT" -> 0.88;
				case "DRUGS" -> 0.95;
				case "HOMICIDE" -> 1.0;
				default -> 0.72;
			};
			if (showcase != null) {
				clearance = 1.0;
			}
			int delay = switch (top) {
				case "TELECOM_FRAUD" -> 8 + (int) Math.round(Math.exp(3.2 + 0.7 * random.nextGaussian()));
				case "HOMICIDE" -> 1 + random.nextInt(random.nextInt(6) == 0 ? 45 : 12);
				case "DRUGS" -> random.nextInt(12);
				case "ASSAULT", "ROBBERY" -> 1 + (int) Math.round(Math.exp(2.2 + 0.8 * random.nextGaussian()));
				default -> 2 + (int) Math.round(Math.exp(2.8 + 0.9 * random.nextGaussian()));
			};
			LocalDate clearedOn = day.plusDays(Math.min(delay, 400));
			if (!top.equals("HOMICIDE") && showcase == null && random.nextDouble() < 0.03) {
				LocalDate closedOn = day.plusDays(7 + random.nextInt(100));
				if (!closedOn.isAfter(today)) {
					k.status = "CLOSED";
					k.closed = closedOn;
					k.closedReason = CLOSED_REASONS[random.nextInt(CLOSED_REASONS.length)];
				}
			}
			if (k.status == null && random.nextDouble() < clearance && !clearedOn.isAfter(today)) {
				k.status = "CLEARED";
				k.cleared = clearedOn;
				k.clearedHow = switch (top) {
					case "TELECOM_FRAUD" -> "经资金流和通信线索研判，抓获涉案犯罪嫌疑人，案件告破";
					case "DRUGS" -> "现场抓获犯罪嫌疑人，查获毒品";
					case "HOMICIDE" -> "经现场勘查和视频追踪，抓获犯罪嫌疑人";
					default -> random.nextBoolean() ? "调取监控锁定犯罪嫌疑人并抓获" : "经走访排查抓获犯罪嫌疑人";
				};
				cleared++;
			}
			if (k.status == null && day.isBefore(today.minusDays(180)) && random.nextDouble() < 0.10) {
				LocalDate suspendedOn = day.plusDays(90 + random.nextInt(90));
				if (!suspendedOn.isAfter(today)) {
					k.status = "SUSPENDED";
					k.suspended = suspendedOn;
				}
			}
			if (k.status == null) {
				k.status = day.isAfter(today.minusDays(3)) && random.nextBoolean() ? "REGISTERED" : "UNDER_INVESTIGATION";
			}
			if (!k.status.equals("REGISTERED")) {
				step(k, "INVESTIGATION_STARTED", investigating, day, null);
			}

			// Victims, money and people
			for (int v = 0; v < victimCount; v++) {
				victims.add(new Object[] { victimIds[v], k.id, null, v == 0 && showcase != null ? showcase.id() : null,
						labels[v], losses[v], Timestamp.from(k.registeredAt) });
				if (fraud) {
					ledger(k, victimIds[v], losses[v], t, showcase != null);
				}
			}
			apprehensions(k, t);
			if (k.cleared != null) {
				step(k, "CLEARED", clamp(at(k.cleared, 16 * 60 + random.nextInt(120))), k.cleared, k.clearedHow);
			}
			else if (k.closed != null) {
				step(k, "CLOSED", clamp(at(k.closed, 15 * 60 + random.nextInt(120))), k.closed, k.closedReason);
			}
			else if (k.suspended != null) {
				step(k, "SUSPENDED", clamp(at(k.suspended, 15 * 60 + random.nextInt(120))), k.suspended, null);
			}

			// The reports behind it
			for (int v = 0; v < Math.max(1, victimCount); v++) {
				double reported = switch (top) {
					case "TELECOM_FRAUD" -> v == 0 ? 0.93 : 0.6;
					case "DRUGS" -> 0.4;
					case "HOMICIDE" -> 1.0;
					case "OTHER_CRIMINAL" -> 0.85;
					default -> 0.95;
				};
				if (showcase == null && random.nextDouble() >= reported) {
					continue;
				}
				report(k, v, victimCount == 0 ? null : labels[v], victimCount == 0 ? null : losses[v],
						victimCount == 0 ? null : victimIds[v], showcase, grams, template);
			}
		}

		private void ledger(Kase k, UUID victim, BigDecimal loss, double t, boolean showcase) {
			LocalDate day = k.registered;
			if (showcase || random.nextDouble() < 0.36 + 0.14 * t) {
				BigDecimal stopped = money(Math.min(loss.doubleValue(), 150_000) * (0.05 + 0.35 * random.nextDouble()));
				event(k, victim, "STOP_PAYMENT", day.plusDays(random.nextInt(3)), stopped, null);
			}
			if (showcase || random.nextDouble() < 0.33 + 0.06 * t) {
				BigDecimal frozen = money(Math.min(loss.doubleValue(), 150_000) * (showcase ? 0.6 : 0.08 + 0.5 * random.nextDouble()));
				LocalDate frozenOn = day.plusDays(1 + random.nextInt(7));
				if (event(k, victim, "FREEZE", frozenOn, frozen, null)
						&& (showcase || random.nextDouble() < 0.48 + 0.18 * t)) {
					BigDecimal returned = money(frozen.doubleValue() * (0.6 + 0.05 * t + 0.35 * random.nextDouble()));
					LocalDate returnedOn = frozenOn.plusDays(showcase ? 30 : 20 + (int) Math.round(Math.exp(3.6 + 0.5 * random.nextGaussian())));
					event(k, victim, "RETURN", returnedOn, returned, null);
				}
			}
		}

		private void apprehensions(Kase k, double t) {
			double share = switch (k.top) {
				case "TELECOM_FRAUD", "HOMICIDE", "DRUGS" -> 1.0;
				case "ROBBERY" -> 0.9;
				case "ASSAULT" -> 0.75;
				case "THEFT", "BURGLARY" -> 0.6;
				default -> 0.5;
			};
			if (k.cleared == null || random.nextDouble() >= share) {
				return;
			}
			int count = k.top.equals("TELECOM_FRAUD") && random.nextDouble() < 0.2 ? 2 : 1;
			for (int i = 0; i < count; i++) {
				int people = switch (k.top) {
					case "TELECOM_FRAUD" -> Math.max(1, Math.min(6, (int) Math.round(1.0 + 1.1 * t + 1.1 * Math.abs(random.nextGaussian()))));
					case "HOMICIDE", "ASSAULT" -> random.nextInt(5) == 0 ? 2 : 1;
					case "DRUGS", "ROBBERY" -> 1 + random.nextInt(3);
					default -> random.nextInt(4) == 0 ? 2 : 1;
				};
				long room = ChronoUnit.DAYS.between(k.registered, k.cleared);
				LocalDate on = i == 0 ? k.cleared.minusDays(room == 0 ? 0 : random.nextInt((int) Math.min(room, 5) + 1))
						: k.registered.plusDays(room == 0 ? 0 : random.nextInt((int) room + 1));
				event(k, null, "APPREHENSION", on, null, people);
			}
		}

		/** Records an event unless it would be in the future or repeat another; says whether it did. */
		private boolean event(Kase k, UUID victim, String type, LocalDate on, BigDecimal amount, Integer people) {
			if (on.isAfter(today) || on.isBefore(k.registered)) {
				return false;
			}
			if (!eventKeys.add(k.id + type + on + amount + people)) {
				return false;
			}
			Instant at = clamp(at(on, 10 * 60 + random.nextInt(6 * 60)));
			if (at.isBefore(k.registeredAt)) {
				at = clamp(k.registeredAt.plusSeconds(300 + random.nextInt(3_000)));
			}
			events.add(new Object[] { idOf("case-event", events.size()), k.id, victim, type, on, amount, people, null,
					"DEMO", Timestamp.from(at), k.officer });
			step(k, "EVENT_" + type, at, on, amount != null ? amount.toPlainString() : String.valueOf(people));
			return true;
		}

		private void report(Kase k, int v, String label, BigDecimal loss, UUID victim, Person showcase, int grams,
				String template) {
			boolean fraud = k.top.equals("TELECOM_FRAUD");
			Rep r = new Rep();
			r.n = reports.size();
			r.id = idOf("report", r.n);
			r.unit = k.unit.level() == UnitLevel.STATION ? k.unit : weighted(children(k.unit), null);
			r.kind = fraud ? "TELECOM_FRAUD" : k.top.equals("THEFT") || k.top.equals("BURGLARY") ? "THEFT" : "OTHER";
			double online = showcase != null ? 1 : switch (k.top) {
				case "TELECOM_FRAUD" -> 0.30;
				case "THEFT", "OTHER_CRIMINAL" -> 0.06;
				default -> 0;
			};
			double call = switch (k.top) {
				case "TELECOM_FRAUD" -> 0.30;
				case "THEFT", "OTHER_CRIMINAL" -> 0.5;
				default -> 0.8;
			};
			double dice = random.nextDouble();
			r.channel = dice < online ? "ONLINE" : dice < online + call ? "CALL_110" : "WALK_IN";
			if (r.channel.equals("ONLINE") && showcase == null && otherPeople.isEmpty()) {
				r.channel = "CALL_110";
			}
			Person person = null;
			if (r.channel.equals("ONLINE")) {
				person = showcase != null ? showcase : otherPeople.get(random.nextInt(otherPeople.size()));
				r.resident = person.id();
			}
			else {
				r.reporter = label != null && label.endsWith("某") ? label : SURNAMES[random.nextInt(SURNAMES.length)] + "某";
			}
			String who = r.channel.equals("ONLINE") ? "本人" : "报警人";
			r.narrative = v == 0 ? fill(template, who, loss == null ? "" : plain(loss), k.place, grams)
					: who + "称遭遇同类诈骗，被骗" + plain(loss) + "元，对方使用的账户与已立案件相同。";
			r.place = k.place;
			r.loss = k.top.equals("ASSAULT") || loss == null ? null : loss;
			r.status = "CASE_REGISTERED";
			r.caseId = k.id;
			if (v == 0) {
				r.triagedAt = k.registeredAt;
				r.createdAt = r.triagedAt.minus(Duration.ofMinutes(20 + random.nextInt(k.registered.isAfter(k.occurred) ? 30 * 60 : 4 * 60)));
			}
			else { // a later victim of the same scam, linked to the case
				r.createdAt = k.registeredAt.plus(Duration.ofHours(12 + random.nextInt(20 * 24)));
				r.triagedAt = r.createdAt.plus(Duration.ofMinutes(30 + random.nextInt(24 * 60)));
				if (r.triagedAt.isAfter(now)) {
					return;
				}
			}
			Instant dayStart = k.occurred.atStartOfDay(zone).toInstant();
			if (r.createdAt.isBefore(dayStart.plusSeconds(600))) {
				r.createdAt = dayStart.plusSeconds(600 + random.nextInt(600));
			}
			long room = Math.max(60, Math.min(Duration.between(dayStart, r.createdAt).getSeconds() - 300, 20 * 3600));
			r.occurredAt = dayStart.plusSeconds((long) (random.nextDouble() * room));
			r.triagedBy = k.officer;
			if (fraud) {
				accounts(r, loss);
			}
			reports.add(r);
			if (victim != null) {
				int index = victims.size() - 1;
				while (index >= 0 && !victims.get(index)[0].equals(victim)) {
					index--;
				}
				if (index >= 0) {
					victims.get(index)[2] = r.id;
					if (person != null) {
						victims.get(index)[3] = person.id();
					}
				}
			}
		}

		/** Where a fraud victim's money went: one to three receiving accounts, fictional and masked. */
		private void accounts(Rep r, BigDecimal loss) {
			int count = loss.compareTo(BigDecimal.valueOf(50_000)) > 0 ? 1 + random.nextInt(3) : 1 + random.nextInt(2);
			BigDecimal left = loss;
			for (int i = 0; i < count; i++) {
				BigDecimal amount = i == count - 1 ? left : money(left.doubleValue() * (0.3 + 0.4 * random.nextDouble()));
				left = left.subtract(amount);
				double dice = random.nextDouble();
				String channel = dice < 0.62 ? "BANK" : dice < 0.82 ? "ALIPAY" : "WECHAT";
				if (i == 0) {
					r.payment = channel;
				}
				String institution = switch (channel) {
					case "BANK" -> BANKS[random.nextInt(BANKS.length)];
					case "ALIPAY" -> "支付宝";
					default -> "微信支付";
				};
				String account = channel.equals("BANK") ? "6222****%04d".formatted(random.nextInt(10_000))
						: "1%02d****%04d".formatted(30 + random.nextInt(60), random.nextInt(10_000));
				String holder = random.nextInt(3) == 0 ? null : SURNAMES[random.nextInt(SURNAMES.length)] + "某";
				r.accounts.add(new Object[] { r.id, i + 1, channel, institution, account, holder, amount,
						Timestamp.from(r.occurredAt.plusSeconds(60L * i * (5 + random.nextInt(60)))) });
			}
		}

		/** About one report in five turns out not to be a crime. */
		private void nonCriminal() {
			int count = reports.size() / 5;
			for (int i = 0; i < count; i++) {
				LocalDate day = first.plusDays(random.nextInt((int) span));
				String[] text = NON_CRIMINAL[random.nextInt(NON_CRIMINAL.length)];
				Rep r = free(day, text[0], text[1]);
				r.status = "NON_CRIMINAL";
				r.outcome = text[2];
				r.triagedAt = r.createdAt.plus(Duration.ofMinutes(30 + random.nextInt(36 * 60)));
				if (r.triagedAt.isAfter(now)) {
					r.triagedAt = now;
				}
				r.triagedBy = staffOf(r.unit.code(), DESK.equals(r.unit.code()) ? "frontdesk" : "frontdesk1");
				reports.add(r);
			}
			for (int i = 0; i < demoPeople.size(); i++) { // each demo resident has one of these too
				String[] text = NON_CRIMINAL[i * 3 % NON_CRIMINAL.length];
				Rep r = free(today.minusDays(100 + 60 * i), text[0], text[1]);
				r.unit = byCode.getOrDefault(DESK, r.unit);
				online(r, demoPeople.get(i));
				r.status = "NON_CRIMINAL";
				r.outcome = text[2];
				r.triagedAt = r.createdAt.plus(Duration.ofHours(3));
				r.triagedBy = staffOf(DESK, "frontdesk");
				reports.add(r);
			}
		}

		/** Recent reports at the demo desk, not yet triaged, one of them a demo resident's. */
		private void intake() {
			Unit desk = byCode.getOrDefault(DESK, stations.get(0));
			String[][] texts = { { "TELECOM_FRAUD", pickText("FRAUD_ORDER_BRUSHING") }, { "THEFT", pickText("THEFT") },
					{ "TELECOM_FRAUD", pickText("FRAUD_FAKE_CUSTOMER_SERVICE") }, { "OTHER", pickText("ASSAULT") },
					{ "THEFT", pickText("BURGLARY") }, { "TELECOM_FRAUD", pickText("FRAUD_INVESTMENT") },
					{ "LOST_PROPERTY", NON_CRIMINAL[5][1] } };
			for (int i = 0; i < texts.length; i++) {
				Rep r = free(today.minusDays(i % 3), texts[i][0], texts[i][1]);
				r.unit = desk;
				if (i == 0 && !demoPeople.isEmpty()) {
					online(r, demoPeople.get(0));
				}
				if (r.createdAt.isAfter(now.minus(Duration.ofMinutes(10)))) {
					r.createdAt = now.minus(Duration.ofMinutes(15L * (i + 1)));
					r.occurredAt = r.createdAt.minus(Duration.ofHours(2));
				}
				if (r.kind.equals("TELECOM_FRAUD") && r.loss != null) {
					r.accounts.clear();
					if (r.channel.equals("ONLINE")) {
						accounts(r, r.loss);
					}
				}
				r.status = "RECEIVED";
				reports.add(r);
				received++;
			}
		}

		/** A report without a case yet. */
		private Rep free(LocalDate day, String kind, String template) {
			Rep r = new Rep();
			r.n = reports.size();
			r.id = idOf("report", r.n);
			r.kind = kind;
			r.unit = weighted(stations, stationWeights);
			double dice = random.nextDouble();
			r.channel = dice < 0.5 ? "CALL_110" : dice < 0.85 ? "WALK_IN" : "ONLINE";
			r.place = place();
			BigDecimal amount = kind.equals("TELECOM_FRAUD") || kind.equals("THEFT") ? money(300 + random.nextInt(9_000)) : null;
			r.loss = template.contains("{a}") ? amount : null;
			r.createdAt = clamp(at(day, 7 * 60 + random.nextInt(15 * 60)));
			r.occurredAt = r.createdAt.minus(Duration.ofMinutes(30 + random.nextInt(20 * 60)));
			if (r.channel.equals("ONLINE") && !otherPeople.isEmpty()) {
				online(r, otherPeople.get(random.nextInt(otherPeople.size())));
			}
			else {
				r.channel = r.channel.equals("ONLINE") ? "CALL_110" : r.channel;
				r.reporter = SURNAMES[random.nextInt(SURNAMES.length)] + "某";
			}
			r.narrative = fill(template, r.channel.equals("ONLINE") ? "本人" : "报警人", amount == null ? "" : plain(amount),
					r.place, 1 + random.nextInt(20));
			return r;
		}

		private void online(Rep r, Person person) {
			r.channel = "ONLINE";
			r.resident = person.id();
			r.reporter = null;
			if (r.narrative != null) {
				r.narrative = r.narrative.replace("报警人", "本人");
			}
		}

		/** Case numbers and report references in the order of registration and receipt. */
		private void number() {
			cases.sort(Comparator.comparing((Kase k) -> k.registeredAt).thenComparingInt(k -> k.n));
			reports.sort(Comparator.comparing((Rep r) -> r.createdAt).thenComparingInt(r -> r.n));
			long caseNumber = reserve("case_number_seq", cases.size());
			long reportNumber = reserve("report_number_seq", reports.size());
			for (int i = 0; i < cases.size(); i++) {
				Kase k = cases.get(i);
				k.number = "AJ-%d-%06d".formatted(k.registered.getYear(), caseNumber + i);
			}
			for (int i = 0; i < reports.size(); i++) {
				Rep r = reports.get(i);
				r.reference = "BA-%d-%06d".formatted(r.createdAt.atZone(zone).getYear(), reportNumber + i);
			}
		}

		/** The first of {@code count} numbers taken from the sequence at once (nobody else numbers at start-up). */
		private long reserve(String sequence, int count) {
			Long next = jdbc.queryForObject("SELECT nextval('" + sequence + "')", Long.class);
			if (count > 1) {
				jdbc.queryForObject("SELECT setval('" + sequence + "', ?)", Long.class, next + count - 1);
			}
			return next;
		}

		void write() {
			// The narratives' tokens go to GIN indexes: let them collect and merge once rather than row by row.
			jdbc.execute("SET LOCAL gin_pending_list_limit = '64MB'");
			Map<UUID, Instant> updated = new java.util.HashMap<>();
			for (Object[] s : steps) {
				Instant at = ((Timestamp) s[3]).toInstant();
				updated.merge((UUID) s[1], at, (a, b) -> a.isAfter(b) ? a : b);
			}
			List<Object[]> caseRows = new ArrayList<>();
			for (Kase k : cases) {
				caseRows.add(new Object[] { k.id, k.number, k.unit.id().value(), k.category, k.occurred, k.registered,
						k.status, k.cleared, k.clearedHow, k.suspended, k.closed, k.closedReason, k.officer, k.narrative,
						k.place, k.loss, "DEMO", Timestamp.from(k.registeredAt),
						Timestamp.from(updated.getOrDefault(k.id, k.registeredAt)),
						array(SearchTokens.of(k.number, k.narrative, k.place)) });
			}
			List<Object[]> reportRows = new ArrayList<>();
			List<Object[]> accountRows = new ArrayList<>();
			for (Rep r : reports) {
				reportRows.add(new Object[] { r.id, r.reference, r.channel, r.kind, r.unit.id().value(), r.resident,
						r.reporter, r.narrative, Timestamp.from(r.occurredAt), r.place, r.loss, r.payment, r.status,
						r.outcome, r.caseId, Timestamp.from(r.createdAt), ts(r.triagedAt), r.triagedBy,
						array(SearchTokens.of(r.reference, r.narrative, r.place)) });
				accountRows.addAll(r.accounts);
			}
			insert("case_file", "id uuid, case_number text, unit_id uuid, category_code text, occurred_on date,"
					+ " registered_on date, status text, cleared_on date, cleared_how text, suspended_on date, closed_on date,"
					+ " closed_reason text, officer_id uuid, narrative text, place text, loss_amount numeric, source text,"
					+ " created_at timestamptz, updated_at timestamptz, search_tokens text[]", caseRows);
			insert("report", "id uuid, reference text, channel text, kind text, unit_id uuid, resident_id uuid,"
					+ " reporter_name text, narrative text, occurred_at timestamptz, place text, loss numeric,"
					+ " payment_method text, status text, outcome_reason text, case_id uuid, created_at timestamptz,"
					+ " triaged_at timestamptz, triaged_by uuid, search_tokens text[]", reportRows);
			insert("report_account", "report_id uuid, position smallint, channel text, institution text, account text,"
					+ " holder text, amount numeric, paid_at timestamptz", accountRows);
			insert("case_victim", "id uuid, case_id uuid, report_id uuid, resident_id uuid, label text, loss numeric,"
					+ " created_at timestamptz", victims);
			insert("case_event", "id uuid, case_id uuid, victim_id uuid, event_type text, event_on date, amount numeric,"
					+ " people integer, note text, source text, created_at timestamptz, created_by uuid", events);
			insert("case_step", "id uuid, case_id uuid, step text, at timestamptz, on_date date, actor_id text, note text",
					steps);
		}

		// ---- Helpers

		/** A line of the case's history, never before its registration. */
		private void step(Kase k, String step, Instant at, LocalDate on, String note) {
			Instant when = at.isBefore(k.registeredAt) ? clamp(k.registeredAt.plusSeconds(300 + random.nextInt(3_000))) : at;
			steps.add(new Object[] { idOf("case-step", steps.size()), k.id, step, Timestamp.from(when), on,
					k.officer.toString(), note });
		}

		private double loss(Kase k, int victim, boolean showcase) {
			return switch (k.top) {
				case "TELECOM_FRAUD" -> {
					int median = FRAUD_MEDIAN[java.util.Arrays.asList(FRAUD).indexOf(k.category)];
					double value = showcase ? 38_000 + random.nextInt(40_000)
							: median * Math.exp(1.25 * random.nextGaussian());
					yield Math.max(200, Math.min(4_800_000, value));
				}
				case "THEFT" -> 300 + Math.exp(7.3 + 0.8 * random.nextGaussian());
				case "BURGLARY" -> 1_000 + Math.exp(8.6 + 0.9 * random.nextGaussian());
				case "ROBBERY" -> 200 + Math.exp(7.6 + 0.7 * random.nextGaussian());
				default -> 0;
			};
		}

		private String place() {
			return ROADS[random.nextInt(ROADS.length)] + (1 + random.nextInt(300)) + SPOTS[random.nextInt(SPOTS.length)];
		}

		private String pickText(String category) {
			String[] texts = TEXTS.get(category);
			return texts[random.nextInt(texts.length)];
		}

		private String fill(String template, String who, String amount, String place, int grams) {
			return template.replace("{v}", who).replace("{a}", amount).replace("{p}", place)
				.replace("{g}", String.valueOf(grams));
		}

		private double season(String top, LocalDate day) {
			int m = day.getMonthValue();
			return switch (top) {
				case "THEFT", "ASSAULT" -> m >= 6 && m <= 9 ? 1.18 : m == 1 || m == 2 ? 0.85 : 1.0;
				case "TELECOM_FRAUD" -> m == 11 || m == 12 || m == 1 ? 1.1 : 0.97;
				case "BURGLARY" -> m == 1 || m == 2 ? 1.25 : 0.95;
				default -> 1.0;
			};
		}

		private int poisson(double lambda) {
			double limit = Math.exp(-lambda);
			double p = random.nextDouble();
			int k = 0;
			while (p > limit) {
				p *= random.nextDouble();
				k++;
			}
			return k;
		}

		private int weighted(int[] weights) {
			int sum = 0;
			for (int w : weights) {
				sum += w;
			}
			int dice = random.nextInt(sum);
			for (int i = 0; i < weights.length; i++) {
				dice -= weights[i];
				if (dice < 0) {
					return i;
				}
			}
			return weights.length - 1;
		}

		private <T> T weighted(List<T> items, double[] weights) {
			if (weights == null) {
				return items.get(random.nextInt(items.size()));
			}
			double sum = 0;
			for (double w : weights) {
				sum += w;
			}
			double dice = random.nextDouble() * sum;
			for (int i = 0; i < items.size(); i++) {
				dice -= weights[i];
				if (dice < 0) {
					return items.get(i);
				}
			}
			return items.get(items.size() - 1);
		}

		private List<Unit> children(Unit unit) {
			List<Unit> below = stations.stream().filter(s -> unit.code().equals(s.parentCode())).toList();
			return below.isEmpty() ? stations : below;
		}

		private Instant at(LocalDate day, int minuteOfDay) {
			return day.atStartOfDay(zone).plusMinutes(minuteOfDay).toInstant();
		}

		private Instant clamp(Instant at) {
			return at.isAfter(now) ? now.minusSeconds(60) : at;
		}
	}

	private static BigDecimal money(double value) {
		return BigDecimal.valueOf(Math.round(value)).setScale(2, RoundingMode.HALF_UP);
	}

	private static String plain(BigDecimal amount) {
		return amount.setScale(0, RoundingMode.HALF_UP).toPlainString();
	}

	private static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	/** A PostgreSQL array literal of the tokens. */
	private static String array(Set<String> tokens) {
		StringBuilder s = new StringBuilder("{");
		for (String token : tokens) {
			if (s.length() > 1) {
				s.append(',');
			}
			s.append('"').append(token.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
		}
		return s.append('}').toString();
	}

	private static final Pattern COLUMN = Pattern.compile("\\s*(\\w+)\\s+([\\w\\[\\]]+)\\s*");

	/**
	 * Inserts the rows with one statement per ten thousand: each column goes as one text array, unnested and cast
	 * on the server, which is many times faster than a batch of single-row statements with nulls.
	 */
	private void insert(String table, String columns, List<Object[]> rows) {
		List<String> names = new ArrayList<>();
		List<String> types = new ArrayList<>();
		for (String column : columns.split(",")) {
			Matcher m = COLUMN.matcher(column);
			if (!m.matches()) {
				throw new IllegalArgumentException(column);
			}
			names.add(m.group(1));
			types.add(m.group(2));
		}
		StringBuilder select = new StringBuilder();
		StringBuilder from = new StringBuilder();
		StringBuilder aliases = new StringBuilder();
		for (int i = 0; i < names.size(); i++) {
			String sep = i == 0 ? "" : ", ";
			select.append(sep).append('c').append(i).append("::").append(types.get(i));
			from.append(sep).append("?::text[]");
			aliases.append(sep).append('c').append(i);
		}
		String statement = "INSERT INTO " + table + " (" + String.join(", ", names) + ") SELECT " + select
				+ " FROM unnest(" + from + ") AS t(" + aliases + ")";
		long began = System.nanoTime();
		for (int start = 0; start < rows.size(); start += 10_000) {
			List<Object[]> chunk = rows.subList(start, Math.min(rows.size(), start + 10_000));
			jdbc.execute((java.sql.Connection con) -> {
				try (var ps = con.prepareStatement(statement)) {
					for (int c = 0; c < names.size(); c++) {
						String[] column = new String[chunk.size()];
						for (int r = 0; r < chunk.size(); r++) {
							Object value = chunk.get(r)[c];
							column[r] = value == null ? null
									: value instanceof Timestamp t ? t.toInstant().toString() : value.toString();
						}
						ps.setArray(c + 1, con.createArrayOf("text", column));
					}
					return ps.executeUpdate();
				}
			});
		}
		log.debug("{} rows into {} in {} ms", rows.size(), table, (System.nanoTime() - began) / 1_000_000);
	}
}
