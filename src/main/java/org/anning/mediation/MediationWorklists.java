package org.anning.mediation;

import java.sql.Date;
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
 * The mediation worklists of the units in scope: in mediation (high risk first), high risk, due soon, overdue,
 * follow-up visits due, closed, all; filtered by category. The 30-day limit counts calendar days from receipt;
 * due soon from its last six days (80 %). Lists show no personal data, so reading them is not audited.
 */
@Service
@Transactional(readOnly = true)
public class MediationWorklists {

	public static final int LIMIT = 200;

	/** The follow-up pending on a dispute: its latest agreement's, when not yet made. */
	private static final String FOLLOW_UP = """
			(SELECT a.follow_up_due FROM mediation_agreement a WHERE a.dispute_id = d.id AND a.followed_up_on IS NULL
			  ORDER BY a.agreed_on DESC, a.created_at DESC LIMIT 1)""";

	private final JdbcClient jdbc;

	private final Clock clock;

	MediationWorklists(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The disputes of one worklist, most urgent first, at most {@link #LIMIT}. */
	public List<DisputeLine> list(MediationQueue queue, UnitScope scope, Category category) {
		List<Object> params = new ArrayList<>();
		StringBuilder sql = new StringBuilder("SELECT * FROM (SELECT d.*, " + FOLLOW_UP
				+ " AS follow_up_due FROM mediation_dispute d WHERE d.unit_id = ANY(?)");
		params.add(scope.ids());
		if (category != null) {
			sql.append(" AND d.category = ?");
			params.add(category.name());
		}
		sql.append(") x WHERE TRUE").append(condition(queue, params));
		sql.append(switch (queue) {
			case CLOSED -> " ORDER BY closed_on DESC, reference DESC";
			case ALL -> " ORDER BY received_on DESC, reference DESC";
			case FOLLOW_UP_DUE -> " ORDER BY follow_up_due, reference";
			default -> " ORDER BY (risk = 'HIGH') DESC, due_on, reference";
		});
		sql.append(" LIMIT ").append(LIMIT);
		return jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
			String outcome = rs.getString("outcome");
			return new DisputeLine(rs.getString("reference"), rs.getObject("unit_id", UUID.class),
					IntakeChannel.valueOf(rs.getString("channel")), Category.valueOf(rs.getString("category")),
					Risk.valueOf(rs.getString("risk")), DisputeStatus.valueOf(rs.getString("status")),
					outcome == null ? null : Outcome.valueOf(outcome), date(rs.getDate("received_on")),
					date(rs.getDate("warn_on")), date(rs.getDate("due_on")), date(rs.getDate("closed_on")),
					date(rs.getDate("follow_up_due")));
		}).list();
	}

	/** How many disputes each worklist holds, in one pass over the scope's disputes. */
	public Map<MediationQueue, Integer> counts(UnitScope scope) {
		List<Object> params = new ArrayList<>();
		StringBuilder sql = new StringBuilder("SELECT ");
		List<MediationQueue> queues = new ArrayList<>();
		for (MediationQueue queue : MediationQueue.values()) {
			if (queue == MediationQueue.ALL || queue == MediationQueue.CLOSED) {
				continue;
			}
			sql.append(queues.isEmpty() ? "" : ", ").append("count(*) FILTER (WHERE TRUE").append(condition(queue, params))
				.append(")");
			queues.add(queue);
		}
		sql.append(" FROM (SELECT d.*, ").append(FOLLOW_UP)
			.append(" AS follow_up_due FROM mediation_dispute d WHERE d.unit_id = ANY(?)) x");
		params.add(scope.ids());
		Map<MediationQueue, Integer> counts = new EnumMap<>(MediationQueue.class);
		jdbc.sql(sql.toString()).params(params).query(rs -> {
			for (int i = 0; i < queues.size(); i++) {
				counts.put(queues.get(i), rs.getInt(i + 1));
			}
		});
		return counts;
	}

	private String condition(MediationQueue queue, List<Object> params) {
		LocalDate today = LocalDate.now(clock);
		return switch (queue) {
			case IN_MEDIATION -> " AND status = 'IN_MEDIATION'";
			case HIGH_RISK -> " AND status = 'IN_MEDIATION' AND risk = 'HIGH'";
			case DUE_SOON -> {
				params.add(today);
				params.add(today);
				yield " AND status = 'IN_MEDIATION' AND warn_on <= ? AND due_on >= ?";
			}
			case OVERDUE -> {
				params.add(today);
				yield " AND status = 'IN_MEDIATION' AND due_on < ?";
			}
			case FOLLOW_UP_DUE -> {
				params.add(today);
				yield " AND status = 'CLOSED' AND outcome = 'AGREEMENT' AND follow_up_due <= ?";
			}
			case CLOSED -> " AND status = 'CLOSED'";
			case ALL -> "";
		};
	}

	private static LocalDate date(Date d) {
		return d == null ? null : d.toLocalDate();
	}
}
