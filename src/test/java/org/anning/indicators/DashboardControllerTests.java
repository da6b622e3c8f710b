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
}
