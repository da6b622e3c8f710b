package org.anning.calendar;

import java.time.LocalDate;

import org.anning.AnningTest;
import org.anning.DemoStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

@AnningTest
class CalendarControllerTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	WorkingDays workingDays;

	@Autowired
	JdbcClient jdbc;

	@Test
	void monthPageMarksHolidaysAndAdjustedWorkingDaysForAnyStaff() {
		assertThat(mvc.get().uri("/desk/calendar").param("month", "2025-01").with(DemoStaff.frontDesk()))
			.hasStatusOk()
			.hasViewName("desk/calendar/month")
			.bodyText()
			.contains("<html", "2025年1月", "id=\"day-2025-01-28\"", "春节", "调休上班（春节）", "href=\"/desk/calendar\"")
			.contains("hx-get=\"/desk/calendar?month=2025-02\"", "href=\"/desk/calendar?month=2025-02\"")
			.doesNotContain("id=\"day-form\"");
	}

	@Test
	void monthPageAnswersAnHtmxRequestWithOnlyTheMonth() {
		assertThat(mvc.get()
			.uri("/desk/calendar")
			.param("month", "2025-10")
			.header("HX-Request", "true")
			.with(DemoStaff.frontDesk())).hasStatusOk()
			.hasViewName("desk/calendar/month :: month")
			.bodyText()
			.startsWith("<div id=\"calendar-month\"")
			.doesNotContain("<html")
			.contains("id=\"day-2025-10-01\"", "国庆节、中秋节");
	}

	@Test
	void monthOfAYearWithoutScheduleSaysSoInsteadOfGuessing() {
		assertThat(mvc.get().uri("/desk/calendar").param("month", "2031-05").with(DemoStaff.frontDesk()))
			.hasStatusOk()
			.bodyText()
			.contains("id=\"unknown-year\"", "2031")
			.doesNotContain("id=\"day-2031-05-01\"");
	}

	@Test
	void administratorSetsADayFromThePageAndItIsAuditedAndTakesEffect() {
		assertThat(mvc.get().uri("/desk/calendar").param("month", "2035-01").with(DemoStaff.admin())).hasStatusOk()
			.bodyText()
			.contains("id=\"day-form\"", "id=\"unknown-year\"");

		assertThat(mvc.post()
			.uri("/desk/calendar/days")
			.param("date", "2035-01-01")
			.param("workingDay", "false")
			.param("nameZh", "元旦")
			.param("nameEn", "New Year's Day")
			.with(DemoStaff.admin())
			.with(csrf())).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/desk/calendar?month=2035-01&date=2035-01-01");

		assertThat(workingDays.isWorkingDay(LocalDate.of(2035, 1, 1))).isFalse();
		assertThat(workingDays.isWorkingDay(LocalDate.of(2035, 1, 2))).isTrue();
		assertThat(jdbc
			.sql("SELECT count(*) FROM audit_event WHERE object_type = 'calendar-day' AND object_id = '2035-01-01'")
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(mvc.get().uri("/desk/calendar").param("month", "2035-01").with(DemoStaff.admin())).hasStatusOk()
			.bodyText()
			.contains("id=\"day-2035-01-01\"", "元旦");
	}

	@Test
	void formWithoutNameIsShownAgainWithTheErrorAndWhatWasTyped() {
		assertThat(mvc.post()
			.uri("/desk/calendar/days")
			.param("date", "2036-02-02")
			.param("workingDay", "true")
			.param("nameEn", "Spring Festival")
			.with(DemoStaff.admin())
			.with(csrf())).hasStatusOk()
			.hasViewName("desk/calendar/month")
			.bodyText()
			.contains("id=\"nameZh-error\"", "请输入节日的中文名称", "value=\"Spring Festival\"", "value=\"2036-02-02\"");
		assertThat(workingDays.knows(LocalDate.of(2036, 2, 2))).isFalse();
	}

	@Test
	void nonAdministratorMayNotSetADay() {
		assertThat(mvc.post()
			.uri("/desk/calendar/days")
			.param("date", "2037-01-01")
			.param("workingDay", "false")
			.param("nameZh", "元旦")
			.with(DemoStaff.chief())
			.with(csrf())).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(workingDays.knows(LocalDate.of(2037, 1, 1))).isFalse();
	}
}
