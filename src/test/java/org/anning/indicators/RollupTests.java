package org.anning.indicators;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.anning.AnningTest;
import org.anning.DemoStaff;
import org.anning.EventsSettled;
import org.anning.cases.CaseFile;
import org.anning.cases.Cases;
import org.anning.cases.NewCase;
import org.anning.outreach.NewPublicityEvent;
import org.anning.outreach.Publicity;
import org.anning.mediation.Dispute;
import org.anning.mediation.Disputes;
import org.anning.mediation.NewDispute;
import org.anning.mediation.NewParty;
import org.anning.residents.IdentityNumber;
import org.anning.residents.NewResident;
import org.anning.residents.Residents;
import org.anning.services.Application;
import org.anning.services.Applications;
import org.anning.services.NewApplication;
import org.anning.services.Ratings;
import org.anning.services.Upload;
import org.anning.units.NewUnit;
import org.anning.units.Organisation;
import org.anning.units.Unit;
import org.anning.units.UnitId;
import org.anning.units.UnitLevel;
import org.anning.units.UnitScope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The indicators are answered from per-day rollups that events keep current. After imports, corrections by a
 * second import, live registrations, clearances, money events and victims (seeded random data), the rollups give
 * exactly what a direct computation over the records gives, for random units and periods; a damaged rollup is
 * found by the check and repaired by the rebuild.
 */
@AnningTest
class RollupTests {

	static final List<String> CATEGORIES = List.of("FRAUD_INVESTMENT", "FRAUD_LOAN", "TELECOM_FRAUD", "THEFT", "ASSAULT",
			"INTENTIONAL_HOMICIDE", "ROBBERY_CAUSING_DEATH", "DRUGS");

	static final Set<String> FRAUD = Set.of("FRAUD_INVESTMENT", "FRAUD_LOAN", "TELECOM_FRAUD");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Organisation organisation;

	@Autowired
	Cases cases;

	@Autowired
	Indicators indicators;

	@Autowired
	RollupCommand command;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Residents residents;

	@Autowired
	Applications applications;

	@Autowired
	Ratings ratings;

	@Autowired
	Disputes disputes;

	@Autowired
	Publicity publicity;

	@Test
	void rollupsEqualTheRecordsForRandomUnitsAndPeriodsAfterImportsCorrectionsAndLiveChanges() {
		Random random = new Random(4242);
		List<String> stations = tree("RX");
		UnitScope scope = allUnits();
		LocalDate today = LocalDate.now();
		LocalDate start = today.minusDays(800);

		// An import, then a second import of the same numbers that moves a third of them and reclassifies some.
		StringBuilder first = new StringBuilder("case_number,unit_code,category_code,occurred_on,registered_on,cleared_on,closed_on,loss_amount\n");
		StringBuilder second = new StringBuilder(first);
		StringBuilder events = new StringBuilder("case_number,event_type,event_on,amount,people\n");
		String tag = Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
		for (int n = 0; n < 300; n++) {
			String number = "RX-" + tag + "-" + n;
			String category = CATEGORIES.get(random.nextInt(CATEGORIES.size()));
			LocalDate occurred = start.plusDays(random.nextInt(700));
			LocalDate registered = occurred.plusDays(random.nextInt(3));
			LocalDate cleared = random.nextDouble() < 0.5 ? registered.plusDays(random.nextInt(60)) : null;
			String unit = stations.get(random.nextInt(stations.size()));
			String loss = FRAUD.contains(category) ? BigDecimal.valueOf(random.nextInt(9_000_000), 2).toPlainString() : "";
			first.append(line(number, unit, category, occurred, registered, cleared, loss));
			if (n % 3 == 0) {
				unit = stations.get((stations.indexOf(unit) + 1) % stations.size());
				category = CATEGORIES.get(random.nextInt(CATEGORIES.size()));
				cleared = cleared == null ? registered.plusDays(1 + random.nextInt(30)) : null;
				loss = FRAUD.contains(category) ? BigDecimal.valueOf(random.nextInt(9_000_000), 2).toPlainString() : "";
			}
			second.append(line(number, unit, category, occurred, registered, cleared, loss));
			if (random.nextInt(3) == 0) {
				String type = List.of("STOP_PAYMENT", "FREEZE", "RETURN", "APPREHENSION").get(random.nextInt(4));
				events.append(number).append(',').append(type).append(',').append(registered.plusDays(random.nextInt(40)))
					.append(',').append(type.equals("APPREHENSION") ? "" : BigDecimal.valueOf(1 + random.nextInt(500_000), 2))
					.append(',').append(type.equals("APPREHENSION") ? "" + (1 + random.nextInt(4)) : "").append('\n');
			}
		}
		importCsv("/api/v1/imports/cases", first);
		importCsv("/api/v1/imports/case-events", events);
		importCsv("/api/v1/imports/cases", second);

		// Live work at the desk: registrations, clearances, money and apprehensions, victims.
		for (int n = 0; n < 40; n++) {
			String unit = stations.get(random.nextInt(stations.size()));
			String category = CATEGORIES.get(random.nextInt(CATEGORIES.size()));
			LocalDate occurred = today.minusDays(random.nextInt(120));
			CaseFile c = cases.register(new NewCase(unit, category, occurred.toString(),
					occurred.plusDays(random.nextInt(2)).toString(), "测试路", "滚动汇总测试案件 " + n), null, scope);
			if (FRAUD.contains(category)) {
				cases.addVictim(c.caseNumber(), "受害人" + n, "" + (100 + random.nextInt(90_000)), scope);
				cases.record(c.caseNumber(), "FREEZE", c.registeredOn().toString(), "" + (10 + random.nextInt(5_000)),
						null, null, null, scope);
				cases.record(c.caseNumber(), "APPREHENSION", c.registeredOn().toString(), null, "" + (1 + random.nextInt(3)),
						null, null, scope);
			}
			if (random.nextBoolean()) {
				LocalDate on = c.registeredOn().plusDays(random.nextInt(5));
				cases.clear(c.caseNumber(), (on.isAfter(today) ? today : on).toString(), "抓获", scope);
			}
		}
		// Live mediation: disputes received, mediated to agreement, followed up (some reopened and closed again
		// without agreement), some linked to a criminal case.
		List<String> caseNumbers = new ArrayList<>();
		jdbc.sql("SELECT case_number FROM case_file WHERE case_number LIKE 'AJ-%' ORDER BY case_number DESC LIMIT 5")
			.query(String.class).list().forEach(caseNumbers::add);
		for (int n = 0; n < 8; n++) {
			String unit = stations.get(n % stations.size());
			LocalDate received = today.minusDays(10 + random.nextInt(40));
			Dispute d = disputes.receive(new NewDispute("WALK_IN", unit, null, "NEIGHBOURS", "楼上漏水引发邻里纠纷 " + n, "LOW",
					null, received.toString(), List.of(new NewParty("APPLICANT", "甲方" + n, "13800001111"),
							new NewParty("RESPONDENT", "乙方" + n, null))), null, scope);
			if (n % 4 == 3) {
				disputes.withdraw(d.reference(), received.plusDays(1).toString(), "双方自行和解", scope);
				continue;
			}
			disputes.recordSession(d.reference(), received.plusDays(1).toString(), "双方当事人", List.of(), "首次调解", scope);
			disputes.agree(d.reference(), received.plusDays(2).toString(),
					List.of(new Disputes.NewTerm("乙方", "修复漏水并赔偿500元", received.plusDays(9).toString())), null, scope);
			boolean carriedOut = n % 2 == 0;
			disputes.followUp(d.reference(), received.plusDays(9).toString(), "" + carriedOut, carriedOut ? null : "REOPENED",
					null, carriedOut ? null : "乙方未按期修复", scope);
			if (!carriedOut) {
				disputes.noAgreement(d.reference(), received.plusDays(10).toString(), "COURT", "引导诉讼", scope);
			}
			if (n < caseNumbers.size() && n % 3 == 0) {
				disputes.escalate(d.reference(), caseNumbers.get(n), scope);
			}
		}

		// Live community policing: publicity events at the stations.
		long attendance = 0;
		for (int n = 0; n < 4; n++) {
			int people = 20 + random.nextInt(200);
			attendance += people;
			publicity.record(new NewPublicityEvent(stations.get(n % stations.size()), "ANTI_FRAUD", "防范电信诈骗宣传 " + n,
					"社区广场", today.minusDays(random.nextInt(20)).toString(), "" + people, "100", "宣传册", "社区居委会"),
					UUID.randomUUID(), null, scope, UUID.randomUUID().toString());
		}

		// Live work in the service hall: applications closed today at a demo station, rated, one poorly and answered.
		for (int n = 0; n < 3; n++) {
			serveAndRate(n == 0 ? 1 : 5);
		}
		EventsSettled.rollups(jdbc);

		List<Unit> candidates = new ArrayList<>(organisation.all());
		for (int probe = 0; probe < 45; probe++) {
			if (probe >= 40) {
				// The demo station the live applications closed at, over periods ending today.
				Unit station = organisation.findByCode("AN-DC-01").orElseThrow();
				Set<UUID> units = Set.of(station.id().value());
				LocalDate from = today.minusDays(random.nextInt(400));
				assertEqual(station.code(), units, from, today);
				continue;
			}
			Unit unit = probe % 2 == 0 ? organisation.findByCode(stations.get(random.nextInt(stations.size()))).orElseThrow()
					: candidates.get(random.nextInt(candidates.size()));
			LocalDate from = start.plusDays(random.nextInt(780));
			LocalDate to = from.plusDays(random.nextInt(400));
			Set<UUID> units = organisation.subtree(unit.id()).stream().map(UnitId::value).collect(Collectors.toSet());
			assertEqual(unit.code(), units, from, to);
		}
		// And the figures the live work made are there at all (not two empty sides agreeing).
		Set<UUID> mine = organisation.subtree(organisation.findByCode(stations.get(0).substring(0, stations.get(0).length() - 3))
			.orElseThrow().id()).stream().map(UnitId::value).collect(Collectors.toSet());
		assertThat(indicators.values(mine, today.minusDays(130), today).get(Indicator.CASES_REGISTERED))
			.isGreaterThanOrEqualTo(BigDecimal.valueOf(40));
		Map<Indicator, BigDecimal> recent = indicators.values(mine, today.minusDays(60), today);
		assertThat(recent.get(Indicator.MEDIATION_RECEIVED)).isEqualByComparingTo(BigDecimal.valueOf(8));
		assertThat(recent.get(Indicator.MEDIATION_CLOSED)).isEqualByComparingTo(BigDecimal.valueOf(8));
		assertEqual("mediation", mine, today.minusDays(60), today);
		assertThat(recent.get(Indicator.OUTREACH_PUBLICITY_EVENTS)).isEqualByComparingTo(BigDecimal.valueOf(4));
		assertThat(recent.get(Indicator.OUTREACH_ATTENDANCE)).isEqualByComparingTo(BigDecimal.valueOf(attendance));
	}

	private void assertEqual(String code, Set<UUID> units, LocalDate from, LocalDate to) {
		Map<Indicator, BigDecimal> kept = indicators.values(units, from, to);
		Map<Indicator, BigDecimal> direct = indicators.direct(units, from, to);
		for (Indicator indicator : Indicator.values()) {
			assertThat(kept.get(indicator)).as(code + " " + from + ".." + to + " " + indicator.id())
				.usingComparator(java.util.Comparator.nullsFirst(BigDecimal::compareTo))
				.isEqualTo(direct.get(indicator));
		}
	}

	/** An application taken from submission to closing at AN-DC-01 today, then rated; a poor rating is answered. */
	private void serveAndRate(int level) {
		UUID resident = residents.register(new NewResident("汇总测试", idNumber(), mobile(), "Quiet-Harbour-Kettle-58")).id()
			.value();
		Application a = applications.apply(resident, new NewApplication("ID_CARD_RENEWAL", "AN-DC-01", null, "COLLECT"),
				List.of(new Upload("ID_CARD", "id.pdf", PDF), new Upload("ID_PHOTO_RECEIPT", "photo.pdf", PDF)),
				UUID.randomUUID().toString());
		String page = "/desk/services/" + a.reference();
		for (String action : List.of("accept", "review", "approve", "ready", "close")) {
			assertThat(mvc.post().uri(page + "/" + action).with(csrf()).with(DemoStaff.chief())).hasStatus3xxRedirection();
		}
		ratings.rate(resident, a.reference(), level, level <= 2 ? "等了很久" : null);
		if (level <= 2) {
			UnitScope station = new UnitScope(Set.of(DemoStaff.unitId("AN-DC-01")));
			ratings.answer(a.reference(), LocalDate.now(), "已回访", "增加窗口人手", station);
		}
	}

	static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF".getBytes(StandardCharsets.US_ASCII);

	private static String idNumber() {
		var random = java.util.concurrent.ThreadLocalRandom.current();
		LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(365 * 65));
		String first17 = "320106" + birth.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
				+ "%03d".formatted(random.nextInt(1000));
		return first17 + IdentityNumber.checkCharacter(first17);
	}

	private static String mobile() {
		var random = java.util.concurrent.ThreadLocalRandom.current();
		return "1" + (3 + random.nextInt(7)) + "%09d".formatted(random.nextInt(1_000_000_000));
	}

	@Test
	void theCheckFindsADamagedRollupAndTheRebuildRepairsIt() {
		EventsSettled.rollups(jdbc);
		String period = LocalDate.now().minusYears(2) + " " + LocalDate.now();
		assertThat(run("rollups check " + period)).startsWith("0 ");
		int damaged = jdbc.sql("""
				UPDATE rollup_case_day SET registered = registered + 7
				WHERE (unit_id, day) = (SELECT unit_id, day FROM rollup_case_day WHERE day >= ? ORDER BY day, unit_id LIMIT 1)""")
			.param(LocalDate.now().minusYears(1))
			.update();
		assertThat(damaged).isEqualTo(1);
		String found = run("rollups check " + period);
		assertThat(found).startsWith("1 ").contains("cases.registered: rollups");
		assertThat(run("rollups rebuild")).startsWith("0 Rollups rebuilt from the records");
		assertThat(run("rollups check " + period)).startsWith("0 ").contains("Rollups equal the records");
	}

	private String run(String line) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		String[] words = line.split(" ");
		int code = command.run(java.util.Arrays.copyOfRange(words, 1, words.length), new PrintStream(out, true, StandardCharsets.UTF_8));
		return code + " " + out.toString(StandardCharsets.UTF_8);
	}

	private void importCsv(String uri, StringBuilder csv) {
		assertThat(mvc.post().uri(uri).with(DemoStaff.command()).contentType("text/csv").content(csv.toString()))
			.hasStatusOk();
	}

	private static String line(String number, String unit, String category, LocalDate occurred, LocalDate registered,
			LocalDate cleared, String loss) {
		return number + "," + unit + "," + category + "," + occurred + "," + registered + ","
				+ (cleared == null ? "" : cleared) + ",," + loss + "\n";
	}

	private List<String> tree(String prefix) {
		String tag = Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
		String top = prefix + tag;
		organisation.create(new NewUnit(top, "汇总测试分局" + tag, "Rollup sub-bureau " + tag, UnitLevel.SUB_BUREAU, "AN"),
				allUnits());
		List<String> stations = new ArrayList<>();
		for (int i = 1; i <= 3; i++) {
			String code = top + "-0" + i;
			organisation.create(new NewUnit(code, "汇总测试所" + i, "Rollup station " + i, UnitLevel.STATION, top), allUnits());
			stations.add(code);
		}
		return stations;
	}

	private UnitScope allUnits() {
		return new UnitScope(organisation.all().stream().map(Unit::id).collect(Collectors.toSet()));
	}
}
