package org.anning.services;

import java.time.Duration;

import org.anning.operations.ClusterJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the service hall's clocks: submissions nobody took in within five working days count as accepted, and
 * applications at 80 % of their time or past their deadline are flagged. Runs once per cluster, however many
 * nodes there are; every change is idempotent, so a second run finds nothing more to do.
 */
@Component
class DeadlineWatch {

	static final String JOB = "services.deadline-watch";

	private static final Logger log = LoggerFactory.getLogger(DeadlineWatch.class);

	private final Applications applications;

	private final ClusterJobs jobs;

	private final TransactionTemplate transactions;

	private final ServiceHallSettings settings;

	DeadlineWatch(Applications applications, ClusterJobs jobs, TransactionTemplate transactions,
			ServiceHallSettings settings) {
		this.applications = applications;
		this.jobs = jobs;
		this.transactions = transactions;
		this.settings = settings;
	}

	@Scheduled(fixedDelayString = "${anning.services.deadline-watch:10m}", initialDelayString = "${anning.services.deadline-watch:10m}")
	void tick() {
		// Claimed for a little less than the interval, so that this node's next tick may claim it again.
		jobs.runOnce(JOB, settings.deadlineWatch().minus(settings.deadlineWatch().dividedBy(10)), this::run);
	}

	/** One pass; returns how many applications it changed. */
	int run() {
		Integer changed = transactions.execute(status -> applications.acceptOverdueIntakes() + applications.flagDeadlines());
		if (changed != null && changed > 0) {
			log.info("Deadline watch flagged or accepted {} applications", changed);
		}
		return changed == null ? 0 : changed;
	}

	Duration interval() {
		return settings.deadlineWatch();
	}
}
