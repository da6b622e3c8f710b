package org.anning.indicators;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Builds a source's rollups from the records once, when this database never had them built (a new installation,
 * or one upgraded from a version without them); from then on events keep them current. Runs after the demo data.
 */
@Component
@Order(1000)
@org.springframework.context.annotation.Profile("!command")
class FirstRollups implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstRollups.class);

	private final Rollups rollups;

	FirstRollups(Rollups rollups) {
		this.rollups = rollups;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (DailySource source : rollups.neverBuilt()) {
			long started = System.nanoTime();
			long rows = rollups.rebuild(source);
			log.info("Indicator rollups of {} built from the records: {} rows in {} ms", source.name(), rows,
					(System.nanoTime() - started) / 1_000_000);
		}
	}
}
