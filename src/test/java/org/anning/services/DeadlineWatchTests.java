package org.anning.services;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.anning.AnningTest;
import org.anning.residents.NewResident;
import org.anning.residents.Residents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deadline watch on applications made through the domain, their dates set back with SQL. The database is
 * shared with the demo data and other tests, so every assertion is about this class's own applications.
 */
@AnningTest
class DeadlineWatchTests {

	@Autowired
	DeadlineWatch watch;

	@Autowired
	Applications applications;

	@Autowired
	Residents residents;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	UUID resident;

	LocalDate today;

	@BeforeEach
	void resident() {
		var random = ThreadLocalRandom.current();
		String first17 = "320106" + LocalDate.of(1960, 1, 1).plusDays(random.nextInt(365 * 40))
			.format(DateTimeFormatter.BASIC_ISO_DATE) + "%03d".formatted(random.nextInt(1000));
		resident = residents.register(new NewResident("钟守时", first17 + ServiceDemoData.checkCharacter(first17),
				"1" + (3 + random.nextInt(7)) + "%09d".formatted(random.nextInt(1_000_000_000)), "Quiet-Harbour-Kettle-58"))
			.id()
			.value();
		today = LocalDate.now(clock);
	}

	String draft() {
		return applications.start(resident, new NewApplication("NO_CRIMINAL_RECORD_CERTIFICATE", "AN-DC-01", null, "COLLECT"),
				null).reference();
	}

	/** A submission received the given number of calendar days ago. */
	String submittedDaysAgo(int ago) {
		String ref = draft();
		jdbc.sql("UPDATE application SET status = 'SUBMITTED', submitted_at = now(), received_on = ? WHERE reference = ?")
			.params(today.minusDays(ago), ref).update();
		return ref;
	}

	/** Under review, with the warning day and the deadline set. */
	String underReview(LocalDate acceptedOn, LocalDate warnOn, LocalDate dueOn) {
		String ref = draft();
		jdbc.sql("""
				UPDATE application SET status = 'UNDER_REVIEW', submitted_at = now(), received_on = ?, accepted_on = ?,
				  warn_on = ?, due_on = ? WHERE reference = ?
				""").params(acceptedOn, acceptedOn, warnOn, dueOn, ref).update();
		return ref;
	}

	int steps(String ref, Step step) {
		return jdbc.sql("""
				SELECT count(*) FROM application_step s JOIN application a ON a.id = s.application_id
				 WHERE a.reference = ? AND s.step = ?
				""").params(ref, step.name()).query(Integer.class).single();
	}

	String timeline(String ref) {
		return jdbc.sql("SELECT string_agg(s.step, ',' ORDER BY s.at, s.step) || '|' || max(a.version) "
				+ "FROM application_step s JOIN application a ON a.id = s.application_id WHERE a.reference = ?")
			.param(ref).query(String.class).single();
	}

	Application read(String ref) {
		return applications.mine(resident, ref);
	}

	@Test
	void flagsWarningsAndOverduesOnceAndAcceptsOldSubmissions() {
		String intake = submittedDaysAgo(14);
		String fresh = submittedDaysAgo(0);
		String warned = underReview(today.minusDays(10), today, today.plusDays(5));
		String overdue = underReview(today.minusDays(20), today.minusDays(10), today.minusDays(3));
		String calm = underReview(today, today.plusDays(5), today.plusDays(8));

		assertThat(watch.run()).isGreaterThanOrEqualTo(4);

		Application implied = read(intake);
		assertThat(implied.status()).isEqualTo(ApplicationStatus.ACCEPTED);
		assertThat(implied.impliedAcceptance()).isTrue();
		assertThat(implied.acceptedOn()).isEqualTo(implied.receivedOn()).isEqualTo(today.minusDays(14));
		assertThat(steps(intake, Step.ACCEPTED_IMPLIED)).isEqualTo(1);
		assertThat(read(fresh).status()).isEqualTo(ApplicationStatus.SUBMITTED);
		assertThat(steps(warned, Step.DEADLINE_WARNING)).isEqualTo(1);
		assertThat(steps(warned, Step.OVERDUE)).isZero();
		assertThat(steps(overdue, Step.OVERDUE)).isEqualTo(1);
		assertThat(steps(calm, Step.DEADLINE_WARNING) + steps(calm, Step.OVERDUE)).isZero();
		assertThat(jdbc.sql("SELECT warned_at IS NOT NULL AND overdue_at IS NOT NULL FROM application WHERE reference = ?")
			.param(overdue).query(Boolean.class).single()).isTrue();

		String[] mine = { intake, fresh, warned, overdue, calm };
		java.util.List<String> timelines = java.util.Arrays.stream(mine).map(this::timeline).toList();
		watch.run();
		assertThat(java.util.Arrays.stream(mine).map(this::timeline).toList()).isEqualTo(timelines);
		assertThat(steps(intake, Step.ACCEPTED_IMPLIED)).isEqualTo(1);
		assertThat(steps(warned, Step.DEADLINE_WARNING)).isEqualTo(1);
		assertThat(steps(overdue, Step.OVERDUE)).isEqualTo(1);
		assertThat(read(fresh).status()).isEqualTo(ApplicationStatus.SUBMITTED);
	}

	@Test
	void twoNodesTickingTogetherRunTheWatchOnce() throws Exception {
		jdbc.sql("DELETE FROM cluster_job WHERE name = ?").param(DeadlineWatch.JOB).update();
		OffsetDateTime before = jdbc.sql("SELECT now()").query(OffsetDateTime.class).single();
		String warned = underReview(today.minusDays(10), today, today.plusDays(5));
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch go = new CountDownLatch(1);
			Future<?> one = pool.submit(() -> {
				go.await();
				watch.tick();
				return null;
			});
			Future<?> two = pool.submit(() -> {
				go.await();
				watch.tick();
				return null;
			});
			go.countDown();
			one.get(60, TimeUnit.SECONDS);
			two.get(60, TimeUnit.SECONDS);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(steps(warned, Step.DEADLINE_WARNING)).isEqualTo(1);
		assertThat(jdbc.sql("SELECT count(*) FROM cluster_job WHERE name = ? AND last_started_at >= ? AND locked_until > now()")
			.params(DeadlineWatch.JOB, before).query(Integer.class).single()).isEqualTo(1);

		// The claim holds for the interval: a third tick right away does not run.
		String later = underReview(today.minusDays(10), today, today.plusDays(5));
		watch.tick();
		assertThat(steps(later, Step.DEADLINE_WARNING)).isZero();
		jdbc.sql("DELETE FROM cluster_job WHERE name = ?").param(DeadlineWatch.JOB).update();
	}
}
