package org.anning.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.anning.AnningTest;
import org.anning.web.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@AnningTest
class WorkingDaysTests {

	@Autowired
	WorkingDays workingDays;

	@Test
	void agreesWithTheOfficialScheduleOnEveryDayOf2024To2026() throws IOException {
		Map<LocalDate, Boolean> offDays = new HashMap<>();
		Map<LocalDate, String> names = new HashMap<>();
		for (int year = 2024; year <= 2026; year++) {
			try (InputStream in = getClass().getResourceAsStream("/org/anning/calendar/cn-holidays/" + year + ".json")) {
				assertThat(in).as("schedule of " + year).isNotNull();
				for (JsonNode day : JsonMapper.builder().build().readTree(in).get("days")) {
					LocalDate date = LocalDate.parse(day.get("date").asString());
					offDays.put(date, day.get("isOffDay").asBoolean());
					names.put(date, day.get("name").asString());
				}
			}
		}
		assertThat(offDays).hasSizeGreaterThan(100);
		int checked = 0;
		for (LocalDate date = LocalDate.of(2024, 1, 1); date.getYear() <= 2026; date = date.plusDays(1)) {
			boolean weekday = date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
			boolean expected = offDays.containsKey(date) ? !offDays.get(date) : weekday;
			assertThat(workingDays.isWorkingDay(date)).as(date.toString()).isEqualTo(expected);
			assertThat(workingDays.holiday(date, Locale.CHINESE)).as("holiday on " + date)
				.isEqualTo(Boolean.TRUE.equals(offDays.get(date)) ? java.util.Optional.of(names.get(date))
						: java.util.Optional.empty());
			checked++;
		}
		assertThat(checked).isEqualTo(366 + 365 + 365);
	}

	@Test
	void applicationAcceptedOn27September2024WithThreeWorkingDaysIsDueOn8October() {
		assertThat(workingDays.deadline(LocalDate.of(2024, 9, 27), 3)).isEqualTo(LocalDate.of(2024, 10, 8));
	}

	@Test
	void sevenWorkingDaysFrom24January2025EndOn10FebruaryAcrossTheSpringFestival() {
		assertThat(workingDays.deadline(LocalDate.of(2025, 1, 24), 7)).isEqualTo(LocalDate.of(2025, 2, 10));
	}

	@Test
	void theDayOfAcceptanceIsNotCountedEvenOnAWorkingDay() {
		// Monday 3 March 2025: one working day later is Tuesday
		assertThat(workingDays.deadline(LocalDate.of(2025, 3, 3), 1)).isEqualTo(LocalDate.of(2025, 3, 4));
		assertThat(workingDays.deadline(LocalDate.of(2025, 3, 3), 0)).isEqualTo(LocalDate.of(2025, 3, 3));
	}

	@Test
	void anAdjustedWorkingSundayCountsTowardsTheDeadline() {
		// Saturday 25 January 2025 accepted; Sunday 26 January is an adjusted working day (调休)
		assertThat(workingDays.deadline(LocalDate.of(2025, 1, 25), 1)).isEqualTo(LocalDate.of(2025, 1, 26));
	}

	@Test
	void countsWorkingDaysAfterTheFirstDayUpToAndIncludingTheLast() {
		assertThat(workingDays.workingDaysBetween(LocalDate.of(2024, 9, 27), LocalDate.of(2024, 10, 8))).isEqualTo(3);
		assertThat(workingDays.workingDaysBetween(LocalDate.of(2025, 1, 24), LocalDate.of(2025, 2, 10))).isEqualTo(7);
		assertThat(workingDays.workingDaysBetween(LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 3))).isZero();
	}

	@Test
	void aDateInAYearWithoutEntriesIsRefusedOnItsField() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> workingDays.isWorkingDay(LocalDate.of(2031, 5, 1)))
			.satisfies(e -> assertThat(e.problems()).singleElement().satisfies(p -> {
				assertThat(p.field()).isEqualTo("date");
				assertThat(p.code()).isEqualTo("calendar.date.unknownYear");
			}));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> workingDays.deadline(LocalDate.of(2018, 12, 28), 1))
			.satisfies(e -> assertThat(e.problems()).singleElement().extracting(p -> p.field()).isEqualTo("from"));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> workingDays.workingDaysBetween(LocalDate.of(2026, 12, 1), LocalDate.of(2031, 1, 2)))
			.satisfies(e -> assertThat(e.problems()).singleElement().extracting(p -> p.field()).isEqualTo("to"));
	}

	@Test
	void theHolidayHasAnEnglishNameInEnglish() {
		assertThat(workingDays.holiday(LocalDate.of(2025, 1, 28), Locale.ENGLISH)).contains("Spring Festival");
		assertThat(workingDays.holiday(LocalDate.of(2025, 1, 26), Locale.CHINESE)).isEmpty();
	}
}
