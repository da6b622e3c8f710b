package org.anning.cases.imports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.anning.AnningTest;
import org.anning.units.Organisation;
import org.anning.units.Unit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Search by token within a unit scope over a million imported cases: p50 and p95 of the query as the
 * application sends it, beside the database's own execution time of the same query ({@code EXPLAIN ANALYZE}),
 * for a rare token (one case number) and a common one (a year, a tenth of all cases). Run by
 * {@code bench/case-search}; prints figures, asserts nothing about time.
 */
@Tag("benchmark")
@AnningTest
class CaseSearchBenchmark {

	static final String QUERY = """
			SELECT id, case_number, registered_on FROM case_file
			WHERE search_tokens @> ?::text[] AND unit_id = ANY(?::text[]::uuid[])
			ORDER BY registered_on DESC LIMIT 20""";

	static final Pattern EXECUTION = Pattern.compile("\"Execution Time\": ([0-9.]+)");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Organisation organisation;

	@Test
	void searchesAMillionCases() {
		int rows = Integer.getInteger("anning.bench.rows", 1_000_000);
		String prefix = "SX" + UUID.randomUUID().toString().substring(0, 4);
		List<Unit> units = organisation.active();
		String[] ids = units.stream().map(u -> u.id().value().toString()).toArray(String[]::new);
		long started = System.nanoTime();
		// The same rows an import makes (source IMPORT, tokens of the number), spread over every unit and ten years.
		jdbc.sql("""
				INSERT INTO case_file (id, case_number, unit_id, category_code, occurred_on, registered_on, status,
				  loss_amount, source, created_at, updated_at, search_tokens)
				SELECT gen_random_uuid(), n, (?::text[]::uuid[])[1 + i % ?], 'THEFT', d, d, 'REGISTERED', 0, 'IMPORT', now(), now(),
				  array_remove(regexp_split_to_array(lower(n), '[^a-z0-9]+'), '')
				FROM generate_series(1, ?) AS i,
				  LATERAL (SELECT DATE '2015-01-01' + (i::bigint * 7919 % 3650)::int AS d) AS dd,
				  LATERAL (SELECT ? || '-' || extract(year FROM d) || '-' || lpad(i::text, 7, '0') AS n) AS nn""")
			.params(ids, ids.length, rows, prefix)
			.update();
		jdbc.sql("ANALYZE case_file").update();
		System.out.printf("BENCH case-search rows=%d units=%d (loaded in %.1f s)%n", rows, units.size(),
				(System.nanoTime() - started) / 1e9);

		Random random = new Random(7);
		String[] station = { units.stream().filter(u -> u.code().equals("AN-DC-01")).findFirst().orElse(units.get(0)).id().value().toString() };
		for (String kind : List.of("rare", "common")) {
			for (String[] scope : List.of(station, ids)) {
				List<Double> app = new ArrayList<>();
				List<Double> db = new ArrayList<>();
				for (int round = 0; round < 220; round++) {
					String token = kind.equals("rare") ? String.format("%07d", 1 + random.nextInt(rows))
							: String.valueOf(2015 + random.nextInt(10));
					String[] tokens = { token };
					long t = System.nanoTime();
					jdbc.sql(QUERY).params(tokens, scope).query().listOfRows();
					double ms = (System.nanoTime() - t) / 1e6;
					String plan = String.join("\n", jdbc.sql("EXPLAIN (ANALYZE, FORMAT JSON) " + QUERY).params(tokens, scope)
						.query(String.class).list());
					Matcher m = EXECUTION.matcher(plan);
					if (round >= 20 && m.find()) { // the first rounds warm the caches
						app.add(ms);
						db.add(Double.parseDouble(m.group(1)));
					}
				}
				System.out.printf("BENCH %s token, scope %s: p50 %.2f ms, p95 %.2f ms; database alone (EXPLAIN ANALYZE) p50 %.2f ms, p95 %.2f ms%n",
						kind, scope.length == 1 ? "one station" : "all " + scope.length + " units", pct(app, 50),
						pct(app, 95), pct(db, 50), pct(db, 95));
			}
		}
		jdbc.sql("DELETE FROM case_file WHERE case_number LIKE ?").param(prefix + "-%").update();
	}

	private static double pct(List<Double> values, int p) {
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
		Arrays.sort(sorted);
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
	}
}
