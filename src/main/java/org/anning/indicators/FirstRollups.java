package org.anning.indicators;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds the rollups from the records once, when a database has never had them built (a new installation, or one
 * upgraded from a version without rollups); from then on events keep them current. Runs after the demo data.
 */
@Component
@Order(1000)
@org.springframework.context.annotation.Profile("!command")
class FirstRollups implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstRollups.class);

	private final Rollups rollups;

	private final JdbcClient jdbc;

	FirstRollups(Rollups rollups, JdbcClient jdbc) {
		this.rollups = rollups;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		boolean built = jdbc.sql("SELECT EXISTS (SELECT 1 FROM rollup_rebuild)").query(Boolean.class).single();
		if (!built) {
			long started = System.nanoTime();
			long rows = rollups.rebuild();
			log.info("Indicator rollups built from the records: {} rows in {} ms", rows,
					(System.nanoTime() - started) / 1_000_000);
		}
	}
}
