package org.anning.indicators;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
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
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cases and events imported through the case import API into a unit tree of their own, from a seeded generator;
 * then every case indicator, for random units and periods, equals the value computed straight from the rows
 * that were sent.
 */
@AnningTest
class IndicatorsFromImportTests {

	static final List<String> CATEGORIES = List.of("FRAUD_INVESTMENT", "FRAUD_ORDER_BRUSHING", "TELECOM_FRAUD",
			"FRAUD_LOAN", "THEFT", "BURGLARY", "ASSAULT", "INTENTIONAL_HOMICIDE", "ROBBERY_CAUSING_DEATH", "DRUGS");

	static final Set<String> FRAUD = Set.of("TELECOM_FRAUD", "FRAUD_INVESTMENT", "FRAUD_ORDER_BRUSHING", "FRAUD_LOAN");

	static final Set<String> HOMICIDE = Set.of("INTENTIONAL_HOMICIDE", "ROBBERY_CAUSING_DEATH");

	static final JsonMapper JSON = JsonMapper.builder().build();

	/** Equal values whatever their scale (0.0 and 0.00); null only equals null. */
	static final java.util.Comparator<BigDecimal> NULLS_FIRST = java.util.Comparator.nullsFirst(BigDecimal::compareTo);

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Organisation organisation;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	record Row(String number, String unit, String category, LocalDate occurred, LocalDate registered, LocalDate cleared,
			LocalDate closed, BigDecimal loss) {
	}

	record Event(String number, String type, LocalDate on, BigDecimal amount, Integer people) {
	}

	List<Row> rows = new ArrayList<>();

	List<Event> events = new ArrayList<>();

	List<String> units = new ArrayList<>();

	String top;

	@BeforeEach
	void importSeededData() {
		Random random = new Random(20261127);
		String tag = Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
		UnitScope all = new UnitScope(organisation.all().stream().map(Unit::id).collect(Collectors.toSet()));
		top = "IX" + tag;
		organisation.create(new NewUnit(top, "测试分局" + tag, "Test sub-bureau " + tag, UnitLevel.SUB_BUREAU, "AN"), all);
		all = new UnitScope(organisation.all().stream().map(Unit::id).collect(Collectors.toSet()));
		for (int i = 1; i <= 3; i++) {
			String code = top + "-0" + i;
			organisation.create(new NewUnit(code, "测试派出所" + i, "Test station " + i, UnitLevel.STATION, top), all);
			units.add(code);
		}
		LocalDate start = LocalDate.of(2023, 1, 1);
		StringBuilder casesCsv = new StringBuilder("case_number,unit_code,category_code,occurred_on,registered_on,cleared_on,closed_on,loss_amount\n");
		StringBuilder eventsCsv = new StringBuilder("case_number,event_type,event_on,amount,people\n");
		for (int n = 0; n < 600; n++) {
			String number = "IX-" + tag + "-" + n;
			String unit = units.get(random.nextInt(units.size()));
			String category = CATEGORIES.get(random.nextInt(CATEGORIES.size()));
			LocalDate occurred = start.plusDays(random.nextInt(900));
			LocalDate registered = occurred.plusDays(random.nextInt(4));
			double fate = random.nextDouble();
			LocalDate cleared = fate < 0.45 ? registered.plusDays(random.nextInt(200)) : null;
			LocalDate closed = fate > 0.93 ? registered.plusDays(random.nextInt(100)) : null;
			BigDecimal loss = FRAUD.contains(category) ? BigDecimal.valueOf(random.nextInt(5_000_000), 2) : null;
			rows.add(new Row(number, unit, category, occurred, registered, cleared, closed, loss));
			casesCsv.append(number).append(',').append(unit).append(',').append(category).append(',').append(occurred)
				.append(',').append(registered).append(',').append(cleared == null ? "" : cleared).append(',')
				.append(closed == null ? "" : closed).append(',').append(loss == null ? "" : loss.toPlainString()).append('\n');
			int count = FRAUD.contains(category) ? random.nextInt(5) : random.nextInt(2);
			for (int e = 0; e < count; e++) {
				String type = List.of("STOP_PAYMENT", "FREEZE", "RETURN", "APPREHENSION").get(random.nextInt(4));
				LocalDate on = registered.plusDays(random.nextInt(300));
				BigDecimal amount = type.equals("APPREHENSION") ? null : BigDecimal.valueOf(1 + random.nextInt(2_000_000), 2);
				Integer people = type.equals("APPREHENSION") ? 1 + random.nextInt(5) : null;
				if (events.stream().anyMatch(x -> x.number().equals(number) && x.type().equals(type) && x.on().equals(on))) {
					continue;
				}
				events.add(new Event(number, type, on, amount, people));
				eventsCsv.append(number).append(',').append(type).append(',').append(on).append(',')
					.append(amount == null ? "" : amount.toPlainString()).append(',').append(people == null ? "" : people)
					.append('\n');
			}
		}
		assertThat(mvc.post().uri("/api/v1/imports/cases").with(DemoStaff.command()).contentType("text/csv")
			.content(casesCsv.toString())).hasStatusOk();
		assertThat(mvc.post().uri("/api/v1/imports/case-events").with(DemoStaff.command()).contentType("text/csv")
			.content(eventsCsv.toString())).hasStatusOk();
		org.anning.EventsSettled.rollups(jdbc);
		units.add(top);
	}

	@Test
	void everyCaseIndicatorEqualsTheValueComputedFromTheImportedRows() throws Exception {
		Random random = new Random(42);
		for (int trial = 0; trial < 12; trial++) {
			String unit = units.get(random.nextInt(units.size()));
			LocalDate from = LocalDate.of(2023, 6, 1).plusDays(random.nextInt(500));
			LocalDate to = from.plusDays(random.nextInt(400));
			MvcTestResult result = mvc.get()
				.uri("/api/v1/indicators?unit={u}&from={f}&to={t}&compare=previous-year", unit, from, to)
				.with(DemoStaff.command())
				.exchange();
			assertThat(result).hasStatusOk();
			JsonNode body = JSON.readTree(result.getResponse().getContentAsString());
			Map<String, JsonNode> figures = new java.util.HashMap<>();
			body.get("indicators").forEach(f -> figures.put(f.get("id").asString(), f));
			Map<String, BigDecimal> now = expected(unit, from, to);
			Map<String, BigDecimal> then = expected(unit, from.minusYears(1), to.minusYears(1));
			for (var entry : now.entrySet()) {
				JsonNode f = figures.get(entry.getKey());
				assertThat(decimal(f.get("value"))).as(entry.getKey() + " " + unit + " " + from + ".." + to)
					.usingComparator(NULLS_FIRST)
					.isEqualTo(entry.getValue());
				assertThat(decimal(f.get("comparisonValue"))).as(entry.getKey() + " comparison")
					.usingComparator(NULLS_FIRST)
					.isEqualTo(then.get(entry.getKey()));
			}
			assertThat(decimal(figures.get("services.closed").get("value"))).isEqualByComparingTo("0");
			assertThat(figures.get("services.onTimeRate").get("value").isNull()).isTrue();
		}
	}

	@Test
	void theRecordsBehindEveryFigureAddUpToIt() throws Exception {
		Random random = new Random(7);
		List<String[]> trials = new ArrayList<>();
		for (int trial = 0; trial < 4; trial++) {
			LocalDate from = LocalDate.of(2023, 6, 1).plusDays(random.nextInt(500));
			trials.add(new String[] { units.get(random.nextInt(units.size())), from.toString(),
					from.plusDays(random.nextInt(400)).toString() });
		}
		// The service hall's figures over the demo data of a station, for the last year.
		trials.add(new String[] { "AN-DC-01", LocalDate.now().minusYears(1).toString(), LocalDate.now().toString() });
		for (String[] t : trials) {
			JsonNode body = get("/api/v1/indicators?unit={u}&from={f}&to={t}", t[0], t[1], t[2]);
			for (JsonNode figure : body.get("indicators")) {
				String id = figure.get("id").asString();
				BigDecimal value = decimal(figure.get("value"));
				JsonNode records = get("/api/v1/indicators/" + id + "/records?unit={u}&from={f}&to={t}&size=500", t[0], t[1],
						t[2]);
				long numerator = records.get("numerator").get("total").asLong();
				Indicator indicator = Indicator.byId(id).orElseThrow();
				String label = id + " " + t[0] + " " + t[1] + ".." + t[2];
				switch (indicator.kind()) {
					case COUNT -> {
						if (id.equals("fraud.apprehended")) {
							assertThat(sumAll(id, t, "people")).as(label).isEqualByComparingTo(value);
						}
						else if (id.equals("traffic.deaths") || id.equals("traffic.injuries")) { // each accident adds its own
							assertThat(sumAll(id, t, "amount")).as(label).isEqualByComparingTo(value);
						}
						else if (id.equals("outreach.attendance")) { // the events, each with its attendance
							assertThat(sumAll(id, t, "amount")).as(label).isEqualByComparingTo(value);
						}
						else {
							assertThat(BigDecimal.valueOf(numerator)).as(label).isEqualByComparingTo(value);
						}
					}
					case RATE -> {
						if (id.equals("outreach.campaignCoverage")) { // over the campaigns' apportioned targets
							BigDecimal target = sumAll(id, t, "amount", "denominator");
							assertThat(target.signum() == 0 ? null
									: BigDecimal.valueOf(numerator * 100).divide(target, 2, RoundingMode.HALF_UP)).as(label)
								.usingComparator(NULLS_FIRST).isEqualTo(value);
							break;
						}
						long denominator = records.get("denominator").get("total").asLong();
						assertThat(rate(numerator, denominator)).as(label).usingComparator(NULLS_FIRST).isEqualTo(value);
					}
					case MONEY -> assertThat(sumAll(id, t, "amount")).as(label)
						.isEqualByComparingTo(value);
					case AVERAGE -> assertThat(numerator == 0).as(label).isEqualTo(value == null);
				}
			}
		}
	}

	private BigDecimal sumAll(String id, String[] t, String field) throws Exception {
		return sumAll(id, t, field, "numerator");
	}

	private BigDecimal sumAll(String id, String[] t, String field, String side) throws Exception {
		BigDecimal sum = BigDecimal.ZERO;
		for (int page = 0;; page++) {
			JsonNode lines = get("/api/v1/indicators/" + id + "/records?unit={u}&from={f}&to={t}&size=500&page=" + page, t[0],
					t[1], t[2]).get(side).get("lines");
			if (lines.isEmpty()) {
				return sum;
			}
			for (JsonNode line : lines) {
				if (line.has(field) && !line.get(field).isNull()) {
					sum = sum.add(new BigDecimal(line.get(field).asString()));
				}
			}
		}
	}

	private JsonNode get(String uri, Object... vars) throws Exception {
		MvcTestResult result = mvc.get().uri(uri, vars).with(DemoStaff.command()).exchange();
		assertThat(result).hasStatusOk();
		return JSON.readTree(result.getResponse().getContentAsString());
	}

	@Test
	void aReversedPeriodAnUnknownUnitAndAnUnknownComparisonAreNamed() throws Exception {
		MvcTestResult result = mvc.get()
			.uri("/api/v1/indicators?unit=NOPE&from=2025-02-01&to=2025-01-01&compare=last-week")
			.with(DemoStaff.command())
			.exchange();
		assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(result.getResponse().getContentAsString()).contains("\"unit\"", "\"to\"");
		MvcTestResult compare = mvc.get()
			.uri("/api/v1/indicators?unit=AN&from=2025-01-01&to=2025-02-01&compare=last-week")
			.with(DemoStaff.command())
			.exchange();
		assertThat(compare).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(compare.getResponse().getContentAsString()).contains("\"compare\"");
	}

	@Test
	void aStationChiefAsksForTheirOwnSubtreeOnly() {
		assertThat(mvc.get().uri("/api/v1/indicators?unit=AN-DC-01&from=2025-01-01&to=2025-12-31")
			.with(DemoStaff.chief())).hasStatusOk();
		assertThat(mvc.get().uri("/api/v1/indicators?unit=AN-DC-02&from=2025-01-01&to=2025-12-31")
			.with(DemoStaff.chief())).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/api/v1/indicators?unit=AN&from=2025-01-01&to=2025-12-31")
			.with(DemoStaff.frontDesk())).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void comparisonPeriodsFollowTheDefinitions() {
		assertThat(Comparison.of("previous-year", LocalDate.of(2024, 2, 29), LocalDate.of(2024, 3, 31)).orElseThrow())
			.isEqualTo(new Comparison("previous-year", LocalDate.of(2023, 2, 28), LocalDate.of(2023, 3, 31)));
		assertThat(Comparison.of("previous-period", LocalDate.of(2025, 4, 1), LocalDate.of(2025, 6, 30)).orElseThrow())
			.isEqualTo(new Comparison("previous-period", LocalDate.of(2024, 12, 31), LocalDate.of(2025, 3, 31)));
		assertThat(Comparison.of("baseline:2019", LocalDate.of(2024, 12, 1), LocalDate.of(2025, 1, 31)).orElseThrow())
			.isEqualTo(new Comparison("baseline:2019", LocalDate.of(2019, 12, 1), LocalDate.of(2020, 1, 31)));
		assertThat(Comparison.of("yesterday", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 2))).isEmpty();
	}

	@Test
	void changesAreRelativeForCountsAndInPercentagePointsForRates() {
		Figure count = Indicators.figure(Indicator.FRAUD_CLEARED, new BigDecimal("412"), new BigDecimal("308"));
		assertThat(count.relativeChangePercent()).isEqualByComparingTo("33.77");
		assertThat(count.percentagePointChange()).isNull();
		Figure rate = Indicators.figure(Indicator.FRAUD_CLEARANCE_RATE, Indicators.percent(1, 3), Indicators.percent(1, 4));
		assertThat(rate.value()).isEqualByComparingTo("33.33");
		assertThat(rate.percentagePointChange()).isEqualByComparingTo("8.33");
		assertThat(rate.relativeChangePercent()).isEqualByComparingTo("33.33");
		assertThat(Indicators.figure(Indicator.FRAUD_CLEARED, BigDecimal.ONE, BigDecimal.ZERO).relativeChangePercent()).isNull();
	}

	private Map<String, BigDecimal> expected(String unit, LocalDate from, LocalDate to) {
		Set<String> codes = unit.equals(top) ? Set.copyOf(units) : Set.of(unit);
		List<Row> mine = rows.stream().filter(r -> codes.contains(r.unit())).toList();
		Set<String> numbers = mine.stream().map(Row::number).collect(Collectors.toSet());
		Set<String> fraudNumbers = mine.stream().filter(r -> FRAUD.contains(r.category())).map(Row::number)
			.collect(Collectors.toSet());
		Predicate<LocalDate> in = d -> d != null && !d.isBefore(from) && !d.isAfter(to);
		long registered = mine.stream().filter(r -> in.test(r.registered())).count();
		long cleared = mine.stream().filter(r -> in.test(r.cleared())).count();
		long fraudRegistered = mine.stream().filter(r -> FRAUD.contains(r.category()) && in.test(r.registered())).count();
		long fraudCleared = mine.stream().filter(r -> FRAUD.contains(r.category()) && in.test(r.cleared())).count();
		List<Event> fraudEvents = events.stream().filter(e -> fraudNumbers.contains(e.number()) && in.test(e.on())).toList();
		long homicide = mine.stream().filter(r -> HOMICIDE.contains(r.category()) && in.test(r.occurred())).count();
		long homicideCleared = mine.stream()
			.filter(r -> HOMICIDE.contains(r.category()) && in.test(r.occurred()) && r.cleared() != null
					&& !r.cleared().isAfter(to))
			.count();
		BigDecimal returned = sum(fraudEvents, "RETURN");
		Map<String, BigDecimal> values = new java.util.HashMap<>();
		values.put("cases.registered", BigDecimal.valueOf(registered));
		values.put("cases.cleared", BigDecimal.valueOf(cleared));
		values.put("cases.clearanceRate", rate(cleared, registered));
		values.put("fraud.registered", BigDecimal.valueOf(fraudRegistered));
		values.put("fraud.cleared", BigDecimal.valueOf(fraudCleared));
		values.put("fraud.clearanceRate", rate(fraudCleared, fraudRegistered));
		values.put("fraud.apprehended", BigDecimal.valueOf(fraudEvents.stream().filter(e -> e.people() != null)
			.mapToLong(Event::people).sum()));
		values.put("fraud.stopPaid", sum(fraudEvents, "STOP_PAYMENT"));
		values.put("fraud.frozen", sum(fraudEvents, "FREEZE"));
		values.put("fraud.returned", returned);
		values.put("fraud.recovered", returned);
		values.put("fraud.loss", mine.stream().filter(r -> FRAUD.contains(r.category()) && in.test(r.registered()))
			.map(r -> r.loss() == null ? BigDecimal.ZERO : r.loss()).reduce(BigDecimal.ZERO, BigDecimal::add)
			.setScale(2));
		values.put("homicide.current.registered", BigDecimal.valueOf(homicide));
		values.put("homicide.current.cleared", BigDecimal.valueOf(homicideCleared));
		values.put("homicide.current.clearanceRate", rate(homicideCleared, homicide));
		assertThat(numbers).isNotEmpty();
		return values;
	}

	private static BigDecimal sum(List<Event> events, String type) {
		return events.stream().filter(e -> e.type().equals(type)).map(Event::amount).reduce(BigDecimal.ZERO, BigDecimal::add)
			.setScale(2);
	}

	private static BigDecimal rate(long part, long whole) {
		return whole == 0 ? null : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), MathContext.DECIMAL128)
			.setScale(2, RoundingMode.HALF_UP);
	}

	private static BigDecimal decimal(JsonNode node) {
		return node == null || node.isNull() ? null : new BigDecimal(node.asString());
	}
}
