package org.anning.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.anning.units.UnitScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Full-text search over case and report narratives, case numbers and report numbers, in Chinese and English,
 * within the user's unit scope: every token of the query (see {@link SearchTokens}) must be in the record. Hits
 * show no personal data: a case's narrative snippet, a report's number, kind and status only.
 */
@Service
@Transactional(readOnly = true)
public class CaseSearch {

	static final int MAX_QUERY_TOKENS = 32;

	private final JdbcClient jdbc;

	private final java.time.Clock clock;

	CaseSearch(JdbcClient jdbc, java.time.Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** One hit: a case or a report. */
	public record Hit(String type, String number, String status, String category, UUID unit, LocalDate on, String snippet) {
	}

	public List<Hit> search(String query, UnitScope scope, int limit) {
		Set<String> tokens = SearchTokens.of(query);
		if (tokens.isEmpty()) {
			return List.of();
		}
		String[] wanted = tokens.stream().limit(MAX_QUERY_TOKENS).toArray(String[]::new);
		int max = Math.max(1, Math.min(limit, 200));
		List<Hit> hits = new ArrayList<>(jdbc.sql("""
				SELECT case_number, status, category_code, unit_id, registered_on, left(coalesce(narrative, ''), 120) AS snippet
				  FROM case_file WHERE unit_id = ANY(?) AND search_tokens @> ?::text[]
				 ORDER BY registered_on DESC LIMIT ?
				""").params(scope.ids(), wanted, max)
			.query((rs, n) -> new Hit("CASE", rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getObject(4, UUID.class), rs.getDate(5).toLocalDate(), rs.getString(6)))
			.list());
		hits.addAll(jdbc.sql("""
				SELECT reference, status, kind, unit_id, created_at FROM report
				 WHERE unit_id = ANY(?) AND search_tokens @> ?::text[] ORDER BY created_at DESC LIMIT ?
				""").params(scope.ids(), wanted, max)
			.query((rs, n) -> new Hit("REPORT", rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getObject(4, UUID.class), LocalDate.ofInstant(rs.getTimestamp(5).toInstant(), clock.getZone()), null))
			.list());
		return hits;
	}
}
