package org.anning.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.anning.accounts.Role;
import org.anning.accounts.StaffPrincipal;
import org.anning.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Notices for staff on the desk. A notice is addressed to a role at a unit (the station chief of a station) and
 * stored once per thing it is about; every staff user who has that role and whose own unit is that unit sees it,
 * whoever holds the post when it is read. Read or unread is kept per account. A notice the reader is not
 * addressed by is not found, like a record outside their unit scope.
 */
@Service
@Transactional
public class StaffNotices {

	/** The most notices a page or the API lists: older ones are kept, yet months-old news helps nobody. */
	static final int MAX_LISTED = 100;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	/** The notices a reader is addressed by: their own unit, any of their roles. */
	private static final String ADDRESSED = "n.unit_id = :unit AND n.role IN (:roles)";

	private final JdbcClient jdbc;

	private final Clock clock;

	StaffNotices(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Stores a notice for a role at a unit unless one of the same kind about the same thing ({@code key}) exists,
	 * and tells whether it did: an event delivered again adds nothing.
	 */
	boolean post(String kind, String key, Role role, UUID unit, String messageKey, List<String> args, String link) {
		return jdbc.sql("""
				INSERT INTO staff_notice (id, kind, notice_key, role, unit_id, message_key, args, link, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT ON CONSTRAINT staff_notice_once DO NOTHING
				""")
			.params(UUID.randomUUID(), kind, key, role.name(), unit, messageKey, JSON.writeValueAsString(args), link,
					Timestamp.from(clock.instant()))
			.update() == 1;
	}

	/** How many notices addressed to the reader they have not read, for the desk's navigation and home page. */
	@Transactional(readOnly = true)
	public long unread(StaffPrincipal reader) {
		if (reader == null || reader.roles().isEmpty()) {
			return 0;
		}
		return jdbc.sql("SELECT count(*) FROM staff_notice n WHERE " + ADDRESSED + " AND NOT EXISTS"
				+ " (SELECT 1 FROM staff_notice_read r WHERE r.notice_id = n.id AND r.account_id = :account)")
			.params(addressee(reader))
			.query(Long.class)
			.single();
	}

	/** The notices addressed to the reader, newest first, with whether this reader has read each. */
	@Transactional(readOnly = true)
	List<StaffNotice> of(StaffPrincipal reader) {
		if (reader.roles().isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT n.id, n.kind, n.message_key, n.args, n.link, n.created_at, r.read_at
				  FROM staff_notice n
				  LEFT JOIN staff_notice_read r ON r.notice_id = n.id AND r.account_id = :account
				""" + " WHERE " + ADDRESSED + " ORDER BY n.created_at DESC, n.id LIMIT :max")
			.params(addressee(reader))
			.param("max", MAX_LISTED)
			.query((rs, n) -> {
				Timestamp read = rs.getTimestamp("read_at");
				return new StaffNotice(rs.getObject("id", UUID.class), rs.getString("kind"),
						rs.getString("message_key"), JSON.readValue(rs.getString("args"), STRINGS),
						rs.getString("link"), rs.getTimestamp("created_at").toInstant(),
						read == null ? null : read.toInstant());
			})
			.list();
	}

	/** Marks one notice read for the reader; a notice not addressed to them is not found. */
	void markRead(UUID notice, StaffPrincipal reader) {
		boolean addressed = !reader.roles().isEmpty()
				&& jdbc.sql("SELECT count(*) FROM staff_notice n WHERE n.id = :id AND " + ADDRESSED)
					.params(addressee(reader))
					.param("id", notice)
					.query(Long.class)
					.single() == 1;
		if (!addressed) {
			throw new NotFoundException("notice");
		}
		jdbc.sql("""
				INSERT INTO staff_notice_read (notice_id, account_id, read_at) VALUES (:id, :account, :now)
				ON CONFLICT DO NOTHING
				""")
			.param("id", notice)
			.param("account", reader.accountId().value())
			.param("now", Timestamp.from(clock.instant()))
			.update();
	}

	/** Marks every notice addressed to the reader read; returns how many were unread. */
	int markAllRead(StaffPrincipal reader) {
		if (reader.roles().isEmpty()) {
			return 0;
		}
		return jdbc.sql("INSERT INTO staff_notice_read (notice_id, account_id, read_at) SELECT n.id, :account, :now"
				+ " FROM staff_notice n WHERE " + ADDRESSED + " ON CONFLICT DO NOTHING")
			.params(addressee(reader))
			.param("now", Timestamp.from(clock.instant()))
			.update();
	}

	private static Map<String, Object> addressee(StaffPrincipal reader) {
		return Map.of("unit", reader.unitId().value(), "roles", reader.roles().stream().map(Role::name).toList(),
				"account", reader.accountId().value());
	}
}
