package org.anning.services;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.anning.units.UnitLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CatalogueRepository {

	private final JdbcClient jdbc;

	CatalogueRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<ServiceItem> findAll(boolean activeOnly) {
		List<ItemRow> rows = jdbc.sql("SELECT * FROM service_item" + (activeOnly ? " WHERE active" : "")
				+ " ORDER BY category, code").query((rs, n) -> row(rs)).list();
		Map<UUID, List<MaterialRequirement>> materials = new LinkedHashMap<>();
		jdbc.sql("SELECT * FROM service_material ORDER BY item_id, position").query(rs -> {
			materials.computeIfAbsent(rs.getObject("item_id", UUID.class), k -> new ArrayList<>()).add(material(rs));
		});
		return rows.stream().map(r -> r.item(materials.getOrDefault(r.id(), List.of()))).toList();
	}

	Optional<ServiceItem> findByCode(String code) {
		return jdbc.sql("SELECT * FROM service_item WHERE code = ?").param(code).query((rs, n) -> row(rs)).optional()
			.map(r -> r.item(materials(r.id())));
	}

	Optional<ServiceItem> findById(UUID id) {
		return jdbc.sql("SELECT * FROM service_item WHERE id = ?").param(id).query((rs, n) -> row(rs)).optional()
			.map(r -> r.item(materials(r.id())));
	}

	List<MaterialRequirement> materials(UUID item) {
		return jdbc.sql("SELECT * FROM service_material WHERE item_id = ? ORDER BY position").param(item)
			.query((rs, n) -> material(rs)).list();
	}

	boolean exists(String code) {
		return jdbc.sql("SELECT count(*) FROM service_item WHERE code = ?").param(code).query(Integer.class).single() > 0;
	}

	void insert(ServiceItem item, Instant now) {
		jdbc.sql("""
				INSERT INTO service_item (id, code, category, name_zh, name_en, description_zh, description_en, statutory_days,
				  committed_days, fee, handling_level, online, active, version, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""").params(item.id(), item.code(), item.category().name(), item.nameZh(), item.nameEn(), item.descriptionZh(),
				item.descriptionEn(), item.statutoryDays(), item.committedDays(), item.fee(), item.handlingLevel().name(),
				item.online(), item.active(), item.version(), Timestamp.from(now)).update();
		insertMaterials(item);
	}

	/** Saves the item if nobody changed it since {@code version} was read; false otherwise. */
	boolean update(ServiceItem item, int version, Instant now) {
		int updated = jdbc.sql("""
				UPDATE service_item SET category = ?, name_zh = ?, name_en = ?, description_zh = ?, description_en = ?,
				  statutory_days = ?, committed_days = ?, fee = ?, handling_level = ?, online = ?, active = ?,
				  version = version + 1, updated_at = ?
				 WHERE id = ? AND version = ?
				""").params(item.category().name(), item.nameZh(), item.nameEn(), item.descriptionZh(), item.descriptionEn(),
				item.statutoryDays(), item.committedDays(), item.fee(), item.handlingLevel().name(), item.online(),
				item.active(), Timestamp.from(now), item.id(), version).update();
		if (updated == 0) {
			return false;
		}
		jdbc.sql("DELETE FROM service_material WHERE item_id = ?").param(item.id()).update();
		insertMaterials(item);
		return true;
	}

	private void insertMaterials(ServiceItem item) {
		int position = 0;
		for (MaterialRequirement m : item.materials()) {
			jdbc.sql("INSERT INTO service_material (item_id, code, name_zh, name_en, mandatory, formats, position) VALUES (?, ?, ?, ?, ?, ?, ?)")
				.params(item.id(), m.code(), m.nameZh(), m.nameEn(), m.mandatory(), MaterialFormat.format(m.formats()), position++)
				.update();
		}
	}

	private record ItemRow(UUID id, String code, ServiceCategory category, String nameZh, String nameEn, String descriptionZh,
			String descriptionEn, int statutoryDays, int committedDays, java.math.BigDecimal fee, UnitLevel level,
			boolean online, boolean active, int version) {

		ServiceItem item(List<MaterialRequirement> materials) {
			return new ServiceItem(id, code, category, nameZh, nameEn, descriptionZh, descriptionEn, statutoryDays,
					committedDays, fee, level, online, active, version, materials);
		}
	}

	private static ItemRow row(ResultSet rs) throws SQLException {
		return new ItemRow(rs.getObject("id", UUID.class), rs.getString("code"),
				ServiceCategory.valueOf(rs.getString("category")), rs.getString("name_zh"), rs.getString("name_en"),
				rs.getString("description_zh"), rs.getString("description_en"), rs.getInt("statutory_days"),
				rs.getInt("committed_days"), rs.getBigDecimal("fee"), UnitLevel.valueOf(rs.getString("handling_level")),
				rs.getBoolean("online"), rs.getBoolean("active"), rs.getInt("version"));
	}

	static MaterialRequirement material(ResultSet rs) throws SQLException {
		return new MaterialRequirement(rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"),
				rs.getBoolean("mandatory"), MaterialFormat.parse(rs.getString("formats")));
	}
}
