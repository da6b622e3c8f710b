package org.anning.units;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The unit table, read and written with plain SQL. */
@Repository
class UnitRepository {

	private static final String SELECT = """
			SELECT u.id, u.code, u.name_zh, u.name_en, u.level, u.parent_id, p.code AS parent_code, u.active
			  FROM unit u LEFT JOIN unit p ON p.id = u.parent_id
			""";

	private final JdbcClient jdbc;

	UnitRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Unit> findById(UnitId id) {
		return jdbc.sql(SELECT + " WHERE u.id = ?").param(id.value()).query(UnitRepository::map).optional();
	}

	Optional<Unit> findByCode(String code) {
		return jdbc.sql(SELECT + " WHERE u.code = ?").param(code).query(UnitRepository::map).optional();
	}

	List<Unit> findAll(Set<UnitId> among) {
		return jdbc.sql(SELECT + " WHERE u.id = ANY(?) ORDER BY u.code")
			.param(among.stream().map(UnitId::value).toArray(UUID[]::new))
			.query(UnitRepository::map)
			.list();
	}

	Set<UnitId> allIds() {
		return new HashSet<>(jdbc.sql("SELECT id FROM unit").query((rs, n) -> new UnitId(rs.getObject(1, UUID.class))).list());
	}

	/** The unit and all its descendants, at any depth. */
	Set<UnitId> subtreeIds(UnitId root) {
		return new HashSet<>(jdbc.sql("""
				WITH RECURSIVE subtree(id) AS (
				  SELECT id FROM unit WHERE id = ?
				  UNION ALL
				  SELECT u.id FROM unit u JOIN subtree s ON u.parent_id = s.id
				)
				SELECT id FROM subtree
				""").param(root.value()).query((rs, n) -> new UnitId(rs.getObject(1, UUID.class))).list());
	}

	boolean hasActiveChildren(UnitId id) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM unit WHERE parent_id = ? AND active)")
			.param(id.value())
			.query(Boolean.class)
			.single();
	}

	boolean codeExists(String code) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM unit WHERE code = ?)").param(code).query(Boolean.class).single();
	}

	void insert(UnitId id, String code, String nameZh, String nameEn, UnitLevel level, UnitId parent, Instant now) {
		jdbc.sql("""
				INSERT INTO unit (id, code, name_zh, name_en, level, parent_id, active, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, TRUE, ?, ?)
				""")
			.params(id.value(), code, nameZh, nameEn, level.name(), parent == null ? null : parent.value(),
					java.sql.Timestamp.from(now), java.sql.Timestamp.from(now))
			.update();
	}

	void rename(UnitId id, String nameZh, String nameEn, Instant now) {
		jdbc.sql("UPDATE unit SET name_zh = ?, name_en = ?, updated_at = ? WHERE id = ?")
			.params(nameZh, nameEn, java.sql.Timestamp.from(now), id.value())
			.update();
	}

	void move(UnitId id, UnitId parent, Instant now) {
		jdbc.sql("UPDATE unit SET parent_id = ?, updated_at = ? WHERE id = ?")
			.params(parent.value(), java.sql.Timestamp.from(now), id.value())
			.update();
	}

	void setActive(UnitId id, boolean active, Instant now) {
		jdbc.sql("UPDATE unit SET active = ?, updated_at = ? WHERE id = ?")
			.params(active, java.sql.Timestamp.from(now), id.value())
			.update();
	}

	long count() {
		return jdbc.sql("SELECT count(*) FROM unit").query(Long.class).single();
	}

	private static Unit map(ResultSet rs, int row) throws SQLException {
		UUID parent = rs.getObject("parent_id", UUID.class);
		return new Unit(new UnitId(rs.getObject("id", UUID.class)), rs.getString("code"), rs.getString("name_zh"),
				rs.getString("name_en"), UnitLevel.valueOf(rs.getString("level")),
				parent == null ? null : new UnitId(parent), rs.getString("parent_code"), rs.getBoolean("active"));
	}
}
