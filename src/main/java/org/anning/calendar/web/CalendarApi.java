package org.anning.calendar.web;

import java.time.LocalDate;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.anning.calendar.CalendarDay;
import org.anning.calendar.CalendarDays;
import org.anning.calendar.DaySetting;
import org.anning.calendar.WorkingDays;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The working-day calendar over JSON. Reading is public information (the API chain lets anyone GET it); only
 * administrators set a day.
 */
@RestController
@RequestMapping("/api/v1/calendar")
@Tag(name = "Calendar", description = "Working days, statutory holidays and adjusted working days; deadlines")
class CalendarApi {

	private final WorkingDays workingDays;

	private final CalendarDays days;

	CalendarApi(WorkingDays workingDays, CalendarDays days) {
		this.workingDays = workingDays;
		this.days = days;
	}

	@GetMapping("/deadline")
	@Operation(summary = "The deadline N working days after a day",
			description = "The day itself is not counted: the deadline is the N-th working day after it.")
	@ApiResponse(responseCode = "200", description = "The deadline")
	@ApiResponse(responseCode = "422", description = "A date in a year the calendar does not know, or a negative count")
	Deadline deadline(
			@Parameter(example = "2025-01-24") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@Parameter(example = "7") @RequestParam int workingDays) {
		return new Deadline(from, workingDays, this.workingDays.deadline(from, workingDays));
	}

	@GetMapping("/days/{date}")
	@Operation(summary = "One day: working or not, and the holiday on a day off")
	@ApiResponse(responseCode = "200", description = "The day")
	@ApiResponse(responseCode = "422", description = "A date in a year the calendar does not know")
	Day day(@Parameter(example = "2025-01-28") @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
		return new Day(date, workingDays.isWorkingDay(date), workingDays.holiday(date, Locale.CHINESE).orElse(null));
	}

	@PutMapping("/days/{date}")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	@Operation(summary = "Add or correct a day (administrators)",
			description = "A holiday (workingDay false) or an adjusted working day (true), named after its holiday. "
					+ "The first day entered for a year makes the calendar know that year.")
	@ApiResponse(responseCode = "200", description = "The day as now set")
	@ApiResponse(responseCode = "422", description = "Invalid input, with one entry per field in errors")
	Day set(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@Valid @RequestBody DaySetting setting) {
		CalendarDay day = days.set(date, setting);
		return new Day(date, day.working(), day.working() ? null : day.nameZh());
	}

	record Deadline(LocalDate from, int workingDays, LocalDate deadline) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Day(LocalDate date, boolean workingDay, String holiday) {
	}
}
