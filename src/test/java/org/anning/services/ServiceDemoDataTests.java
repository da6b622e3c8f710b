package org.anning.services;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.anning.AnningTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo history: made at start-up in the shared test database, told apart by its derived identifiers. */
@AnningTest
class ServiceDemoDataTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	Worklists worklists;

	UUID[] demoIds() {
		return IntStream.range(0, 30_000).mapToObj(n -> ServiceDemoData.idOf("application", n, 0)).toArray(UUID[]::new);
	}

	@Test
	void twoYearsOfHistoryInEveryStatus() {
		UUID[] ids = demoIds();
		int count = jdbc.sql("SELECT count(*) FROM application WHERE id = ANY(?)").param(ids).query(Integer.class).single();
		assertThat(count).isBetween(6_000, 10_000);
		LocalDate today = LocalDate.now(clock);
		LocalDate first = jdbc.sql("SELECT min(created_at)::date FROM application WHERE id = ANY(?)").param(ids)
			.query(LocalDate.class).single();
		assertThat(first).isBetween(today.minusYears(2).minusDays(3), today.minusYears(2).plusDays(10));
		Set<ApplicationStatus> statuses = jdbc.sql("SELECT DISTINCT status FROM application WHERE id = ANY(?)").param(ids)
			.query((rs, n) -> ApplicationStatus.valueOf(rs.getString(1))).set();
		assertThat(statuses).containsAll(EnumSet.complementOf(EnumSet.of(ApplicationStatus.DRAFT)));
		List<String> references = jdbc.sql("SELECT reference FROM application WHERE id = ANY(?)").param(ids)
			.query(String.class).list();
		assertThat(references).allMatch(r -> r.matches("SQ-\\d{4}-\\d{6}"));
		assertThat(jdbc.sql("SELECT count(*) FROM application WHERE id = ANY(?) AND substr(reference, 4, 4)::int <> extract(year FROM created_at AT TIME ZONE 'Asia/Shanghai')")
			.param(ids).query(Integer.class).single()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM application WHERE id = ANY(?) AND implied_acceptance").param(ids)
			.query(Integer.class).single()).isPositive();
	}

	@Test
	void mostDecisionsComeInTime() {
		Map<String, Object> shares = jdbc.sql("""
				SELECT count(*) FILTER (WHERE decided_on <= due_on) AS on_time, count(*) AS decided,
				       count(*) FILTER (WHERE status = 'REFUSED') AS refused, count(*) FILTER (WHERE status = 'WITHDRAWN') AS withdrawn
				  FROM application WHERE id = ANY(?) AND (decided_on IS NOT NULL OR status IN ('REFUSED', 'WITHDRAWN'))
				""").param(demoIds()).query().singleRow();
		double onTime = ((Number) shares.get("on_time")).doubleValue() / ((Number) shares.get("decided")).doubleValue();
		assertThat(onTime).isBetween(0.90, 0.97);
	}

	@Test
	void everyClosedTimelineRunsForward() {
		UUID[] ids = demoIds();
		record Row(UUID app, String step, LocalDate on) {
		}
		List<Row> rows = jdbc.sql("""
				SELECT s.application_id, s.step, s.on_date FROM application_step s JOIN application a ON a.id = s.application_id
				 WHERE a.id = ANY(?) AND a.status = 'CLOSED' ORDER BY s.application_id, s.at, s.id
				""").param(ids).query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2),
						rs.getDate(3).toLocalDate())).list();
		Map<UUID, List<Row>> byApp = rows.stream().collect(Collectors.groupingBy(Row::app));
		assertThat(byApp).hasSizeGreaterThan(4_000);
		List<String> problems = new ArrayList<>();
		byApp.forEach((app, steps) -> {
			if (!steps.get(0).step().equals("CREATED")) {
				problems.add(app + " starts with " + steps.get(0).step());
			}
			for (int i = 1; i < steps.size(); i++) {
				if (steps.get(i).on().isBefore(steps.get(i - 1).on())) {
					problems.add(app + " goes back at " + steps.get(i).step());
				}
			}
			if (steps.stream().noneMatch(s -> s.step().equals("CLOSED"))) {
				problems.add(app + " closed without a CLOSED step");
			}
		});
		assertThat(problems).isEmpty();
		// The dates on the record agree: received ≤ accepted ≤ decided ≤ closed.
		assertThat(jdbc.sql("""
				SELECT count(*) FROM application WHERE id = ANY(?) AND status = 'CLOSED'
				   AND NOT (accepted_on <= decided_on AND decided_on <= closed_on AND (implied_acceptance OR received_on <= accepted_on))
				""").param(ids).query(Integer.class).single()).isZero();
	}

	@Test
	void theDemoDeskHasSomethingInEveryWorklist() {
		UUID desk = jdbc.sql("SELECT DISTINCT unit_id FROM application WHERE id = ANY(?) AND assignee_id = ?")
			.params(demoIds(), ServiceDemoData.staffOf("AN-DC-01", "reviewer")).query(UUID.class).single();
		LocalDate today = LocalDate.now(clock);
		Map<String, Object> counts = jdbc.sql("""
				SELECT count(*) FILTER (WHERE status = 'SUBMITTED') AS to_accept,
				       count(*) FILTER (WHERE status IN ('ACCEPTED', 'UNDER_REVIEW')) AS to_review,
				       count(*) FILTER (WHERE status IN ('ACCEPTED', 'UNDER_REVIEW') AND warn_on <= ? AND due_on >= ?) AS due_soon,
				       count(*) FILTER (WHERE status IN ('ACCEPTED', 'UNDER_REVIEW') AND due_on < ?) AS overdue,
				       count(*) FILTER (WHERE status = 'RETURNED') AS returned,
				       count(*) FILTER (WHERE status IN ('APPROVED', 'DENIED', 'READY_FOR_COLLECTION', 'DELIVERED')) AS to_close
				  FROM application WHERE id = ANY(?) AND unit_id = ?
				""").params(Date.valueOf(today), Date.valueOf(today), Date.valueOf(today), demoIds(), desk).query().singleRow();
		assertThat(counts.values()).allSatisfy(v -> assertThat(((Number) v).intValue()).isPositive());
		assertThat(jdbc.sql("SELECT count(*) FROM rectification WHERE unit_id = ? AND done_on IS NULL").param(desk)
			.query(Integer.class).single()).isPositive();
		assertThat(jdbc.sql("""
				SELECT count(*) FROM application_rating g JOIN application a ON a.id = g.application_id
				 WHERE a.id = ANY(?) AND g.round = 1
				""").param(demoIds()).query(Integer.class).single()).isPositive();
	}
}
