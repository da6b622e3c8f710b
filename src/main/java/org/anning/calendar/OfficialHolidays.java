package org.anning.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the official schedules (State Council notices, as published by holiday-cn) into the calendar at start-up.
 * A day already in the table is left alone, so loading again changes nothing and an administrator's correction
 * stays.
 */
@Component
@Order(5)
class OfficialHolidays implements ApplicationRunner {

	static final String LOCATION = "classpath:org/anning/calendar/cn-holidays/*.json";

	private static final Logger log = LoggerFactory.getLogger(OfficialHolidays.class);

	/** English names of the holidays as the notices name them; a name not listed here stays without one. */
	private static final Map<String, String> ENGLISH = Map.of("元旦", "New Year's Day", "春节", "Spring Festival",
			"清明节", "Qingming Festival", "劳动节", "Labour Day", "端午节", "Dragon Boat Festival", "中秋节",
			"Mid-Autumn Festival", "国庆节", "National Day", "中秋节、国庆节", "Mid-Autumn Festival and National Day",
			"国庆节、中秋节", "National Day and Mid-Autumn Festival");

	private final CalendarDayRepository days;

	private final WorkingDays workingDays;

	private final Clock clock;

	OfficialHolidays(CalendarDayRepository days, WorkingDays workingDays, Clock clock) {
		this.days = days;
		this.workingDays = workingDays;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) throws IOException {
		Instant now = clock.instant();
		int added = 0;
		JsonMapper json = JsonMapper.builder().build();
		for (Resource file : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
			try (InputStream in = file.getInputStream()) {
				JsonNode schedule = json.readTree(in);
				int year = schedule.get("year").asInt();
				for (JsonNode day : schedule.get("days")) {
					String name = day.get("name").asString();
					added += days.insertIfMissing(new CalendarDay(LocalDate.parse(day.get("date").asString()),
							!day.get("isOffDay").asBoolean(), name, ENGLISH.get(name), CalendarDay.Source.OFFICIAL), year, now);
				}
			}
		}
		if (added > 0) {
			log.info("Added {} official calendar days", added);
		}
		workingDays.reload();
	}
}
