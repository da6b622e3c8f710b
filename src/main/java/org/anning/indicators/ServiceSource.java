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
import org.anning.services.ServiceStatistics;
import org.springframework.stereotype.Component;

import static org.anning.indicators.DailySource.n;

/** Applications closed (on time, with working days to decision) and ratings given, per unit and day. */
@Component
class ServiceSource implements DailySource {

	private final ServiceStatistics services;

	ServiceSource(ServiceStatistics services) {
		this.services = services;
	}

	@Override
	public String name() {
		return "service";
	}

	@Override
	public String table() {
		return "rollup_service_day";
	}

	@Override
	public List<String> columns() {
		return List.of("closed", "closed_on_time", "decided", "decided_working_days", "ratings", "satisfied_ratings",
				"poor_ratings", "poor_rectified");
	}

	@Override
	public void days(DaySelection selection, Consumer<Day> sink) {
		Consumer<ServiceStatistics.Day> each = d -> sink.accept(new Day(d.unit(), d.day(), n(d.closed()),
				n(d.closedOnTime()), n(d.decided()), n(d.decidedWorkingDays()), n(d.ratings()), n(d.satisfiedRatings()),
				n(d.poorRatings()), n(d.poorRatingsRectifiedInTime())));
		if (selection.only() != null) {
			selection.units().forEach(unit -> services.days(unit, selection.only()).forEach(each));
		}
		else {
			services.days(selection.units(), selection.from(), selection.to(), each);
		}
	}

	@Override
	public Map<UUID, Set<LocalDate>> touched(UUID record) {
		return services.days(record);
	}

	@Override
	public Map<String, BigDecimal> direct(Collection<UUID> units, LocalDate from, LocalDate to) {
		ServiceStatistics.Figures f = services.figures(units, from, to);
		Map<String, BigDecimal> m = new LinkedHashMap<>();
		m.put("service.closed", n(f.closed()));
		m.put("service.closed_on_time", n(f.closedOnTime()));
		m.put("service.decided", n(f.decided()));
		m.put("service.decided_working_days", n(f.decidedWorkingDays()));
		m.put("service.ratings", n(f.ratings()));
		m.put("service.satisfied_ratings", n(f.satisfiedRatings()));
		m.put("service.poor_ratings", n(f.poorRatings()));
		m.put("service.poor_rectified", n(f.poorRatingsRectifiedInTime()));
		return m;
	}
}
