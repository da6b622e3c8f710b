package org.anning.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.anning.audit.AuditAction;
import org.anning.audit.AuditEntry;
import org.anning.audit.AuditTrail;
import org.anning.web.InvalidInputException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The calendar's days as administrators see and correct them: a month at a time, and one day set at a time, each
 * change audited in its own transaction.
 */
@Component
public class CalendarDays {

	private final CalendarDayRepository days;

	private final WorkingDays workingDays;

	private final AuditTrail audit;

	private final Clock clock;

	CalendarDays(CalendarDayRepository days, WorkingDays workingDays, AuditTrail audit, Clock clock) {
		this.days = days;
		this.workingDays = workingDays;
		this.audit = audit;
		this.clock = clock;
	}

	/** Every day of the month in order; empty when the calendar does not know the month's year. */
	public List<MonthDay> month(YearMonth month) {
		if (!workingDays.knows(month.atDay(1))) {
			return List.of();
		}
		List<MonthDay> result = new ArrayList<>();
		for (int d = 1; d <= month.lengthOfMonth(); d++) {
			LocalDate date = month.atDay(d);
			result.add(new MonthDay(date, workingDays.isWorkingDay(date), workingDays.entry(date)));
		}
		return result;
	}

	public Optional<CalendarDay> find(LocalDate date) {
		return workingDays.entry(date);
	}

	/** Adds or corrects a day; the change is audited with it and takes effect once committed. */
	@Transactional
	public CalendarDay set(LocalDate date, DaySetting setting) {
		if (date == null) {
			throw new InvalidInputException("date", "calendar.date.required");
		}
		if (setting.workingDay() == null) {
			throw new InvalidInputException("workingDay", "calendar.workingDay.required");
		}
		if (setting.nameZh() == null || setting.nameZh().isBlank()) {
			throw new InvalidInputException("nameZh", "calendar.nameZh.required");
		}
		String nameEn = setting.nameEn() == null || setting.nameEn().isBlank() ? null : setting.nameEn().strip();
		Optional<CalendarDay> before = days.find(date);
		// A correction keeps the day in its schedule; a new day belongs to its own year's.
		int scheduleYear = before.map(b -> days.scheduleYear(date)).orElse(date.getYear());
		CalendarDay day = new CalendarDay(date, setting.workingDay(), setting.nameZh().strip(), nameEn,
				CalendarDay.Source.ADMINISTRATOR);
		days.save(day, scheduleYear, clock.instant());
		audit.record(AuditEntry.of(AuditAction.UPDATE, "calendar-day", date)
			.detail("working=" + day.working() + " name=" + day.nameZh()
					+ before.map(b -> "; was working=" + b.working() + " name=" + b.nameZh() + " source="
							+ b.source().column())
						.orElse("; was not listed")));
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					workingDays.reload();
				}
			});
		}
		else {
			workingDays.reload();
		}
		return day;
	}

	/** One day of a month: whether it is a working day, and its entry if it differs from the plain rule. */
	public record MonthDay(LocalDate date, boolean working, Optional<CalendarDay> entry) {

		public boolean weekend() {
			return date.getDayOfWeek().getValue() >= 6;
		}

		/** A holiday that falls on a weekday or weekend and was declared a day off. */
		public boolean holiday() {
			return entry.isPresent() && !working;
		}

		/** The holiday's name in the given language, for a holiday or an adjusted working day; null otherwise. */
		public String name(java.util.Locale locale) {
			return entry.map(e -> e.name(locale)).orElse(null);
		}

		/** A weekend day declared a working day (调休). */
		public boolean adjustedWorkingDay() {
			return entry.isPresent() && working && weekend();
		}
	}
}
