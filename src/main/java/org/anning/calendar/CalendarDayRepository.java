package org.anning.calendar;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The calendar_day table, read and written with plain SQL. */
@Repository
class CalendarDayRepository {

	private static final String SELECT = "SELECT date, working, name_zh, name_en, source FROM calendar_day";

	private final JdbcClient jdbc;

	CalendarDayRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<CalendarDay> findAll() {
		return jdbc.sql(SELECT + " ORDER BY date").query(CalendarDayRepository::map).list();
	}

	/** The years with a schedule: those the calendar knows. */
	Set<Integer> scheduleYears() {
		return Set.copyOf(jdbc.sql("SELECT DISTINCT schedule_year FROM calendar_day").query(Integer.class).list());
	}

	int scheduleYear(LocalDate date) {
		return jdbc.sql("SELECT schedule_year FROM calendar_day WHERE date = ?").param(date).query(Integer.class).single();
	}

	Optional<CalendarDay> find(LocalDate date) {
		return jdbc.sql(SELECT + " WHERE date = ?").param(date).query(CalendarDayRepository::map).optional();
	}

	/** Adds an official day unless the table already has that date (an administrator's correction wins). */
	int insertIfMissing(CalendarDay day, int scheduleYear, Instant now) {
		return jdbc.sql("""
				INSERT INTO calendar_day (date, working, name_zh, name_en, source, schedule_year, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (date) DO NOTHING
				""")
			.params(day.date(), day.working(), day.nameZh(), day.nameEn(), day.source().column(),
					scheduleYear, java.sql.Timestamp.from(now))
			.update();
	}

	void save(CalendarDay day, int scheduleYear, Instant now) {
		jdbc.sql("""
				INSERT INTO calendar_day (date, working, name_zh, name_en, source, schedule_year, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (date) DO UPDATE SET working = EXCLUDED.working, name_zh = EXCLUDED.name_zh,
				  name_en = EXCLUDED.name_en, source = EXCLUDED.source,
				  schedule_year = EXCLUDED.schedule_year, updated_at = EXCLUDED.updated_at
				""")
			.params(day.date(), day.working(), day.nameZh(), day.nameEn(), day.source().column(),
					scheduleYear, java.sql.Timestamp.from(now))
			.update();
	}

	private static CalendarDay map(ResultSet rs, int row) throws SQLException {
		return new CalendarDay(rs.getObject("date", LocalDate.class), rs.getBoolean("working"), rs.getString("name_zh"),
				rs.getString("name_en"), CalendarDay.Source.of(rs.getString("source")));
	}
}
