package org.anning.services;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.anning.units.UnitScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff worklists: what is to accept, to review, due soon, overdue, returned, to close, and one's own, for
 * the units in scope, filtered by item and status. Lists show no personal data, so reading them is not audited.
 */
@Service
@Transactional(readOnly = true)
public class Worklists {

	static final int LIMIT = 200;

	private final JdbcClient jdbc;

	private final Clock clock;

	Worklists(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The applications of one worklist, most urgent first, at most {@link #LIMIT}. */
	public List<QueueLine> list(Queue queue, UnitScope scope, String item, ApplicationStatus status, UUID me) {
		List<Object> params = new ArrayList<>();
		StringBuilder sql = new StringBuilder("""
				SELECT reference, item_code, item_name_zh, item_name_en, unit_id, status, received_on, accepted_on, warn_on,
				       due_on, implied_acceptance, stopped_on IS NOT NULL AS stopped, assignee_id
				  FROM application WHERE unit_id = ANY(?) AND status <> 'DRAFT'
				""");
		params.add(scope.ids());
		sql.append(condition(queue, params, me));
		if (item != null && !item.isBlank()) {
			sql.append(" AND item_code = ?");
			params.add(item.strip());
		}
		if (status != null) {
			sql.append(" AND status = ?");
			params.add(status.name());
		}
		sql.append(switch (queue) {
			case TO_ACCEPT, RETURNED -> " ORDER BY received_on, reference";
			case ALL -> " ORDER BY created_at DESC";
			default -> " ORDER BY due_on NULLS LAST, reference";
		});
		sql.append(" LIMIT ").append(LIMIT);
		return jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
			java.sql.Date received = rs.getDate("received_on");
			java.sql.Date accepted = rs.getDate("accepted_on");
			java.sql.Date warn = rs.getDate("warn_on");
			java.sql.Date due = rs.getDate("due_on");
			return new QueueLine(rs.getString("reference"), rs.getString("item_code"), rs.getString("item_name_zh"),
					rs.getString("item_name_en"), rs.getObject("unit_id", UUID.class),
					ApplicationStatus.valueOf(rs.getString("status")), received == null ? null : received.toLocalDate(),
					accepted == null ? null : accepted.toLocalDate(), warn == null ? null : warn.toLocalDate(),
					due == null ? null : due.toLocalDate(), rs.getBoolean("implied_acceptance"), rs.getBoolean("stopped"),
					rs.getObject("assignee_id", UUID.class));
		}).list();
	}

	/** How many applications each worklist holds, in one pass over the scope's applications. */
	public Map<Queue, Integer> counts(UnitScope scope, UUID me) {
		List<Object> params = new ArrayList<>();
		StringBuilder sql = new StringBuilder("SELECT ");
		List<Queue> queues = new ArrayList<>();
		for (Queue queue : Queue.values()) {
			if (queue == Queue.ALL) {
				continue;
			}
			String condition = condition(queue, params, me);
			sql.append(queues.isEmpty() ? "" : ", ").append("count(*) FILTER (WHERE TRUE").append(condition).append(")");
			queues.add(queue);
		}
		sql.append(" FROM application WHERE unit_id = ANY(?) AND status <> 'DRAFT'");
		params.add(scope.ids());
		Map<Queue, Integer> counts = new EnumMap<>(Queue.class);
		jdbc.sql(sql.toString()).params(params).query(rs -> {
			for (int i = 0; i < queues.size(); i++) {
				counts.put(queues.get(i), rs.getInt(i + 1));
			}
		});
		return counts;
	}

	private String condition(Queue queue, List<Object> params, UUID me) {
		LocalDate today = LocalDate.now(clock);
		return switch (queue) {
			case TO_ACCEPT -> " AND status = 'SUBMITTED'";
			case TO_REVIEW -> " AND status IN ('ACCEPTED', 'UNDER_REVIEW')";
			case DUE_SOON -> {
				params.add(today);
				params.add(today);
				yield " AND status IN ('ACCEPTED', 'UNDER_REVIEW') AND warn_on <= ? AND due_on >= ?";
			}
			case OVERDUE -> {
				params.add(today);
				yield " AND status IN ('ACCEPTED', 'UNDER_REVIEW') AND due_on < ?";
			}
			case RETURNED -> " AND status = 'RETURNED'";
			case TO_CLOSE -> " AND status IN ('APPROVED', 'DENIED', 'READY_FOR_COLLECTION', 'DELIVERED')";
			case MINE -> {
				params.add(me);
				yield " AND assignee_id = ? AND status NOT IN ('CLOSED', 'REFUSED', 'WITHDRAWN')";
			}
			case ALL -> "";
		};
	}
}
