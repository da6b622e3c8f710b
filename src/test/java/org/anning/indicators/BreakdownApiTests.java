package org.anning.indicators;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.anning.AnningTest;
import org.anning.DemoStaff;
import org.anning.units.Organisation;
import org.anning.units.Unit;
import org.anning.units.UnitScope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** One indicator by month and by sub-unit through the API: the parts agree with the whole and with compute. */
@AnningTest
class BreakdownApiTests {

	static final JsonMapper JSON = JsonMapper.builder()
		.enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	static final java.util.Comparator<BigDecimal> BY_VALUE = java.util.Comparator
		.nullsFirst(java.util.Comparator.naturalOrder());

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Indicators indicators;

	@Autowired
	Organisation organisation;

	@Autowired
	Clock clock;

	UnitScope all() {
		return new UnitScope(organisation.all().stream().map(Unit::id).collect(Collectors.toSet()));
	}

	LocalDate lastYearStart() {
		return LocalDate.now(clock).minusYears(1).withDayOfYear(1);
	}

	JsonNode get(String uri, Object... args) throws Exception {
		MvcTestResult result = mvc.get().uri(uri, args).with(DemoStaff.command()).exchange();
		assertThat(result).as(uri).hasStatusOk();
		return JSON.readTree(result.getResponse().getContentAsString());
	}

	@Test
	void theMonthsOfAYearAddUpToTheYearOnBothSidesForCountsAndMoney() throws Exception {
		LocalDate from = lastYearStart();
		LocalDate to = from.plusYears(1).minusDays(1);
		String[][] cases = { { "AN", "cases.registered", "previous-year" }, { "AN", "cases.cleared", "previous-period" },
				{ "AN-DC", "fraud.registered", "baseline:" + (from.getYear() - 4) },
				{ "AN", "fraud.loss", "previous-year" } };
		BigDecimal registeredAtTheBureau = null;
		for (String[] c : cases) {
			String label = String.join(" ", c);
			JsonNode body = get("/api/v1/indicators/series?id={id}&unit={u}&from={f}&to={t}&compare={c}", c[1], c[0],
					from, to, c[2]);
			Figure year = indicators.compute(c[0], from.toString(), to.toString(), c[2], c[1], all()).indicators().get(0);
			JsonNode months = body.get("months");
			assertThat(months).as(label).hasSize(12);
			BigDecimal value = BigDecimal.ZERO;
			BigDecimal comparison = BigDecimal.ZERO;
			LocalDate expectedFrom = from;
			LocalDate expectedComparisonFrom = Comparison.of(c[2], from, to).orElseThrow().from();
			for (JsonNode m : months) {
				assertThat(LocalDate.parse(m.get("from").asString())).as(label).isEqualTo(expectedFrom);
				assertThat(LocalDate.parse(m.get("comparisonFrom").asString())).as(label).isEqualTo(expectedComparisonFrom);
				assertThat(m.get("month").asString()).as(label).isEqualTo(expectedFrom.toString().substring(0, 7));
				expectedFrom = LocalDate.parse(m.get("to").asString()).plusDays(1);
				expectedComparisonFrom = LocalDate.parse(m.get("comparisonTo").asString()).plusDays(1);
				value = value.add(new BigDecimal(m.get("value").asString()));
				comparison = comparison.add(new BigDecimal(m.get("comparisonValue").asString()));
			}
			assertThat(expectedFrom).as(label).isEqualTo(to.plusDays(1));
			assertThat(expectedComparisonFrom.minusDays(1)).as(label)
				.isEqualTo(Comparison.of(c[2], from, to).orElseThrow().to());
			assertThat(value).as(label).isEqualByComparingTo(year.value());
			assertThat(comparison).as(label).isEqualByComparingTo(year.comparisonValue());
			assertThat(new BigDecimal(body.get("total").get("value").asString())).as(label)
				.isEqualByComparingTo(year.value());
			if (c[1].equals("cases.registered")) {
				registeredAtTheBureau = year.value();
			}
		}
		// The demo data registers cases last year, so the sums above add up something.
		assertThat(registeredAtTheBureau).isPositive();
	}

	@Test
	void aMonthBesideTheSameMonthAYearEarlierCountsTheWholeOfThatMonth() throws Exception {
		// 2025 against 2024: February 2025 stands beside all of February 2024, the 29th included.
		JsonNode months = get("/api/v1/indicators/series?id=cases.cleared&unit=AN&from=2025-02-10&to=2025-03-31")
			.get("months");
		assertThat(months).hasSize(2);
		assertThat(months.get(0).get("from").asString()).isEqualTo("2025-02-10");
		assertThat(months.get(0).get("comparisonFrom").asString()).isEqualTo("2024-02-10");
		assertThat(months.get(0).get("comparisonTo").asString()).isEqualTo("2024-02-29");
		assertThat(months.get(1).get("comparisonFrom").asString()).isEqualTo("2024-03-01");
		assertThat(months.get(1).get("comparisonTo").asString()).isEqualTo("2024-03-31");
	}

	@Test
	void theRankingListsExactlyTheChildrenWithTheirOwnFiguresBestFirst() throws Exception {
		LocalDate from = lastYearStart();
		LocalDate to = from.plusYears(1).minusDays(1);
		for (String[] c : new String[][] { { "AN", "cases.registered" }, { "AN-DC", "fraud.registered" },
				{ "AN-DC", "cases.clearanceRate" } }) {
			String label = String.join(" ", c);
			JsonNode body = get("/api/v1/indicators/ranking?id={id}&unit={u}&from={f}&to={t}&compare=previous-year",
					c[1], c[0], from, to);
			Unit parent = organisation.findByCode(c[0]).orElseThrow();
			List<String> children = organisation.all()
				.stream()
				.filter(u -> parent.id().equals(u.parentId()))
				.map(Unit::code)
				.toList();
			assertThat(children).as(label).hasSizeGreaterThan(1);
			List<String> listed = new ArrayList<>();
			List<BigDecimal> values = new ArrayList<>();
			for (JsonNode place : body.get("units")) {
				String code = place.get("unit").asString();
				listed.add(code);
				Figure figure = indicators
					.compute(code, from.toString(), to.toString(), "previous-year", c[1], all())
					.indicators()
					.get(0);
				assertThat(decimal(place.get("value"))).as(label + " " + code)
					.usingComparator(BY_VALUE)
					.isEqualTo(figure.value());
				assertThat(decimal(place.get("comparisonValue"))).as(label + " " + code).usingComparator(BY_VALUE)
					.isEqualTo(figure.comparisonValue());
				assertThat(decimal(place.get("relativeChangePercent"))).as(label + " " + code).usingComparator(BY_VALUE)
					.isEqualTo(figure.relativeChangePercent());
				if (figure.value() != null) {
					values.add(figure.value());
				}
			}
			assertThat(listed).as(label).containsExactlyInAnyOrderElementsOf(children);
			boolean lower = body.get("lowerIsBetter").asBoolean();
			assertThat(lower).as(label).isEqualTo(c[1].equals("fraud.registered"));
			List<BigDecimal> sorted = new ArrayList<>(values);
			sorted.sort(lower ? java.util.Comparator.naturalOrder() : java.util.Comparator.reverseOrder());
			assertThat(values).as(label).containsExactlyElementsOf(sorted);
			assertThat(body.get("units").get(0).get("rank").asInt()).as(label).isEqualTo(1);
		}
	}

	@Test
	void aStationChiefOfAnotherUnitGetsNotFoundFromBoth() throws Exception {
		for (String path : List.of("series", "ranking")) {
			String uri = "/api/v1/indicators/" + path + "?id=cases.registered&unit={u}&from=2025-01-01&to=2025-12-31";
			assertThat(mvc.get().uri(uri, "AN-DC-01").with(DemoStaff.chief2())).as(path)
				.hasStatus(HttpStatus.NOT_FOUND);
			assertThat(mvc.get().uri(uri, "AN-DC-02").with(DemoStaff.chief2())).as(path).hasStatusOk();
		}
	}

	@Test
	void anUnknownIndicatorOrABadPeriodIsUnprocessableWithTheFieldNamed() throws Exception {
		for (String path : List.of("series", "ranking")) {
			MvcTestResult badId = mvc.get()
				.uri("/api/v1/indicators/" + path + "?id=cases.nope&unit=AN&from=2025-01-01&to=2025-12-31")
				.with(DemoStaff.command())
				.exchange();
			assertThat(badId).as(path).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
			assertThat(badId).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly("id");
			MvcTestResult everything = mvc.get()
				.uri("/api/v1/indicators/" + path + "?unit=NOPE&from=2025-02-01&to=2025-01-01")
				.with(DemoStaff.command())
				.exchange();
			assertThat(everything).as(path).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
			assertThat(everything).bodyJson()
				.extractingPath("$.errors[*].field")
				.asArray()
				.contains("id", "unit", "to");
		}
		MvcTestResult tooLong = mvc.get()
			.uri("/api/v1/indicators/series?id=cases.registered&unit=AN&from=2015-01-01&to=2025-12-31")
			.with(DemoStaff.command())
			.exchange();
		assertThat(tooLong).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(tooLong).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly("to");
	}

	static BigDecimal decimal(JsonNode node) {
		return node == null || node.isNull() ? null : new BigDecimal(node.asString());
	}
}
