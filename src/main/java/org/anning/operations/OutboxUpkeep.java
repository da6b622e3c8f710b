package org.anning.operations;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the outbox (the event publication log) on one node of the cluster at a time: hands events that were
 * stored with a change but never completed (the node handling them crashed, or the handler failed) to their
 * listeners again, and forgets completed events after {@code anning.outbox.keep-completed}.
 * <p>
 * Every node handles the events of its own requests right after they commit. Replaying every incomplete event
 * when a node starts, as a single node would, would also replay the events another live node is handling at
 * that moment; so only events older than {@code anning.outbox.resubmit-after} are resubmitted, by whichever node
 * claims the job ({@link ClusterJobs}), and the registry claims each publication before it resubmits it, so that
 * a publication is handed out once even if two resubmissions overlap.
 */
@Component
class OutboxUpkeep {

	static final String JOB = "operations.outbox";

	private static final Logger log = LoggerFactory.getLogger(OutboxUpkeep.class);

	private final IncompleteEventPublications incomplete;

	private final CompletedEventPublications completed;

	private final ClusterJobs jobs;

	private final Duration resubmitAfter;

	private final Duration every;

	private final Duration keepCompleted;

	OutboxUpkeep(IncompleteEventPublications incomplete, CompletedEventPublications completed, ClusterJobs jobs,
			@Value("${anning.outbox.resubmit-after:5m}") Duration resubmitAfter,
			@Value("${anning.outbox.resubmit-every:1m}") Duration every,
			@Value("${anning.outbox.keep-completed:7d}") Duration keepCompleted) {
		for (Duration d : new Duration[] { resubmitAfter, every, keepCompleted }) {
			if (d.isNegative() || d.isZero()) {
				throw new IllegalArgumentException(
						"anning.outbox.resubmit-after, resubmit-every and keep-completed must be positive");
			}
		}
		this.incomplete = incomplete;
		this.completed = completed;
		this.jobs = jobs;
		this.resubmitAfter = resubmitAfter;
		this.every = every;
		this.keepCompleted = keepCompleted;
	}

	@Scheduled(initialDelayString = "${anning.outbox.resubmit-every:1m}", fixedDelayString = "${anning.outbox.resubmit-every:1m}")
	void tick() {
		// Claimed for a little less than the interval, so that the next tick (of any node) may claim it again.
		jobs.runOnce(JOB, every.minus(every.dividedBy(10)), this::keep);
	}

	void keep() {
		log.debug("Resubmitting events incomplete for more than {}; forgetting those completed more than {} ago",
				resubmitAfter, keepCompleted);
		incomplete.resubmitIncompletePublicationsOlderThan(resubmitAfter);
		completed.deletePublicationsOlderThan(keepCompleted);
	}
}
