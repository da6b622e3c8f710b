package org.anning.traffic;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.anning.AnningTest;
import org.anning.DemoStaff;
import org.anning.units.NewUnit;
import org.anning.units.Organisation;
import org.anning.units.Unit;
import org.anning.units.UnitLevel;
import org.anning.units.UnitScope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** The accident import, and the figures the indicators read, against what the imported file says. */
@AnningTest
class TrafficImportTests {

	static final String IMPORT = "/api/v1/imports/accidents";

	static final String HEADER = "accident_number,unit_code,occurred_at,latitude,longitude,road,km_marker,deaths,"
			+ "serious_injuries,minor_injuries,direct_loss,cause_code\n";

	static final ZoneId BUREAU = ZoneId.of("Asia/Shanghai");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Organisation organisation;

	@Autowired
	TrafficStatistics statistics;

	final String tag = Long.toString(System.nanoTime() % 10_000_000, 36).toUpperCase();

	final String p = "TI" + tag + "-";

	/** Far from the demo city and from other tests' accidents: no duplicate flags across tests. */
	final Random random = new Random(tag.hashCode());

	final double baseLatitude = 20 + random.nextDouble() * 5;

	final double baseLongitude = 100 + random.nextDouble() * 5;

	List<String> units = new ArrayList<>();

	Map<String, UUID> unitIds = new HashMap<>();

	@BeforeEach
	void createStations() {
		UnitScope all = new UnitScope(organisation.all().stream().map(Unit::id).collect(Collectors.toSet()));
		for (int i = 1; i <= 2; i++) {
			String code = "AN-DC-T" + tag + i;
			Unit unit = organisation.create(new NewUnit(code, "交通测试派出所" + i, "Traffic test station " + i,
					UnitLevel.STATION, "AN-DC"), all);
			units.add(code);
			unitIds.put(code, unit.id().value());
		}
	}

	@Test
	void aFileWithBadLinesAnswers422NamingEachOfThemAndStoresNothing() {
		String u = units.get(0);
		String file = HEADER
				+ p + "1," + u + ",2024-03-05T18:40:00+08:00," + place(0) + ",和平路,1.2,0,1,2,3500.00,SPEEDING\n"
				+ p + "2,NO-SUCH-UNIT,2024-03-05T18:40:00+08:00," + place(1) + ",和平路,,0,0,0,0,\n"
				+ p + "3," + u + ",2024-03-05T18:40:00," + place(2) + ",和平路,,0,0,0,0,\n"
				+ p + "4," + u + ",2024-03-05T18:40:00+08:00," + place(3) + ",和平路,,1,0,0,-5,\n"
				+ p + "5," + u + ",2024-03-05T18:40:00+08:00," + place(4) + ",和平路,,0,0,0,0,SPEEDING;NAPPING\n"
				+ p + "6," + u + ",2024-03-05T18:40:00+08:00,95.0,120.1,和平路,,0,0,0,0,\n"
				+ p + "7," + u + ",2024-03-05T18:40:00+08:00," + place(6) + ",和平路,,x,0,0,0,\n"
				+ p + "1," + u + ",2024-03-06T18:40:00+08:00," + place(7) + ",和平路,,0,0,0,0,\n"
				+ p + "9," + u + ",2024-03-05T18:40:00+08:00\n";
		long before = accidents();
		MvcTestResult result = post(file);
		assertThat(result).hasStatus(422);
		assertThat(result).bodyJson().extractingPath("$.errors[*].line").asArray()
			.containsExactly(3, 4, 5, 6, 7, 8, 9, 10);
		assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray()
			.containsExactly("unit_code", "occurred_at", "direct_loss", "cause_code", "latitude", "deaths",
					"accident_number", "line");
		assertThat(result).bodyJson().extractingPath("$.errors[1].message").asString().contains("+08:00");
		assertThat(result).bodyJson().extractingPath("$.errorLines").isEqualTo(8);
		assertThat(accidents()).isEqualTo(before);
	}

	@Test
	void importingTheSameFileTwiceChangesNothingAndAChangedLineUpdatesItsAccident() {
		String u = units.get(0);
		StringBuilder file = new StringBuilder(HEADER);
		for (int i = 0; i < 5; i++) {
			file.append(p).append(i).append(',').append(u).append(",2024-0").append(i + 1).append("-10T08:15:00+08:00,")
				.append(place(i)).append(",解放路,").append(i).append(".5,").append(i % 2).append(",1,2,")
				.append(1000 * i).append(".50,FATIGUE;SPEEDING\n");
		}
		assertThat(post(file.toString())).hasStatusOk().bodyJson().isStrictlyEqualTo("{\"imported\":5,\"updated\":0}");
		List<Map<String, Object>> rows = rows();
		assertThat(rows).hasSize(5);
		assertThat(rows.get(1)).containsEntry("deaths", 1).containsEntry("grade", "ORDINARY").containsEntry("source",
				"IMPORT");
		assertThat(post(file.toString())).hasStatusOk().bodyJson().isStrictlyEqualTo("{\"imported\":0,\"updated\":0}");
		assertThat(rows()).isEqualTo(rows);

		String changed = file.toString().replace(p + "3," + u + ",2024-04-10T08:15:00+08:00," + place(3) + ",解放路,3.5,1,",
				p + "3," + u + ",2024-04-10T08:15:00+08:00," + place(3) + ",解放路,3.5,4,");
		assertThat(changed).isNotEqualTo(file.toString());
		assertThat(post(changed)).hasStatusOk().bodyJson().isStrictlyEqualTo("{\"imported\":0,\"updated\":1}");
		assertThat(rows().get(3)).containsEntry("deaths", 4).containsEntry("grade", "RELATIVELY_SERIOUS");
	}

	@Test
	void anAccidentCountsOnItsDayInTheBureausZone() {
		String u = units.get(0);
		String file = HEADER
				+ p + "EVE," + u + ",2024-12-31T23:30:00+08:00," + place(0) + ",,,1,0,0,0,\n"
				+ p + "UTC," + u + ",2024-12-31T16:30:00Z," + place(5) + ",,,1,0,0,0,\n";
		assertThat(post(file)).hasStatusOk();
		var in2024 = statistics.figures(List.of(unitIds.get(u)), LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
		var in2025 = statistics.figures(List.of(unitIds.get(u)), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
		assertThat(in2024.accidents()).isEqualTo(1);
		assertThat(in2024.deaths()).isEqualTo(1);
		assertThat(in2025.accidents()).isEqualTo(1);
		assertThat(statistics.records("accidents", List.of(unitIds.get(u)), LocalDate.of(2024, 1, 1),
				LocalDate.of(2024, 12, 31), 0, 10).lines()).extracting(TrafficStatistics.Line::accidentNumber)
			.containsExactly(p + "EVE");
		assertThat(statistics.records("accidents", List.of(unitIds.get(u)), LocalDate.of(2025, 1, 1),
				LocalDate.of(2025, 12, 31), 0, 10).lines()).extracting(TrafficStatistics.Line::accidentNumber)
			.containsExactly(p + "UTC");
	}

	record Line(String number, String unit, OffsetDateTime at, int deaths, int serious, int minor, BigDecimal loss) {

		LocalDate day() {
			return at.atZoneSameInstant(BUREAU).toLocalDate();
		}
	}

	@Test
	void figuresFor2019And2024OfAnImportedFileEqualADirectCountFromTheFile() {
		List<Line> lines = new ArrayList<>();
		StringBuilder file = new StringBuilder(HEADER);
		String[] offsets = { "+08:00", "Z", "+09:00", "-05:00" };
		for (int i = 0; i < 400; i++) {
			int year = i % 3 == 0 ? 2019 : i % 3 == 1 ? 2024 : 2023 + random.nextInt(3);
			OffsetDateTime at = OffsetDateTime.of(year, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)
				.plusMinutes(random.nextInt(365 * 24 * 60))
				.withOffsetSameInstant(ZoneOffset.of(offsets[random.nextInt(offsets.length)].replace("Z", "+00:00")));
			if (i < 8) { // around the turn of the year, where a zone mistake shows
				at = OffsetDateTime.of(i < 4 ? 2019 : 2024, 12, 31, 15 + i % 4, 50, 0, 0, ZoneOffset.UTC);
			}
			int deaths = random.nextDouble() < 0.15 ? 1 + random.nextInt(4) : 0;
			int serious = random.nextDouble() < 0.1 ? random.nextInt(15) : 0;
			int minor = random.nextInt(4);
			BigDecimal loss = random.nextDouble() < 0.03 ? new BigDecimal("10000000.00")
					: BigDecimal.valueOf(random.nextInt(5_000_000), 2);
			String unit = units.get(random.nextInt(units.size()));
			Line line = new Line(p + "S" + i, unit, at, deaths, serious, minor, loss);
			lines.add(line);
			String time = at.toString().replace("+00:00", "Z");
			file.append(line.number()).append(',').append(unit).append(',').append(time.length() == 17 ? time
					.replace("Z", ":00Z") : time).append(',').append(place(100 + i)).append(",绕城高速,")
				.append(i).append(',').append(deaths).append(',').append(serious).append(',').append(minor).append(',')
				.append(loss.toPlainString()).append(',').append(i % 5 == 0 ? "" : "SPEEDING").append('\n');
		}
		assertThat(post(file.toString())).hasStatusOk().bodyJson().extractingPath("$.imported").isEqualTo(400);
		List<UUID> ids = List.copyOf(unitIds.values());
		for (int year : new int[] { 2019, 2024 }) {
			LocalDate from = LocalDate.of(year, 1, 1);
			LocalDate to = LocalDate.of(year, 12, 31);
			List<Line> counted = lines.stream().filter(l -> l.day().getYear() == year).toList();
			var figures = statistics.figures(ids, from, to);
			assertThat(figures.accidents()).as("accidents " + year).isEqualTo(counted.size());
			assertThat(figures.fatalAccidents()).as("fatal " + year)
				.isEqualTo(counted.stream().filter(l -> l.deaths() > 0).count());
			assertThat(figures.deaths()).as("deaths " + year)
				.isEqualTo(counted.stream().mapToLong(Line::deaths).sum());
			assertThat(figures.injuries()).as("injuries " + year)
				.isEqualTo(counted.stream().mapToLong(l -> l.serious() + l.minor()).sum());
			assertThat(figures.majorAccidents()).as("major " + year).isEqualTo(counted.stream()
				.filter(l -> SeverityGrade.of(l.deaths(), l.serious(), l.loss()).major()).count());
			assertThat(figures.directLoss()).as("loss " + year)
				.isEqualByComparingTo(counted.stream().map(Line::loss).reduce(BigDecimal.ZERO, BigDecimal::add));
			assertThat(figures.fatalAccidents()).isPositive();

			// the records behind each figure add up to it, page by page
			Map<String, BigDecimal> byFigure = Map.of("accidents", BigDecimal.valueOf(figures.accidents()),
					"fatalAccidents", BigDecimal.valueOf(figures.fatalAccidents()), "deaths",
					BigDecimal.valueOf(figures.deaths()), "injuries", BigDecimal.valueOf(figures.injuries()),
					"majorAccidents", BigDecimal.valueOf(figures.majorAccidents()), "directLoss", figures.directLoss());
			for (String set : TrafficStatistics.SETS) {
				BigDecimal sum = BigDecimal.ZERO;
				int seen = 0;
				TrafficStatistics.Page page;
				do {
					page = statistics.records(set, ids, from, to, seen, 50);
					for (TrafficStatistics.Line l : page.lines()) {
						sum = sum.add(l.value());
					}
					seen += page.lines().size();
				}
				while (!page.lines().isEmpty());
				assertThat(seen).as(set).isEqualTo(page.total());
				assertThat(sum).as(set + " " + year).isEqualByComparingTo(byFigure.get(set));
				assertThat(page.sum()).as(set + " " + year).isEqualByComparingTo(byFigure.get(set));
			}

			// the per-day figures for the rollups add up to the same
			long[] days = new long[5];
			BigDecimal[] loss = { BigDecimal.ZERO };
			statistics.days(ids, from, to, d -> {
				days[0] += d.accidents();
				days[1] += d.fatalAccidents();
				days[2] += d.deaths();
				days[3] += d.injuries();
				days[4] += d.majorAccidents();
				loss[0] = loss[0].add(d.directLoss());
			});
			assertThat(days).containsExactly(figures.accidents(), figures.fatalAccidents(), figures.deaths(),
					figures.injuries(), figures.majorAccidents());
			assertThat(loss[0]).isEqualByComparingTo(figures.directLoss());
		}
		Line first = lines.get(0);
		UUID id = jdbc.sql("SELECT id FROM accident WHERE accident_number = ?").param(first.number()).query(UUID.class)
			.single();
		assertThat(statistics.days(id)).isEqualTo(Map.of(unitIds.get(first.unit()), Set.of(first.day())));
		assertThat(statistics.days(unitIds.get(first.unit()), List.of(first.day())))
			.singleElement()
			.satisfies(d -> assertThat(d.accidents()).isEqualTo(lines.stream()
				.filter(l -> l.unit().equals(first.unit()) && l.day().equals(first.day())).count()));
	}

	/** The i-th place of this test: 1 km apart, so that no two of them are duplicates. */
	String place(int i) {
		return String.format(java.util.Locale.ROOT, "%.6f,%.6f", baseLatitude + i * 0.01, baseLongitude);
	}

	MvcTestResult post(String file) {
		return mvc.post()
			.uri(IMPORT)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + DemoStaff.ADMIN_TOKEN)
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
			.contentType("text/csv")
			.content(file.getBytes(java.nio.charset.StandardCharsets.UTF_8))
			.exchange();
	}

	long accidents() {
		return jdbc.sql("SELECT count(*) FROM accident WHERE accident_number LIKE ?").param(p + "%").query(Long.class)
			.single();
	}

	List<Map<String, Object>> rows() {
		return jdbc.sql("""
				SELECT accident_number, unit_id, occurred_at, occurred_on, latitude, longitude, road, km_marker, deaths,
				  serious_injuries, minor_injuries, direct_loss, causes::text, grade, source, version, updated_at
				FROM accident WHERE accident_number LIKE ? ORDER BY accident_number""")
			.param(p + "%").query().listOfRows();
	}
}
