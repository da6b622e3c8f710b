package org.anning.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The case taxonomy, from the table its migration seeds. A case counts under a code when its category is that
 * code or below it ({@link #isUnder}); {@link #codesUnder} gives the codes for a SQL {@code = ANY(?)}.
 */
@Component
public class Taxonomy {

	public static final String HOMICIDE = "HOMICIDE";

	public static final String TELECOM_FRAUD = "TELECOM_FRAUD";

	private final JdbcClient jdbc;

	private volatile Map<String, CaseCategory> byCode;

	Taxonomy(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every category, parents before their children, in the taxonomy's order. */
	public List<CaseCategory> all() {
		List<CaseCategory> ordered = new ArrayList<>();
		for (CaseCategory top : categories().values().stream().filter(c -> c.parentCode() == null).toList()) {
			ordered.add(top);
			ordered.addAll(children(top.code()));
		}
		return ordered;
	}

	public Optional<CaseCategory> find(String code) {
		return code == null ? Optional.empty() : Optional.ofNullable(categories().get(code));
	}

	public boolean isUnder(String code, String ancestor) {
		for (String c = code; c != null; c = find(c).map(CaseCategory::parentCode).orElse(null)) {
			if (c.equals(ancestor)) {
				return true;
			}
		}
		return false;
	}

	/** The code and every code below it. */
	public String[] codesUnder(String ancestor) {
		return categories().keySet().stream().filter(c -> isUnder(c, ancestor)).sorted().toArray(String[]::new);
	}

	private List<CaseCategory> children(String parent) {
		List<CaseCategory> result = new ArrayList<>();
		for (CaseCategory c : categories().values()) {
			if (parent.equals(c.parentCode())) {
				result.add(c);
				result.addAll(children(c.code()));
			}
		}
		return result;
	}

	private Map<String, CaseCategory> categories() {
		Map<String, CaseCategory> map = byCode;
		if (map == null) {
			List<CaseCategory> rows = jdbc.sql("SELECT code, parent_code, name_zh, name_en FROM case_category ORDER BY position, code")
				.query((rs, n) -> new CaseCategory(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
				.list();
			map = rows.stream().collect(Collectors.toMap(CaseCategory::code, Function.identity(), (a, b) -> a,
					java.util.LinkedHashMap::new));
			byCode = map;
		}
		return map;
	}
}
