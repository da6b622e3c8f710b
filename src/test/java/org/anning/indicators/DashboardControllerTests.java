package org.anning.indicators;

import java.time.Clock;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.anning.AnningTest;
import org.anning.DemoStaff;
import org.anning.units.Organisation;
import org.anning.units.Unit;
import org.anning.units.UnitScope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The indicators dashboard and its drill-down pages on the desk. */
@AnningTest
class DashboardControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Indicators indicators;

	@Autowired
	Organisation organisation;

	@Autowired
	Clock clock;

	LocalDate lastYearStart() {
		return LocalDate.now(clock).minusYears(1).withDayOfYear(1);
	}

	LocalDate lastYearEnd() {
		return lastYearStart().plusYears(1).minusDays(1);
	}

	@Test
	void theDashboardForTheBureauOverLastYearShowsTheFraudPanelAndEveryName() throws Exception {
		mvc.perform(get("/desk/indicators").param("unit", "AN")
			.param("from", lastYearStart().toString())
			.param("to", lastYearEnd().toString())
			.param("compare", "previous-year")
			.with(DemoStaff.command()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"fraud-panel\""), containsString("三升一降"),
					containsString("id=\"panel-fraud.cleared\""), containsString("id=\"panel-fraud.registered\""),
					containsString("电信网络诈骗破案数"), containsString("满意率"), containsString("同比"),
					containsString("id=\"figure-services.rectifiedRate\""),
					containsString("href=\"/desk/indicators/fraud.cleared/records?unit=AN&amp;from=" + lastYearStart()))));
	}

	@Test
	void aChiefSeesTheirOwnStationButNotTheirSibling() throws Exception {
		mvc.perform(get("/desk/indicators").with(DemoStaff.chief()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"figures\""), containsString("value=\"AN-DC-01\""),
					not(containsString("value=\"AN-DC-02\"")))));
		mvc.perform(get("/desk/indicators").param("unit", "AN-DC-01").with(DemoStaff.chief()))
			.andExpect(status().isOk());
		mvc.perform(get("/desk/indicators").param("unit", "AN-DC-02").with(DemoStaff.chief()))
			.andExpect(status().isNotFound());
		mvc.perform(get("/desk/indicators/cases.cleared/records").param("unit", "AN-DC-01")
			.param("from", lastYearStart().toString())
			.param("to", lastYearEnd().toString())
			.with(DemoStaff.chief2())).andExpect(status().isNotFound());
	}

	@Test
	void aReversedPeriodShowsTheProblemBesideTheForm() throws Exception {
		mvc.perform(get("/desk/indicators").param("unit", "AN")
			.param("from", "2025-12-31")
			.param("to", "2025-01-01")
			.with(DemoStaff.command()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"problem-to\""), containsString("结束日期不能早于开始日期"),
					containsString("id=\"indicator-form\""), not(containsString("id=\"figures\"")))));
	}

	@Test
	void theRecordsPageListsLinesAndItsTotalEqualsTheFigure() throws Exception {
		UnitScope all = new UnitScope(organisation.all().stream().map(Unit::id).collect(Collectors.toSet()));
		for (String id : new String[] { "cases.registered", "fraud.cleared" }) {
			Figure figure = indicators
				.compute("AN", lastYearStart().toString(), lastYearEnd().toString(), "previous-year", id, all)
				.indicators()
				.get(0);
			String html = mvc
				.perform(get("/desk/indicators/" + id + "/records").param("unit", "AN")
					.param("from", lastYearStart().toString())
					.param("to", lastYearEnd().toString())
					.with(DemoStaff.command()))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			Matcher total = Pattern.compile("id=\"numerator-total\">(\\d+)<").matcher(html);
			assertThat(total.find()).as(id).isTrue();
			assertThat(Long.parseLong(total.group(1))).as(id).isEqualTo(figure.value().longValueExact());
			long lines = Pattern.compile("class=\"record-line\"").matcher(html).results().count();
			assertThat(lines).as(id).isEqualTo(Math.min(figure.value().longValueExact(), 50));
			if (figure.value().signum() > 0) {
				assertThat(html).contains("href=\"/desk/cases/");
			}
			if (figure.value().longValueExact() > 50) {
				assertThat(html).contains("id=\"next\"");
			}
		}
	}

	@Test
	void theEnglishPageHasNoChineseInItsHeadings() throws Exception {
		String html = mvc
			.perform(get("/desk/indicators").param("unit", "AN")
				.param("from", lastYearStart().toString())
				.param("to", lastYearEnd().toString())
				.param("lang", "en")
				.with(DemoStaff.command()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("Telecom fraud cases cleared", "percentage points", "three up, one down");
		Matcher headings = Pattern.compile("(?s)<(h1|h2|th)[^>]*>(.*?)</\\1>").matcher(html);
		int count = 0;
		while (headings.find()) {
			count++;
			assertThat(headings.group(2)).doesNotContainPattern("\\p{IsHan}");
		}
		assertThat(count).isGreaterThan(20);
	}

	@Test
	void thePageShowsTheUnitTreeTheMonthTableTheRankingTheChartsAndEveryExport() throws Exception {
		String from = lastYearStart().toString();
		String to = lastYearEnd().toString();
		String html = mvc
			.perform(get("/desk/indicators").param("unit", "AN-DC")
				.param("from", from)
				.param("to", to)
				.param("compare", "previous-year")
				.param("indicator", "cases.registered")
				.with(DemoStaff.command()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		// The tree: the bureau at the top, a sub-bureau one level in, its stations two levels in, a post three.
		assertThat(html).contains("<option value=\"AN\">AN · ", "<option value=\"AN-DC\" selected=\"selected\">\u3000\u3000AN-DC · ",
				"<option value=\"AN-DC-01\">\u3000\u3000\u3000\u3000AN-DC-01 · ",
				"<option value=\"AN-DC-01-P1\">\u3000\u3000\u3000\u3000\u3000\u3000AN-DC-01-P1 · ");
		assertThat(html.indexOf("value=\"AN-DC-05\"")).isLessThan(html.indexOf("value=\"AN-NS\""));
		// Twelve months in the table, the chart containers and their data, and the ranking of the five stations.
		assertThat(Pattern.compile("class=\"month-row\"").matcher(html).results().count()).isEqualTo(12);
		assertThat(html).contains("id=\"series\"", "id=\"chart-months\"", "id=\"chart-units\"", "id=\"chart-data\"",
				"/webjars/echarts/", "/dist/echarts.min.js", "/js/indicator-charts.js", "id=\"ranking\"");
		assertThat(Pattern.compile("class=\"rank-row\"").matcher(html).results().count()).isEqualTo(5);
		assertThat(html).contains("href=\"/desk/indicators?unit=AN-DC-03&amp;from=" + from);
		String query = "?unit=AN-DC&amp;from=" + from + "&amp;to=" + to + "&amp;compare=previous-year\"";
		assertThat(html).contains("id=\"export-csv\" href=\"/desk/indicators/export.csv" + query,
				"id=\"export-xlsx\" href=\"/desk/indicators/export.xlsx" + query,
				"id=\"export-pdf\" href=\"/desk/indicators/export.pdf" + query);
		// The trail leads back up to the bureau.
		assertThat(html).contains("id=\"trail-AN\"", "id=\"trail-AN-DC\"");
	}

	@Test
	void theMonthTableAndTheChartDataCarryTheSameNumbers() throws Exception {
		String html = mvc
			.perform(get("/desk/indicators").param("unit", "AN")
				.param("period", "year")
				.param("year", String.valueOf(lastYearStart().getYear()))
				.param("indicator", "cases.registered")
				.with(DemoStaff.command()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher data = Pattern.compile("(?s)id=\"chart-data\">(.*?)</script>").matcher(html);
		assertThat(data.find()).isTrue();
		var json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(data.group(1));
		assertThat(json.get("months").get("labels").get(0).asString()).isEqualTo(lastYearStart().toString().substring(0, 7));
		for (int m = 0; m < 12; m++) {
			String month = lastYearStart().plusMonths(m).toString().substring(0, 7);
			Matcher cell = Pattern.compile("(?s)id=\"month-" + month + "\".*?<td><a [^>]*>(\\d+)</a>").matcher(html);
			assertThat(cell.find()).as(month).isTrue();
			assertThat(json.get("months").get("values").get(m).asLong()).as(month).isEqualTo(Long.parseLong(cell.group(1)));
		}
	}

	@Test
	void aMonthOrAQuarterFromThePickerBecomesItsDatesAndABadYearIsShownBesideTheForm() throws Exception {
		int year = lastYearStart().getYear();
		mvc.perform(get("/desk/indicators").param("unit", "AN")
			.param("period", "month")
			.param("year", String.valueOf(year))
			.param("month", "2")
			.with(DemoStaff.command()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(
					containsString("value=\"" + LocalDate.of(year, 2, 1) + "\""),
					containsString("value=\"" + LocalDate.of(year, 3, 1).minusDays(1) + "\""),
					containsString("id=\"period-month\" name=\"period\" value=\"month\" checked=\"checked\""),
					containsString("id=\"month-" + year + "-02\""), not(containsString("id=\"month-" + year + "-03\"")))));
		mvc.perform(get("/desk/indicators").param("unit", "AN")
			.param("period", "quarter")
			.param("year", String.valueOf(year))
			.param("quarter", "3")
			.with(DemoStaff.command()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"month-" + year + "-07\""),
					containsString("id=\"month-" + year + "-09\""), not(containsString("id=\"month-" + year + "-10\"")))));
		mvc.perform(get("/desk/indicators").param("unit", "AN")
			.param("period", "year")
			.param("year", "20x5")
			.with(DemoStaff.command()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"problem-year\""), containsString("四位数的年份"),
					containsString("value=\"20x5\""), not(containsString("id=\"figures\"")))));
	}

	@Test
	void aUnitWithoutSubUnitsSaysSoAndAnUnknownIndicatorKeepsTheFigures() throws Exception {
		mvc.perform(get("/desk/indicators").param("unit", "AN-DC-02")
			.param("from", lastYearStart().toString())
			.param("to", lastYearEnd().toString())
			.with(DemoStaff.chief2()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"no-subunits\""), containsString("id=\"series\""),
					not(containsString("id=\"ranking\"")))));
		mvc.perform(get("/desk/indicators").param("unit", "AN")
			.param("indicator", "cases.nope")
			.with(DemoStaff.command()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"problem-indicator\""), containsString("cases.nope"),
					containsString("id=\"figures\""), not(containsString("id=\"series\"")))));
	}
}
