package org.anning.operations;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a scheduled job once per cluster rather than once per node: several nodes over one database may tick
 * at the same moment, and only the one that claims the job runs it. A claim holds for the job's interval and
 * is not released when the work ends, so another node that ticks within the interval skips (the semantics of
 * ShedLock's {@code lockAtMostFor}). A crashed node's claim expires on its own.
 * <p>
 * The claim is one atomic statement compared against the database's clock, so nodes whose clocks disagree
 * still agree on who holds the job. It commits on its own, whatever transaction the caller is in, so that a
 * rolled-back caller does not hand the job to the next node within the interval.
 */
@Component
public class ClusterJobs {

	private static final Logger log = LoggerFactory.getLogger(ClusterJobs.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate separately;

	private final String node;

	ClusterJobs(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.node = thisNode();
	}

	/**
	 * Runs {@code work} if no node in the cluster has started {@code job} within the last {@code atMostEvery},
	 * and returns whether it ran. An exception from the work is logged and rethrown; the claim still holds for
	 * the interval, so a failing job is not retried by every node in turn.
	 */
	public boolean runOnce(String job, Duration atMostEvery, Runnable work) {
		Objects.requireNonNull(job, "job");
		Objects.requireNonNull(work, "work");
		if (atMostEvery == null || atMostEvery.isNegative() || atMostEvery.isZero()) {
			throw new IllegalArgumentException("A job's interval must be positive: " + atMostEvery);
		}
		if (!claim(job, atMostEvery)) {
			log.debug("Job {} skipped: claimed by another node or run within {}", job, atMostEvery);
			return false;
		}
		try {
			log.debug("Job {} started on {}", job, node);
			work.run();
			return true;
		}
		catch (RuntimeException | Error e) {
			log.warn("Job {} failed on {}: {}", job, node, e.toString());
			throw e;
		}
		finally {
			finished(job);
		}
	}

	/** This process's name in {@code cluster_job.locked_by}: host name and process id. */
	String node() {
		return node;
	}

	private boolean claim(String job, Duration atMostEvery) {
		Integer claimed = separately.execute(status -> jdbc.sql("""
				INSERT INTO cluster_job (name, locked_until, locked_by, last_started_at)
				VALUES (:name, now() + :millis * interval '1 millisecond', :node, now())
				ON CONFLICT (name) DO UPDATE
				   SET locked_until = EXCLUDED.locked_until, locked_by = EXCLUDED.locked_by,
				       last_started_at = EXCLUDED.last_started_at
				 WHERE cluster_job.locked_until <= now()
				""")
			.param("name", job)
			.param("millis", atMostEvery.toMillis())
			.param("node", node)
			.update());
		return claimed != null && claimed == 1;
	}

	private void finished(String job) {
		try {
			separately.executeWithoutResult(status -> jdbc
				.sql("UPDATE cluster_job SET last_finished_at = now() WHERE name = :name AND locked_by = :node")
				.param("name", job)
				.param("node", node)
				.update());
		}
		catch (RuntimeException e) {
			// The work is done or has failed on its own account; a missing finish time must not hide that.
			log.warn("Job {} finished, but its finish time was not recorded: {}", job, e.getMessage());
		}
	}

	private static String thisNode() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException e) {
			host = "unknown-host";
		}
		return host + "/" + ProcessHandle.current().pid();
	}
}
