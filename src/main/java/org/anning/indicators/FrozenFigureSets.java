package org.anning.indicators;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.anning.indicators.FrozenFigures.FrozenSet;
import org.anning.indicators.FrozenFigures.Staff;
import org.anning.indicators.FrozenFigures.Withdrawal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Frozen figure sets, their figures and withdrawals: inserted and read, never changed. */
@Repository
class FrozenFigureSets {

	private static final String SELECT = """
			SELECT s.*, w.withdrawn_at, w.withdrawn_by, w.withdrawn_by_name, w.reason
			  FROM frozen_figure_set s LEFT JOIN frozen_figure_set_withdrawal w ON w.set_id = s.id
			""";

	private final JdbcClient jdbc;

	FrozenFigureSets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(FrozenSet set) {
		jdbc.sql("""
				INSERT INTO frozen_figure_set (id, title, unit_id, unit_code, period_from, period_to, comparison_kind,
				  comparison_from, comparison_to, frozen_at, frozen_by, frozen_by_name, note)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""").params(set.id(), set.title(), set.unitId(), set.unit(), set.from(), set.to(), set.comparison().kind(),
				set.comparison().from(), set.comparison().to(), Timestamp.from(set.frozenAt()), set.frozenBy().id(),
				set.frozenBy().name(), set.note()).update();
		int position = 0;
		for (Figure f : set.figures()) {
			jdbc.sql("""
					INSERT INTO frozen_figure (set_id, position, indicator, value, comparison_value, relative_change_percent,
					  percentage_point_change)
					VALUES (?, ?, ?, ?, ?, ?, ?)
					""").params(set.id(), position++, f.id(), f.value(), f.comparisonValue(), f.relativeChangePercent(),
					f.percentagePointChange()).update();
		}
	}

	void withdraw(UUID set, Withdrawal withdrawal) {
		jdbc.sql("""
				INSERT INTO frozen_figure_set_withdrawal (set_id, withdrawn_at, withdrawn_by, withdrawn_by_name, reason)
				VALUES (?, ?, ?, ?, ?)
				""").params(set, Timestamp.from(withdrawal.at()), withdrawal.by().id(), withdrawal.by().name(),
				withdrawal.reason()).update();
	}

	/** Serialises withdrawals of one set, so that two at once cannot both pass the check. */
	void lock(UUID set) {
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))").param("frozen_figure_set:" + set).query().listOfRows();
	}

	Optional<FrozenSet> find(UUID id) {
		return jdbc.sql(SELECT + " WHERE s.id = ?").param(id).query((rs, n) -> set(rs, List.of())).optional()
			.map(s -> withFigures(List.of(s)).get(0));
	}

	/**
	 * Sets of the units, newest first; optionally of one unit code, starting on or after {@code from} and ending on
	 * or before {@code to}.
	 */
	List<FrozenSet> list(UUID[] units, String unitCode, LocalDate from, LocalDate to) {
		StringBuilder sql = new StringBuilder(SELECT).append(" WHERE s.unit_id = ANY(?)");
		List<Object> params = new ArrayList<>();
		params.add(units);
		if (unitCode != null) {
			sql.append(" AND s.unit_code = ?");
			params.add(unitCode);
		}
		if (from != null) {
			sql.append(" AND s.period_from >= ?");
			params.add(from);
		}
		if (to != null) {
			sql.append(" AND s.period_to <= ?");
			params.add(to);
		}
		sql.append(" ORDER BY s.frozen_at DESC, s.id");
		return withFigures(jdbc.sql(sql.toString()).params(params).query((rs, n) -> set(rs, List.of())).list());
	}

	/** Sets still published for exactly this unit, period and comparison, newest first. */
	List<FrozenSet> published(String unitCode, LocalDate from, LocalDate to, String comparisonKind) {
		return withFigures(jdbc.sql(SELECT + """
				 WHERE s.unit_code = ? AND s.period_from = ? AND s.period_to = ? AND s.comparison_kind = ?
				   AND w.set_id IS NULL
				 ORDER BY s.frozen_at DESC, s.id
				""").params(unitCode, from, to, comparisonKind).query((rs, n) -> set(rs, List.of())).list());
	}

	private List<FrozenSet> withFigures(List<FrozenSet> sets) {
		if (sets.isEmpty()) {
			return sets;
		}
		Map<UUID, List<Figure>> figures = new LinkedHashMap<>();
		sets.forEach(s -> figures.put(s.id(), new ArrayList<>()));
		jdbc.sql("""
				SELECT set_id, indicator, value, comparison_value, relative_change_percent, percentage_point_change
				  FROM frozen_figure WHERE set_id = ANY(?) ORDER BY set_id, position
				""").param(figures.keySet().toArray(UUID[]::new)).query(rs -> {
			figures.get(rs.getObject("set_id", UUID.class))
				.add(new Figure(rs.getString("indicator"), decimal(rs, "value"), decimal(rs, "comparison_value"),
						decimal(rs, "relative_change_percent"), decimal(rs, "percentage_point_change")));
		});
		return sets.stream().map(s -> s.withFigures(List.copyOf(figures.get(s.id())))).toList();
	}

	private static FrozenSet set(ResultSet rs, List<Figure> figures) throws SQLException {
		Timestamp withdrawnAt = rs.getTimestamp("withdrawn_at");
		Withdrawal withdrawal = withdrawnAt == null ? null
				: new Withdrawal(withdrawnAt.toInstant(),
						new Staff(rs.getObject("withdrawn_by", UUID.class), rs.getString("withdrawn_by_name")),
						rs.getString("reason"));
		return new FrozenSet(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("unit_code"),
				rs.getObject("unit_id", UUID.class), rs.getObject("period_from", LocalDate.class),
				rs.getObject("period_to", LocalDate.class),
				new Comparison(rs.getString("comparison_kind"), rs.getObject("comparison_from", LocalDate.class),
						rs.getObject("comparison_to", LocalDate.class)),
				rs.getTimestamp("frozen_at").toInstant(),
				new Staff(rs.getObject("frozen_by", UUID.class), rs.getString("frozen_by_name")), rs.getString("note"),
				withdrawal, figures);
	}

	private static BigDecimal decimal(ResultSet rs, String column) throws SQLException {
		return rs.getBigDecimal(column);
	}
}
