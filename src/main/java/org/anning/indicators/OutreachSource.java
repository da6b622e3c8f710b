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
import org.anning.outreach.OutreachStatistics;
import org.springframework.stereotype.Component;

import static org.anning.indicators.DailySource.n;

/**
 * Service visits, publicity events and attendance, households visited and issues resolved, per unit and day. The
 * distinct residents served and the campaigns' apportioned targets do not add up over days: they are read from
 * the records for each question ({@link #exact}).
 */
@Component
class OutreachSource implements DailySource {

	private final OutreachStatistics outreach;

	OutreachSource(OutreachStatistics outreach) {
		this.outreach = outreach;
	}

	@Override
	public String name() {
		return "outreach";
	}

	@Override
	public String table() {
		return "rollup_outreach_day";
	}

	@Override
	public List<String> columns() {
		return List.of("service_visits", "publicity_events", "attendance", "households_visited", "issues_resolved");
	}

	@Override
	public void days(DaySelection selection, Consumer<Day> sink) {
		outreach.days(selection, d -> sink.accept(new Day(d.unit(), d.day(), n(d.serviceVisits()),
				n(d.publicityEvents()), n(d.attendance()), n(d.householdsVisited()), n(d.issuesResolved()))));
	}

	/** Outreach records are never moved to another day: the events name the unit and day they count on. */
	@Override
	public Map<UUID, Set<LocalDate>> touched(UUID record) {
		return Map.of();
	}

	@Override
	public Map<String, BigDecimal> direct(Collection<UUID> units, LocalDate from, LocalDate to) {
		OutreachStatistics.Figures f = outreach.figures(units, from, to);
		Map<String, BigDecimal> m = new LinkedHashMap<>();
		m.put("outreach.service_visits", n(f.serviceVisits()));
		m.put("outreach.publicity_events", n(f.publicityEvents()));
		m.put("outreach.attendance", n(f.attendance()));
		m.put("outreach.households_visited", n(f.householdsVisited()));
		m.put("outreach.issues_resolved", n(f.issuesResolved()));
		m.putAll(exact(f));
		return m;
	}

	/** The measures that do not add up over days, for one period, from the records. */
	Map<String, BigDecimal> exact(Collection<UUID> units, LocalDate from, LocalDate to) {
		return exact(outreach.figures(units, from, to));
	}

	private static Map<String, BigDecimal> exact(OutreachStatistics.Figures f) {
		return Map.of("outreach.residents_served", n(f.residentsServed()), "outreach.campaign_target",
				f.campaignTarget());
	}
}
