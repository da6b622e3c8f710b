package org.anning.indicators;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.anning.database.DaySelection;
import org.anning.mediation.MediationStatistics;
import org.springframework.stereotype.Component;

import static org.anning.indicators.DailySource.n;

/** Disputes received and closed (with agreement, and days taken), follow-ups due and done, escalations. */
@Component
class MediationSource implements DailySource {

	private final MediationStatistics mediation;

	MediationSource(MediationStatistics mediation) {
		this.mediation = mediation;
	}

	@Override
	public String name() {
		return "mediation";
	}

	@Override
	public String table() {
		return "rollup_mediation_day";
	}

	@Override
	public List<String> columns() {
		return List.of("received", "closed", "agreements", "follow_ups_due", "followed_up_on_time", "escalated",
				"days_sum");
	}

	@Override
	public void days(DaySelection selection, Consumer<Day> sink) {
		mediation.days(selection, d -> sink.accept(new Day(d.unit(), d.day(), n(d.received()), n(d.closed()),
				n(d.agreements()), n(d.followUpsDue()), n(d.followedUpOnTime()), n(d.escalated()), n(d.daysSum()))));
	}

	@Override
	public Map<UUID, Set<LocalDate>> touched(UUID record) {
		return mediation.days(record);
	}

	@Override
	public Map<String, BigDecimal> direct(Collection<UUID> units, LocalDate from, LocalDate to) {
		MediationStatistics.Figures f = mediation.figures(units, from, to);
		Map<String, BigDecimal> m = new LinkedHashMap<>();
		m.put("mediation.received", n(f.received()));
		m.put("mediation.closed", n(f.closed()));
		m.put("mediation.agreements", n(f.agreements()));
		m.put("mediation.follow_ups_due", n(f.followUpsDue()));
		m.put("mediation.followed_up_on_time", n(f.followedUpOnTime()));
		m.put("mediation.escalated", n(f.escalated()));
		m.put("mediation.days_sum", n(f.daysSum()));
		return m;
	}
}
