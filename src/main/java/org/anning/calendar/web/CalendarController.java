package org.anning.calendar.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;

import org.anning.calendar.CalendarDays;
import org.anning.calendar.CalendarDays.MonthDay;
import org.anning.web.InvalidInputException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff desk's calendar: a month at a time with holidays and adjusted working days marked; administrators set
 * a day from the same page.
 */
@Controller
@RequestMapping("/desk/calendar")
class CalendarController {

	private final CalendarDays days;

	private final Clock clock;

	private final SpringValidatorAdapter validator;

	CalendarController(CalendarDays days, Clock clock, Validator validator) {
		this.days = days;
		this.clock = clock;
		this.validator = new SpringValidatorAdapter(validator);
	}

	/** The month, or for htmx only the month's table, so that paging works with and without JavaScript. */
	@GetMapping
	String showMonth(@RequestParam(name = "month", required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
			@RequestParam(name = "date", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			HtmxRequest htmx, HttpServletResponse response, Model model) {
		YearMonth shown = month != null ? month : date != null ? YearMonth.from(date) : YearMonth.now(clock);
		LocalDate chosen = date != null ? date : shown.atDay(1);
		model.addAttribute("day", DayForm.of(chosen, days.find(chosen).orElse(null)));
		response.addHeader(HttpHeaders.VARY, "HX-Request");
		showMonth(shown, model);
		return htmx.isHtmxRequest() && !htmx.isHistoryRestoreRequest() ? "desk/calendar/month :: month"
				: "desk/calendar/month";
	}

	@PostMapping("/days")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	String processDayForm(@ModelAttribute("day") DayForm form, BindingResult result, RedirectAttributes redirect,
			Model model) {
		if (form.getDate() == null && !result.hasFieldErrors("date")) {
			result.rejectValue("date", "calendar.date.required");
		}
		validator.validate(form.toDaySetting(), result);
		if (!result.hasErrors()) {
			try {
				days.set(form.getDate(), form.toDaySetting());
				redirect.addAttribute("month", YearMonth.from(form.getDate()).toString());
				redirect.addAttribute("date", form.getDate().toString());
				redirect.addFlashAttribute("notice", "calendar.notice.saved");
				return "redirect:/desk/calendar";
			}
			catch (InvalidInputException ex) {
				ex.applyTo(result);
			}
		}
		showMonth(form.getDate() != null ? YearMonth.from(form.getDate()) : YearMonth.now(clock), model);
		return "desk/calendar/month";
	}

	private void showMonth(YearMonth month, Model model) {
		List<MonthDay> all = days.month(month);
		model.addAttribute("month", month);
		model.addAttribute("previous", month.minusMonths(1));
		model.addAttribute("next", month.plusMonths(1));
		model.addAttribute("known", !all.isEmpty());
		model.addAttribute("weeks", weeks(month, all));
	}

	/** The month's days in rows of Monday to Sunday, with nulls before the first and after the last day. */
	static List<List<MonthDay>> weeks(YearMonth month, List<MonthDay> all) {
		List<List<MonthDay>> weeks = new ArrayList<>();
		if (all.isEmpty()) {
			return weeks;
		}
		List<MonthDay> week = new ArrayList<>();
		for (int i = 1; i < month.atDay(1).getDayOfWeek().getValue(); i++) {
			week.add(null);
		}
		for (MonthDay day : all) {
			week.add(day);
			if (week.size() == 7) {
				weeks.add(week);
				week = new ArrayList<>();
			}
		}
		if (!week.isEmpty()) {
			while (week.size() < 7) {
				week.add(null);
			}
			weeks.add(week);
		}
		return weeks;
	}
}
