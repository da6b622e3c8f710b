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
import org.anning.traffic.TrafficStatistics;
import org.springframework.stereotype.Component;

import static org.anning.indicators.DailySource.n;

/** Road accidents by the day they happened in the bureau's zone: counts, deaths, injuries, major ones, losses. */
@Component
class TrafficSource implements DailySource {

	private final TrafficStatistics traffic;

	TrafficSource(TrafficStatistics traffic) {
		this.traffic = traffic;
	}

	@Override
	public String name() {
		return "traffic";
	}

	@Override
	public String table() {
		return "rollup_traffic_day";
	}

	@Override
	public List<String> columns() {
		return List.of("accidents", "fatal_accidents", "deaths", "injuries", "major_accidents", "direct_loss");
	}

	@Override
	public void days(DaySelection selection, Consumer<Day> sink) {
		Consumer<TrafficStatistics.Day> each = d -> sink.accept(new Day(d.unit(), d.day(), n(d.accidents()),
				n(d.fatalAccidents()), n(d.deaths()), n(d.injuries()), n(d.majorAccidents()), d.directLoss()));
		if (selection.only() != null) {
			selection.units().forEach(unit -> traffic.days(unit, selection.only()).forEach(each));
		}
		else {
			traffic.days(selection.units(), selection.from(), selection.to(), each);
		}
	}

	@Override
	public Map<UUID, Set<LocalDate>> touched(UUID record) {
		return traffic.days(record);
	}

	@Override
	public Map<String, BigDecimal> direct(Collection<UUID> units, LocalDate from, LocalDate to) {
		TrafficStatistics.Figures f = traffic.figures(units, from, to);
		Map<String, BigDecimal> m = new LinkedHashMap<>();
		m.put("traffic.accidents", n(f.accidents()));
		m.put("traffic.fatal_accidents", n(f.fatalAccidents()));
		m.put("traffic.deaths", n(f.deaths()));
		m.put("traffic.injuries", n(f.injuries()));
		m.put("traffic.major_accidents", n(f.majorAccidents()));
		m.put("traffic.direct_loss", f.directLoss());
		return m;
	}
}
