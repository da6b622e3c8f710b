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

import org.anning.cases.CaseStatistics;
import org.anning.database.DaySelection;
import org.springframework.stereotype.Component;

import static org.anning.indicators.DailySource.n;

/** Cases registered and cleared, and fraud money and apprehensions, per unit and day. */
@Component
class CaseSource implements DailySource {

	private final CaseStatistics cases;

	CaseSource(CaseStatistics cases) {
		this.cases = cases;
	}

	@Override
	public String name() {
		return "case";
	}

	@Override
	public String table() {
		return "rollup_case_day";
	}

	@Override
	public List<String> columns() {
		return List.of("registered", "cleared", "fraud_registered", "fraud_cleared", "fraud_apprehended",
				"fraud_stop_paid", "fraud_frozen", "fraud_returned", "fraud_loss");
	}

	@Override
	public void days(DaySelection selection, Consumer<Day> sink) {
		Consumer<CaseStatistics.Day> each = d -> sink.accept(new Day(d.unit(), d.day(), n(d.registered()), n(d.cleared()),
				n(d.fraudRegistered()), n(d.fraudCleared()), n(d.fraudApprehended()), d.fraudStopPaid(), d.fraudFrozen(),
				d.fraudReturned(), d.fraudLoss()));
		if (selection.only() != null) {
			selection.units().forEach(unit -> cases.days(unit, selection.only()).forEach(each));
		}
		else {
			cases.days(selection.units(), selection.from(), selection.to(), each);
		}
	}

	@Override
	public Map<UUID, Set<LocalDate>> touched(UUID record) {
		return cases.days(record).map(d -> Map.of(d.unit(), d.days())).orElse(Map.of());
	}

	@Override
	public Map<String, BigDecimal> direct(Collection<UUID> units, LocalDate from, LocalDate to) {
		CaseStatistics.Figures f = cases.figures(units, from, to);
		Map<String, BigDecimal> m = new LinkedHashMap<>();
		m.put("case.registered", n(f.registered()));
		m.put("case.cleared", n(f.cleared()));
		m.put("case.fraud_registered", n(f.fraudRegistered()));
		m.put("case.fraud_cleared", n(f.fraudCleared()));
		m.put("case.fraud_apprehended", n(f.fraudApprehended()));
		m.put("case.fraud_stop_paid", f.fraudStopPaid());
		m.put("case.fraud_frozen", f.fraudFrozen());
		m.put("case.fraud_returned", f.fraudReturned());
		m.put("case.fraud_loss", f.fraudLoss());
		m.put("homicide.registered", n(f.homicideRegistered()));
		m.put("homicide.cleared", n(f.homicideCleared()));
		return m;
	}
}
