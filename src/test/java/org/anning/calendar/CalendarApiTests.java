package org.anning.calendar;

import java.util.List;
import java.util.Map;

import org.anning.AnningTest;
import org.anning.DemoStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

@AnningTest
class CalendarApiTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void deadlineSevenWorkingDaysAfter24January2025IsThe10thOfFebruaryForAnyone() {
		assertThat(mvc.get().uri("/api/v1/calendar/deadline?from=2025-01-24&workingDays=7")).hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo("{\"from\":\"2025-01-24\",\"workingDays\":7,\"deadline\":\"2025-02-10\"}");
	}

	@Test
	void deadlineIsTheSameForASignedInAdministrator() {
		assertThat(mvc.get().uri("/api/v1/calendar/deadline?from=2025-01-24&workingDays=7").with(DemoStaff.admin()))
			.hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo("{\"from\":\"2025-01-24\",\"workingDays\":7,\"deadline\":\"2025-02-10\"}");
	}

	@Test
	void the28thOfJanuary2025IsASpringFestivalHolidayForAnyone() {
		assertThat(mvc.get().uri("/api/v1/calendar/days/2025-01-28")).hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo("{\"date\":\"2025-01-28\",\"workingDay\":false,\"holiday\":\"春节\"}");
	}

	@Test
	void the28thOfJanuary2025IsTheSameForASignedInAdministrator() {
		assertThat(mvc.get().uri("/api/v1/calendar/days/2025-01-28").with(DemoStaff.admin())).hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo("{\"date\":\"2025-01-28\",\"workingDay\":false,\"holiday\":\"春节\"}");
	}

	@Test
	void anAdjustedWorkingDayOnASundayIsAWorkingDayWithoutHoliday() {
		assertThat(mvc.get().uri("/api/v1/calendar/days/2025-01-26")).hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo("{\"date\":\"2025-01-26\",\"workingDay\":true}");
	}

	@Test
	void aDayIn2031Answers422WithAFieldError() {
		var result = assertThat(mvc.get().uri("/api/v1/calendar/days/2031-03-03"))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		result.bodyJson().extractingPath("$.errors[0].field").isEqualTo("date");
		result.bodyJson().extractingPath("$.errors[0].message").asString().contains("2031");
	}

	@Test
	void aDeadlineFrom2031Answers422OnTheFromField() {
		assertThat(mvc.get().uri("/api/v1/calendar/deadline?from=2031-03-03&workingDays=3"))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactly("from");
	}

	@Test
	void aDeadlineRunningIntoAnUnknownYearAnswers422OnTheWorkingDaysField() {
		assertThat(mvc.get().uri("/api/v1/calendar/deadline?from=2026-12-30&workingDays=400"))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactly("workingDays");
	}

	@Test
	void anAdministratorsNewDayIsAuditedAndTakesEffect() {
		assertThat(mvc.get().uri("/api/v1/calendar/days/2032-01-01")).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);

		assertThat(mvc.put()
			.uri("/api/v1/calendar/days/2032-01-01")
			.with(DemoStaff.admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"workingDay\":false,\"nameZh\":\"元旦\",\"nameEn\":\"New Year's Day\"}"))
			.hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo("{\"date\":\"2032-01-01\",\"workingDay\":false,\"holiday\":\"元旦\"}");

		assertThat(mvc.get().uri("/api/v1/calendar/days/2032-01-01")).hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo("{\"date\":\"2032-01-01\",\"workingDay\":false,\"holiday\":\"元旦\"}");
		// Friday 2 January 2032 is not counted: two working days later is Tuesday 6 January
		assertThat(mvc.get().uri("/api/v1/calendar/deadline?from=2032-01-02&workingDays=2")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.deadline")
			.isEqualTo("2032-01-06");

		List<Map<String, Object>> entries = jdbc
			.sql("SELECT action, actor_id, detail FROM audit_event WHERE object_type = 'calendar-day' AND object_id = ?")
			.param("2032-01-01")
			.query()
			.listOfRows();
		assertThat(entries).singleElement().satisfies(e -> {
			assertThat(e).containsEntry("action", "UPDATE");
			assertThat(e.get("actor_id")).hasToString(DemoStaff.accountId("admin").value().toString());
			assertThat((String) e.get("detail")).contains("working=false", "元旦", "was not listed");
		});
	}

	@Test
	void anAdministratorCorrectsAnOfficialDayAndTheAuditSaysWhatItWas() {
		assertThat(mvc.put()
			.uri("/api/v1/calendar/days/2019-10-12")
			.with(DemoStaff.admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"workingDay\":false,\"nameZh\":\"元旦\"}")).hasStatusOk();

		assertThat(mvc.get().uri("/api/v1/calendar/days/2019-10-12")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.workingDay")
			.isEqualTo(false);
		assertThat(jdbc.sql("SELECT source FROM calendar_day WHERE date = DATE '2019-10-12'").query(String.class).single())
			.isEqualTo("administrator");
		assertThat(jdbc
			.sql("SELECT detail FROM audit_event WHERE object_type = 'calendar-day' AND object_id = '2019-10-12'")
			.query(String.class)
			.list()).singleElement().asString().contains("working=false", "was working=true", "source=official");
	}

	@Test
	void aStationChiefMayNotSetADay() {
		assertThat(mvc.put()
			.uri("/api/v1/calendar/days/2033-01-03")
			.with(DemoStaff.chief())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"workingDay\":false,\"nameZh\":\"元旦\"}")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/api/v1/calendar/days/2033-01-03")).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
	}

	@Test
	void anonymousMayNotSetADay() {
		assertThat(mvc.put()
			.uri("/api/v1/calendar/days/2033-01-03")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"workingDay\":false,\"nameZh\":\"元旦\"}")).hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void aSettingWithoutChineseNameAnswers422OnThatField() {
		assertThat(mvc.put()
			.uri("/api/v1/calendar/days/2034-01-02")
			.with(DemoStaff.admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"workingDay\":false}"))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactly("nameZh");
	}
}
