package org.anning.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.anning.notifications.spi.Notice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Residents' inboxes on the portal. An entry is stored once per thing that happened, although events may be
 * delivered again (see {@link #store}).
 */
@Service
@Transactional
public class Inbox {

	/** The most entries a page or the API lists: older ones are kept, yet months-old news helps nobody. */
	static final int MAX_LISTED = 100;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final Clock clock;

	Inbox(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** How many entries of the resident's inbox are unread, for a badge on their pages. */
	@Transactional(readOnly = true)
	public long unread(UUID resident) {
		return jdbc.sql("SELECT count(*) FROM notification WHERE resident_id = ? AND read_at IS NULL")
			.param(resident)
			.query(Long.class)
			.single();
	}

	/**
	 * Stores a notice unless it repeats the newest entry about the same subject, and tells whether it did.
	 * <p>
	 * Events carry no identity of their own, and the same status may legitimately come twice for one application
	 * (returned for supplement, resubmitted, returned again), so a unique key of application and status would
	 * swallow the second return. A status never follows itself, though: an entry that repeats the newest one of
	 * its subject can only be the same event delivered again. Entries of one subject are stored one at a time
	 * (an advisory lock for the transaction), so two deliveries at once cannot both pass the check.
	 */
	boolean store(String kind, String subject, Notice notice) {
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))").param(subject).query((rs, n) -> 1).single();
		return jdbc.sql("""
				INSERT INTO notification (id, resident_id, kind, subject, message_key, args, link, created_at)
				SELECT ?, ?, ?, ?, ?, ?, ?, ?
				 WHERE NOT EXISTS (SELECT 1 FROM (SELECT message_key FROM notification WHERE subject = ?
				                                   ORDER BY created_at DESC LIMIT 1) newest
				                    WHERE newest.message_key = ?)
				""")
			.params(UUID.randomUUID(), notice.resident(), kind, subject, notice.messageKey(),
					JSON.writeValueAsString(notice.args()), notice.link(), Timestamp.from(clock.instant()), subject,
					notice.messageKey())
			.update() == 1;
	}

	/** The resident's entries, newest first. */
	@Transactional(readOnly = true)
	List<Notification> of(UUID resident) {
		return jdbc.sql("""
				SELECT id, kind, message_key, args, link, created_at, read_at FROM notification
				 WHERE resident_id = ? ORDER BY created_at DESC, id LIMIT ?
				""")
			.params(resident, MAX_LISTED)
			.query((rs, n) -> {
				Timestamp read = rs.getTimestamp("read_at");
				return new Notification(rs.getObject("id", UUID.class), rs.getString("kind"),
						rs.getString("message_key"), JSON.readValue(rs.getString("args"), STRINGS),
						rs.getString("link"), rs.getTimestamp("created_at").toInstant(),
						read == null ? null : read.toInstant());
			})
			.list();
	}

	/** Marks all of the resident's entries read; returns how many were unread. */
	int markAllRead(UUID resident) {
		return jdbc.sql("UPDATE notification SET read_at = ? WHERE resident_id = ? AND read_at IS NULL")
			.params(Timestamp.from(clock.instant()), resident)
			.update();
	}
}
