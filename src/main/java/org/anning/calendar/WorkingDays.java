package org.anning.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.anning.web.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Working days under Chinese rules: Monday to Friday unless a holiday, plus the adjusted working days (调休). A
 * deadline of N working days is the N-th working day after the day of acceptance, which is not counted. A date
 * in a year without a schedule in the calendar is refused on its field, never guessed.
 * <p>
 * The calendar_day table is held in memory and reloaded after each change on this node; with several nodes,
 * another node sees an administrator's change only after its own restart.
 */
@Component
public class WorkingDays {

	private final CalendarDayRepository days;

	private volatile Snapshot snapshot;

	WorkingDays(CalendarDayRepository days) {
		this.days = days;
	}

	/** The N-th working day after {@code from}; {@code from} itself when N is 0. */
	public LocalDate deadline(LocalDate from, int workingDays) {
		Snapshot s = current();
		s.requireKnown(from, "from");
		if (workingDays < 0) {
			throw new InvalidInputException("workingDays", "calendar.workingDays.negative");
		}
		LocalDate day = from;
		for (int counted = 0; counted < workingDays;) {
			day = day.plusDays(1);
			if (!s.knows(day)) {
				throw new InvalidInputException("workingDays", "calendar.deadline.unknownYear", String.valueOf(day.getYear()));
			}
			if (s.isWorkingDay(day)) {
				counted++;
			}
		}
		return day;
	}

	public boolean isWorkingDay(LocalDate date) {
		Snapshot s = current();
		s.requireKnown(date, "date");
		return s.isWorkingDay(date);
	}

	/** The name of the holiday on a day off; empty on working days, adjusted working days included. */
	public Optional<String> holiday(LocalDate date, Locale locale) {
		Snapshot s = current();
		s.requireKnown(date, "date");
		return Optional.ofNullable(s.entries().get(date)).filter(d -> !d.working()).map(d -> d.name(locale));
	}

	/** The working days after {@code from} up to and including {@code to}. */
	public int workingDaysBetween(LocalDate from, LocalDate to) {
		Snapshot s = current();
		s.requireKnown(from, "from");
		s.requireKnown(to, "to");
		if (to.isBefore(from)) {
			throw new InvalidInputException("to", "calendar.to.beforeFrom");
		}
		int count = 0;
		for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
			if (!s.knows(day)) {
				throw new InvalidInputException("to", "calendar.date.unknownYear", String.valueOf(day.getYear()));
			}
			if (s.isWorkingDay(day)) {
				count++;
			}
		}
		return count;
	}

	/** Whether the calendar has entries for the date's year. */
	public boolean knows(LocalDate date) {
		return current().knows(date);
	}

	/** The day's entry, if it differs from the plain rule. */
	public Optional<CalendarDay> entry(LocalDate date) {
		return Optional.ofNullable(current().entries().get(date));
	}

	/** Reads the table again; called after the official days are loaded and after every change. */
	void reload() {
		snapshot = Snapshot.of(days.findAll(), days.scheduleYears());
	}

	private Snapshot current() {
		Snapshot s = snapshot;
		if (s == null) {
			reload();
			s = snapshot;
		}
		return s;
	}

	private record Snapshot(Map<LocalDate, CalendarDay> entries, Set<Integer> years) {

		static Snapshot of(List<CalendarDay> all, Set<Integer> years) {
			return new Snapshot(
					all.stream().collect(Collectors.toUnmodifiableMap(CalendarDay::date, Function.identity())),
					Set.copyOf(years));
		}

		boolean knows(LocalDate date) {
			return years.contains(date.getYear());
		}

		void requireKnown(LocalDate date, String field) {
			if (date == null) {
				throw new InvalidInputException(field, "calendar.date.required");
			}
			if (!knows(date)) {
				throw new InvalidInputException(field, "calendar.date.unknownYear", String.valueOf(date.getYear()));
			}
		}

		boolean isWorkingDay(LocalDate date) {
			CalendarDay entry = entries.get(date);
			if (entry != null) {
				return entry.working();
			}
			return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
		}
	}
}
