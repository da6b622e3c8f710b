package org.anning.operations;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.anning.AnningTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The database is shared by every {@link AnningTest}, so each test claims jobs of its own name. */
@AnningTest
class ClusterJobsTests {

	static final Duration HOUR = Duration.ofHours(1);

	@Autowired
	ClusterJobs jobs;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void twoNodesTickingAtOnceRunTheWorkExactlyOnce() throws Exception {
		String job = job("concurrent");
		AtomicInteger runs = new AtomicInteger();
		int callers = 8;
		CountDownLatch gate = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(callers);
		try {
			List<Future<Boolean>> results = new ArrayList<>();
			for (int i = 0; i < callers; i++) {
				results.add(pool.submit(() -> {
					gate.await();
					return jobs.runOnce(job, HOUR, runs::incrementAndGet);
				}));
			}
			gate.countDown();
			int ran = 0;
			for (Future<Boolean> result : results) {
				ran += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
			}
			assertThat(ran).isEqualTo(1);
			assertThat(runs).hasValue(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aSecondTickWithinTheIntervalSkipsTheWork() {
		String job = job("interval");
		AtomicInteger runs = new AtomicInteger();

		assertThat(jobs.runOnce(job, HOUR, runs::incrementAndGet)).isTrue();
		assertThat(jobs.runOnce(job, HOUR, runs::incrementAndGet)).isFalse();

		assertThat(runs).hasValue(1);
	}

	@Test
	void aTickAfterTheClaimExpiredRunsTheWorkAgain() {
		String job = job("expired");
		AtomicInteger runs = new AtomicInteger();
		assertThat(jobs.runOnce(job, HOUR, runs::incrementAndGet)).isTrue();
		OffsetDateTime firstStart = row(job).lastStartedAt();

		expire(job);

		assertThat(jobs.runOnce(job, HOUR, runs::incrementAndGet)).isTrue();
		assertThat(runs).hasValue(2);
		assertThat(row(job).lastStartedAt()).isAfter(firstStart);
	}

	@Test
	void jobsOfDifferentNamesAreClaimedIndependently() {
		AtomicInteger first = new AtomicInteger();
		AtomicInteger second = new AtomicInteger();
		String a = job("a");
		String b = job("b");

		assertThat(jobs.runOnce(a, HOUR, first::incrementAndGet)).isTrue();
		assertThat(jobs.runOnce(b, HOUR, second::incrementAndGet)).isTrue();
		assertThat(jobs.runOnce(a, HOUR, first::incrementAndGet)).isFalse();

		assertThat(first).hasValue(1);
		assertThat(second).hasValue(1);
	}

	@Test
	void recordsWhoRanTheJobAndWhenUsingTheDatabaseClock() {
		String job = job("record");
		OffsetDateTime before = databaseNow();

		jobs.runOnce(job, Duration.ofMinutes(10), () -> {
		});

		Row row = row(job);
		OffsetDateTime after = databaseNow();
		assertThat(row.lockedBy()).isEqualTo(jobs.node()).contains("/" + ProcessHandle.current().pid());
		assertThat(row.lastStartedAt()).isBetween(before, after);
		assertThat(row.lastFinishedAt()).isBetween(row.lastStartedAt(), after);
		assertThat(Duration.between(row.lastStartedAt(), row.lockedUntil())).isEqualTo(Duration.ofMinutes(10));
	}

	@Test
	void failingWorkIsRethrownAndItsClaimStillHoldsForTheInterval() {
		String job = job("failing");
		AtomicInteger runs = new AtomicInteger();

		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> jobs.runOnce(job, HOUR, () -> {
			runs.incrementAndGet();
			throw new IllegalStateException("mail server unreachable");
		})).withMessage("mail server unreachable");

		assertThat(row(job).lastFinishedAt()).isNotNull();
		assertThat(jobs.runOnce(job, HOUR, runs::incrementAndGet)).isFalse();
		assertThat(runs).hasValue(1);
	}

	@Test
	void theClaimSurvivesACallerWhoseTransactionRollsBack() {
		String job = job("rollback");
		AtomicInteger runs = new AtomicInteger();

		transactions.executeWithoutResult(status -> {
			assertThat(jobs.runOnce(job, HOUR, runs::incrementAndGet)).isTrue();
			status.setRollbackOnly();
		});

		assertThat(jobs.runOnce(job, HOUR, runs::incrementAndGet)).isFalse();
		assertThat(runs).hasValue(1);
	}

	@Test
	void refusesAnIntervalThatIsNotPositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> jobs.runOnce(job("zero"), Duration.ZERO, () -> {
		}));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> jobs.runOnce(job("negative"), Duration.ofSeconds(-1), () -> {
			}));
	}

	private static String job(String name) {
		return "test-" + name + "-" + UUID.randomUUID();
	}

	/** Moves the claim into the past, as if the interval had passed, instead of sleeping through it. */
	private void expire(String job) {
		int updated = jdbc.sql("UPDATE cluster_job SET locked_until = now() - interval '1 second' WHERE name = ?")
			.param(job)
			.update();
		assertThat(updated).isEqualTo(1);
	}

	private OffsetDateTime databaseNow() {
		return jdbc.sql("SELECT clock_timestamp()").query(OffsetDateTime.class).single();
	}

	private Row row(String job) {
		return jdbc.sql("""
				SELECT locked_until, locked_by, last_started_at, last_finished_at FROM cluster_job WHERE name = ?
				""").param(job).query((rs, n) -> new Row(rs.getObject(1, OffsetDateTime.class), rs.getString(2),
				rs.getObject(3, OffsetDateTime.class), rs.getObject(4, OffsetDateTime.class))).single();
	}

	record Row(OffsetDateTime lockedUntil, String lockedBy, OffsetDateTime lastStartedAt,
			OffsetDateTime lastFinishedAt) {
	}
}
