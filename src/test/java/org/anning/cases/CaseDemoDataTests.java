package org.anning.cases;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.anning.AnningTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo reports and cases: made at start-up in the shared test database, told apart by their source. */
@AnningTest
class CaseDemoDataTests {

	private static final String FRAUD = "(SELECT code FROM case_category WHERE code = 'TELECOM_FRAUD' OR parent_code = 'TELECOM_FRAUD')";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	LocalDate today() {
		return LocalDate.now(clock);
	}

	/** The later year ends today; the earlier one ends a year ago. */
	Date from(int year) {
		return Date.valueOf(today().minusYears(2 - year).plusDays(1));
	}

	Date to(int year) {
		return Date.valueOf(today().minusYears(1 - year));
	}

	@Test
	void twoYearsOfCasesInEveryCategory() {
		Map<String, Object> span = jdbc.sql("SELECT min(registered_on) AS first, max(registered_on) AS last, count(*) AS n FROM case_file WHERE source = 'DEMO'")
			.query().singleRow();
		assertThat(((Date) span.get("first")).toLocalDate()).isBetween(today().minusYears(2), today().minusYears(2).plusDays(10));
		assertThat(((Date) span.get("last")).toLocalDate()).isBetween(today().minusDays(3), today());
		assertThat(((Number) span.get("n")).intValue()).isBetween(3_200, 4_200);
		Set<String> tops = jdbc.sql("""
				SELECT DISTINCT coalesce(c.parent_code, c.code) FROM case_file f JOIN case_category c ON c.code = f.category_code
				 WHERE f.source = 'DEMO'
				""").query(String.class).set();
		assertThat(tops).containsExactlyInAnyOrder("HOMICIDE", "TELECOM_FRAUD", "THEFT", "BURGLARY", "ROBBERY", "ASSAULT",
				"DRUGS", "OTHER_CRIMINAL");
		assertThat(jdbc.sql("SELECT count(*) FROM case_file f JOIN case_category c ON c.code = f.category_code WHERE f.source = 'DEMO' AND c.parent_code = 'HOMICIDE'")
			.query(Integer.class).single()).isGreaterThanOrEqualTo(8);
		assertThat(jdbc.sql("SELECT count(DISTINCT status) FROM case_file WHERE source = 'DEMO'").query(Integer.class).single())
			.isEqualTo(5);
		double cleared = jdbc.sql("SELECT avg(CASE WHEN status = 'CLEARED' THEN 1.0 ELSE 0 END) FROM case_file WHERE source = 'DEMO'")
			.query(Double.class).single();
		assertThat(cleared).isBetween(0.40, 0.58);
	}

	@Test
	void fraudWorkGetsBetterInTheSecondYear() {
		int[] clearedByYear = new int[2];
		int[] apprehendedByYear = new int[2];
		BigDecimal[] returnedByYear = new BigDecimal[2];
		for (int y = 0; y < 2; y++) {
			clearedByYear[y] = jdbc.sql("SELECT count(*) FROM case_file WHERE source = 'DEMO' AND category_code IN " + FRAUD
					+ " AND cleared_on BETWEEN ? AND ?").params(from(y), to(y)).query(Integer.class).single();
			apprehendedByYear[y] = jdbc.sql("SELECT coalesce(sum(e.people), 0) FROM case_event e JOIN case_file f ON f.id = e.case_id"
					+ " WHERE f.source = 'DEMO' AND f.category_code IN " + FRAUD + " AND e.event_type = 'APPREHENSION' AND e.event_on BETWEEN ? AND ?")
				.params(from(y), to(y)).query(Integer.class).single();
			returnedByYear[y] = jdbc.sql("SELECT coalesce(sum(e.amount), 0) FROM case_event e JOIN case_file f ON f.id = e.case_id"
					+ " WHERE f.source = 'DEMO' AND f.category_code IN " + FRAUD + " AND e.event_type = 'RETURN' AND e.event_on BETWEEN ? AND ?")
				.params(from(y), to(y)).query(BigDecimal.class).single();
		}
		assertThat(clearedByYear[1]).isGreaterThan(clearedByYear[0]);
		assertThat(apprehendedByYear[1]).isGreaterThan(apprehendedByYear[0]);
		assertThat(returnedByYear[1]).isGreaterThan(returnedByYear[0]);
	}

	@Test
	void eventsFallBetweenRegistrationAndToday() {
		assertThat(jdbc.sql("""
				SELECT count(*) FROM case_event e JOIN case_file f ON f.id = e.case_id
				 WHERE f.source = 'DEMO' AND (e.event_on < f.registered_on OR e.event_on > ?)
				""").param(Date.valueOf(today())).query(Integer.class).single()).isZero();
		assertThat(jdbc.sql("""
				SELECT count(*) FROM case_file WHERE source = 'DEMO'
				   AND (occurred_on > registered_on OR registered_on > ? OR cleared_on > ? OR closed_on > ? OR suspended_on > ?
				        OR (status = 'CLEARED') <> (cleared_on IS NOT NULL) OR (status = 'CLOSED') <> (closed_reason IS NOT NULL))
				""").params(Date.valueOf(today()), Date.valueOf(today()), Date.valueOf(today()), Date.valueOf(today()))
			.query(Integer.class).single()).isZero();
		// Apprehensions come no later than the clearance, returns no sooner than the freeze and no more than it.
		assertThat(jdbc.sql("""
				SELECT count(*) FROM case_event e JOIN case_file f ON f.id = e.case_id
				 WHERE f.source = 'DEMO' AND e.event_type = 'APPREHENSION' AND (f.cleared_on IS NULL OR e.event_on > f.cleared_on)
				""").query(Integer.class).single()).isZero();
		assertThat(jdbc.sql("""
				SELECT count(*) FROM case_event r WHERE r.source = 'DEMO' AND r.event_type = 'RETURN' AND NOT EXISTS (
				  SELECT 1 FROM case_event z WHERE z.case_id = r.case_id AND z.victim_id = r.victim_id AND z.event_type = 'FREEZE'
				     AND z.event_on <= r.event_on AND z.amount >= r.amount)
				""").query(Integer.class).single()).isZero();
		assertThat(jdbc.sql("""
				SELECT count(*) FROM case_step s JOIN case_file f ON f.id = s.case_id
				 WHERE f.source = 'DEMO' AND (s.on_date < f.registered_on OR s.at > now() OR s.at < f.created_at)
				""").query(Integer.class).single()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM report WHERE id = ANY(?) AND (created_at > now() OR occurred_at > created_at OR triaged_at < created_at)")
			.param(demoReports()).query(Integer.class).single()).isZero();
	}

	@Test
	void fraudLossesAreTheSumOfTheVictims() {
		assertThat(jdbc.sql("""
				SELECT count(*) FROM case_file f WHERE f.source = 'DEMO' AND f.category_code IN %s
				   AND f.loss_amount <> (SELECT coalesce(sum(v.loss), 0) FROM case_victim v WHERE v.case_id = f.id)
				""".formatted(FRAUD)).query(Integer.class).single()).isZero();
		Map<String, Object> losses = jdbc.sql("""
				SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY v.loss) AS median, max(v.loss) AS max, count(*) AS n
				  FROM case_victim v JOIN case_file f ON f.id = v.case_id WHERE f.source = 'DEMO' AND f.category_code IN %s
				""".formatted(FRAUD)).query().singleRow();
		assertThat(((Number) losses.get("median")).doubleValue()).isBetween(10_000.0, 40_000.0);
		assertThat(((Number) losses.get("max")).doubleValue()).isGreaterThan(500_000.0);
	}

	@Test
	void referencesFollowTheirPatterns() {
		List<String> numbers = jdbc.sql("SELECT case_number || ' ' || extract(year FROM registered_on) FROM case_file WHERE source = 'DEMO'")
			.query(String.class).list();
		assertThat(numbers).allMatch(n -> n.matches("AJ-(\\d{4})-\\d{6} \\1"));
		List<String> references = jdbc.sql("SELECT reference FROM report WHERE id = ANY(?)").param(demoReports())
			.query(String.class).list();
		assertThat(references).hasSizeGreaterThan(3_000).allMatch(r -> r.matches("BA-\\d{4}-\\d{6}"));
		assertThat(jdbc.sql("SELECT count(*) FROM case_file WHERE source = 'DEMO' AND NOT search_tokens @> ARRAY['aj']")
			.query(Integer.class).single()).isZero();
	}

	@Test
	void reportsComeFromEveryChannelAndTheDeskHasSomeToTriage() {
		UUID[] ids = demoReports();
		Map<String, Object> counts = jdbc.sql("""
				SELECT count(*) FILTER (WHERE status = 'CASE_REGISTERED' AND case_id IS NOT NULL) AS registered,
				       count(*) FILTER (WHERE status = 'NON_CRIMINAL' AND outcome_reason IS NOT NULL) AS non_criminal,
				       count(*) FILTER (WHERE channel = 'ONLINE' AND resident_id IS NULL) AS anonymous_online,
				       count(*) FILTER (WHERE channel <> 'ONLINE' AND (reporter_name IS NULL OR reporter_phone_sealed IS NOT NULL)) AS bad_staff
				  FROM report WHERE id = ANY(?)
				""").param(ids).query().singleRow();
		assertThat(((Number) counts.get("registered")).intValue()).isGreaterThan(2_500);
		assertThat(((Number) counts.get("non_criminal")).intValue()).isGreaterThan(500);
		assertThat(((Number) counts.get("anonymous_online")).intValue()).isZero();
		assertThat(((Number) counts.get("bad_staff")).intValue()).isZero();
		assertThat(jdbc.sql("""
				SELECT count(*) FROM report r JOIN unit u ON u.id = r.unit_id
				 WHERE r.id = ANY(?) AND u.code = 'AN-DC-01' AND r.status = 'RECEIVED' AND r.triaged_at IS NULL
				""").param(ids).query(Integer.class).single()).isGreaterThanOrEqualTo(3);
		assertThat(jdbc.sql("""
				SELECT count(*) FROM report r JOIN report_account a ON a.report_id = r.id
				 WHERE r.id = ANY(?) AND r.channel = 'ONLINE' AND r.kind = 'TELECOM_FRAUD'
				""").param(ids).query(Integer.class).single()).isPositive();
	}

	@Test
	void everyDemoResidentSeesMoneyReturned() {
		for (int i = 0; i < CaseDemoData.DEMO_RESIDENTS.length; i++) {
			UUID resident = CaseDemoData.demoResident(i).value();
			assertThat(jdbc.sql("""
					SELECT count(*) FROM report r JOIN case_victim v ON v.report_id = r.id
					  JOIN case_event e ON e.case_id = r.case_id AND e.victim_id = v.id AND e.event_type = 'RETURN'
					 WHERE r.resident_id = ? AND r.channel = 'ONLINE' AND v.resident_id = ?
					""").params(resident, resident).query(Integer.class).single()).as("resident %d", i).isPositive();
		}
	}

	@Test
	void runsOnlyOnce(@Autowired CaseDemoData demoData) throws Exception {
		int cases = jdbc.sql("SELECT count(*) FROM case_file").query(Integer.class).single();
		int reports = jdbc.sql("SELECT count(*) FROM report").query(Integer.class).single();
		demoData.run(null);
		assertThat(jdbc.sql("SELECT count(*) FROM case_file").query(Integer.class).single()).isEqualTo(cases);
		assertThat(jdbc.sql("SELECT count(*) FROM report").query(Integer.class).single()).isEqualTo(reports);
	}

	UUID[] demoReports() {
		return jdbc.sql("SELECT id FROM report").query(UUID.class).list().stream()
			.filter(Set.copyOf(java.util.stream.IntStream.range(0, 10_000).mapToObj(n -> CaseDemoData.idOf("report", n)).toList())::contains)
			.toArray(UUID[]::new);
	}
}
