package org.anning.indicators;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.anning.cases.CaseStatistics;
import org.anning.mediation.MediationStatistics;
import org.anning.services.ServiceStatistics;
import org.anning.units.Organisation;
import org.anning.units.Unit;
import org.anning.units.UnitId;
import org.anning.units.UnitScope;
import org.anning.web.InvalidInputException;
import org.anning.web.InvalidInputException.FieldProblem;
import org.anning.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Computes the indicators for a unit (with all its descendants) and a period, and the same for the comparison
 * period. The definitions live here, once; the counts and sums come from the modules that keep the records.
 */
@Service
@Transactional(readOnly = true)
public class Indicators {

	static final MathContext PRECISION = MathContext.DECIMAL128;

	static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final CaseStatistics cases;

	private final ServiceStatistics services;

	private final Organisation organisation;

	private final Rollups rollups;

	private final MediationStatistics mediation;

	private final OutreachSource outreach;

	private final org.anning.outreach.OutreachStatistics outreachStatistics;

	private final org.anning.traffic.TrafficStatistics trafficStatistics;

	Indicators(CaseStatistics cases, ServiceStatistics services, MediationStatistics mediation,
			Organisation organisation, Rollups rollups, OutreachSource outreach,
			org.anning.outreach.OutreachStatistics outreachStatistics,
			org.anning.traffic.TrafficStatistics trafficStatistics) {
		this.trafficStatistics = trafficStatistics;
		this.outreach = outreach;
		this.outreachStatistics = outreachStatistics;
		this.mediation = mediation;
		this.cases = cases;
		this.services = services;
		this.organisation = organisation;
		this.rollups = rollups;
	}

	/** The answer: unit, period, comparison, and one figure per indicator asked for. */
	public record Result(String unit, LocalDate from, LocalDate to, Comparison comparison, List<Figure> indicators) {
	}

	/**
	 * @throws InvalidInputException on {@code unit}, {@code from}, {@code to}, {@code compare} or {@code ids}
	 * @throws NotFoundException if the unit is outside the caller's scope
	 */
	public Result compute(String unitCode, String from, String to, String compare, String ids, UnitScope scope) {
		List<FieldProblem> problems = new ArrayList<>();
		Unit unit = StringUtils.hasText(unitCode) ? organisation.findByCode(unitCode.strip()).orElse(null) : null;
		if (unit == null) {
			problems.add(new FieldProblem("unit", "indicators.unit.unknown"));
		}
		LocalDate start = date("from", from, problems);
		LocalDate end = date("to", to, problems);
		if (start != null && end != null && end.isBefore(start)) {
			problems.add(new FieldProblem("to", "indicators.period.reversed"));
		}
		Comparison comparison = null;
		if (start != null && end != null && !end.isBefore(start)) {
			comparison = Comparison.of(compare, start, end).orElse(null);
			if (comparison == null) {
				problems.add(new FieldProblem("compare", "indicators.compare.unknown"));
			}
		}
		Set<Indicator> wanted = wanted(ids, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (!scope.covers(unit.id())) {
			throw new NotFoundException("unit");
		}
		Set<UUID> units = organisation.subtree(unit.id()).stream().map(UnitId::value).collect(Collectors.toSet());
		Rollups.Both both = rollups.figures(units, start, end, comparison.from(), comparison.to());
		both.now().putAll(outreach.exact(units, start, end));
		both.then().putAll(outreach.exact(units, comparison.from(), comparison.to()));
		Map<Indicator, BigDecimal> now = values(both.now());
		Map<Indicator, BigDecimal> then = values(both.then());
		List<Figure> figures = new ArrayList<>();
		for (Indicator indicator : wanted) {
			figures.add(figure(indicator, now.get(indicator), then.get(indicator)));
		}
		return new Result(unit.code(), start, end, comparison, figures);
	}

	/**
	 * The records behind one indicator for the unit and period: numerator and (for rates) denominator.
	 *
	 * @throws InvalidInputException on an unknown id, unit or dates
	 * @throws NotFoundException if the unit is outside the caller's scope
	 */
	public Records records(String id, String unitCode, String from, String to, int page, int size, UnitScope scope) {
		List<FieldProblem> problems = new ArrayList<>();
		Indicator indicator = Indicator.byId(id == null ? "" : id).orElse(null);
		if (indicator == null) {
			problems.add(new FieldProblem("id", "indicators.id.unknown", id));
		}
		Unit unit = StringUtils.hasText(unitCode) ? organisation.findByCode(unitCode.strip()).orElse(null) : null;
		if (unit == null) {
			problems.add(new FieldProblem("unit", "indicators.unit.unknown"));
		}
		LocalDate start = date("from", from, problems);
		LocalDate end = date("to", to, problems);
		if (start != null && end != null && end.isBefore(start)) {
			problems.add(new FieldProblem("to", "indicators.period.reversed"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (!scope.covers(unit.id())) {
			throw new NotFoundException("unit");
		}
		Set<UUID> units = organisation.subtree(unit.id()).stream().map(UnitId::value).collect(Collectors.toSet());
		int limit = Math.max(1, Math.min(size, 500));
		int offset = Math.max(0, page) * limit;
		String[] sets = SETS.get(indicator);
		Records.Part numerator = part(sets[0], units, start, end, offset, limit);
		Records.Part denominator = sets.length > 1 ? part(sets[1], units, start, end, offset, limit) : null;
		return new Records(indicator.id(), numerator, denominator);
	}

	/** The record sets behind each indicator: numerator, and denominator for rates (c: cases, s: service hall, m: mediation, o: outreach, t: traffic). */
	static final Map<Indicator, String[]> SETS = new EnumMap<>(Map.ofEntries(
			Map.entry(Indicator.CASES_REGISTERED, new String[] { "c:registered" }),
			Map.entry(Indicator.CASES_CLEARED, new String[] { "c:cleared" }),
			Map.entry(Indicator.CASES_CLEARANCE_RATE, new String[] { "c:cleared", "c:registered" }),
			Map.entry(Indicator.FRAUD_REGISTERED, new String[] { "c:fraud.registered" }),
			Map.entry(Indicator.FRAUD_CLEARED, new String[] { "c:fraud.cleared" }),
			Map.entry(Indicator.FRAUD_CLEARANCE_RATE, new String[] { "c:fraud.cleared", "c:fraud.registered" }),
			Map.entry(Indicator.FRAUD_APPREHENDED, new String[] { "c:fraud.event:APPREHENSION" }),
			Map.entry(Indicator.FRAUD_STOP_PAID, new String[] { "c:fraud.event:STOP_PAYMENT" }),
			Map.entry(Indicator.FRAUD_FROZEN, new String[] { "c:fraud.event:FREEZE" }),
			Map.entry(Indicator.FRAUD_RETURNED, new String[] { "c:fraud.event:RETURN" }),
			Map.entry(Indicator.FRAUD_RECOVERED, new String[] { "c:fraud.event:RETURN" }),
			Map.entry(Indicator.FRAUD_LOSS, new String[] { "c:fraud.registered" }),
			Map.entry(Indicator.HOMICIDE_REGISTERED, new String[] { "c:homicide.registered" }),
			Map.entry(Indicator.HOMICIDE_CLEARED, new String[] { "c:homicide.cleared" }),
			Map.entry(Indicator.HOMICIDE_CLEARANCE_RATE, new String[] { "c:homicide.cleared", "c:homicide.registered" }),
			Map.entry(Indicator.SERVICES_CLOSED, new String[] { "s:closed" }),
			Map.entry(Indicator.SERVICES_ON_TIME_RATE, new String[] { "s:closedOnTime", "s:closed" }),
			Map.entry(Indicator.SERVICES_AVERAGE_WORKING_DAYS, new String[] { "s:decided" }),
			Map.entry(Indicator.SERVICES_SATISFACTION_RATE, new String[] { "s:satisfied", "s:ratings" }),
			Map.entry(Indicator.SERVICES_POOR_RATINGS, new String[] { "s:poor" }),
			Map.entry(Indicator.SERVICES_RECTIFIED_RATE, new String[] { "s:poorRectified", "s:poor" }),
			Map.entry(Indicator.MEDIATION_RECEIVED, new String[] { "m:received" }),
			Map.entry(Indicator.MEDIATION_CLOSED, new String[] { "m:closed" }),
			Map.entry(Indicator.MEDIATION_AGREEMENT_RATE, new String[] { "m:agreements", "m:closed" }),
			Map.entry(Indicator.MEDIATION_FOLLOWED_UP_RATE, new String[] { "m:followUps.onTime", "m:followUps.due" }),
			Map.entry(Indicator.MEDIATION_ESCALATED, new String[] { "m:escalated" }),
			Map.entry(Indicator.MEDIATION_AVERAGE_DAYS, new String[] { "m:closed" }),
			Map.entry(Indicator.OUTREACH_SERVICE_VISITS, new String[] { "o:serviceVisits" }),
			Map.entry(Indicator.OUTREACH_RESIDENTS_SERVED, new String[] { "o:residentsServed" }),
			Map.entry(Indicator.OUTREACH_PUBLICITY_EVENTS, new String[] { "o:publicityEvents" }),
			Map.entry(Indicator.OUTREACH_ATTENDANCE, new String[] { "o:attendance" }),
			Map.entry(Indicator.OUTREACH_HOUSEHOLDS_VISITED, new String[] { "o:householdsVisited" }),
			Map.entry(Indicator.OUTREACH_CAMPAIGN_COVERAGE, new String[] { "o:householdsVisited", "o:campaignTarget" }),
			Map.entry(Indicator.OUTREACH_ISSUES_RESOLVED, new String[] { "o:issuesResolved" }),
			Map.entry(Indicator.TRAFFIC_ACCIDENTS, new String[] { "t:accidents" }),
			Map.entry(Indicator.TRAFFIC_FATAL_ACCIDENTS, new String[] { "t:fatalAccidents" }),
			Map.entry(Indicator.TRAFFIC_DEATHS, new String[] { "t:deaths" }),
			Map.entry(Indicator.TRAFFIC_INJURIES, new String[] { "t:injuries" }),
			Map.entry(Indicator.TRAFFIC_MAJOR_ACCIDENTS, new String[] { "t:majorAccidents" }),
			Map.entry(Indicator.TRAFFIC_DIRECT_LOSS, new String[] { "t:directLoss" })));

	private Records.Part part(String set, Set<UUID> units, LocalDate from, LocalDate to, int offset, int limit) {
		if (set.startsWith("c:")) {
			CaseStatistics.Page page = cases.records(set.substring(2), units, from, to, offset, limit);
			return new Records.Part(page.total(), page.lines().stream()
				.map(l -> new Records.Line(l.eventType() == null ? "CASE" : "CASE_EVENT", l.caseNumber(), l.category(),
						l.on(), l.eventType(), l.amount(), l.people(), null, null, "/desk/cases/" + l.caseNumber()))
				.toList());
		}
		if (set.startsWith("t:")) {
			org.anning.traffic.TrafficStatistics.Page page = trafficStatistics.records(set.substring(2), units, from, to,
					offset, limit);
			return new Records.Part(page.total(), page.lines().stream()
				.map(l -> new Records.Line("ACCIDENT", l.accidentNumber(), l.grade().name(), l.on(), l.road(), l.value(),
						l.deaths(), null, null, "/desk/traffic/accidents/" + l.accidentNumber()))
				.toList());
		}
		if (set.startsWith("o:")) {
			org.anning.outreach.OutreachStatistics.Page page = outreachStatistics.records(set.substring(2), units, from,
					to, offset, limit);
			return new Records.Part(page.total(), page.lines().stream()
				.map(l -> new Records.Line("OUTREACH_" + l.kind(), l.reference(), l.kind(), l.on(), l.detail(), l.amount(),
						null, null, null, null))
				.toList());
		}
		if (set.startsWith("m:")) {
			MediationStatistics.Page page = mediation.records(set.substring(2), units, from, to, offset, limit);
			return new Records.Part(page.total(), page.lines().stream()
				.map(l -> new Records.Line(l.caseNumber() == null ? "DISPUTE" : "DISPUTE_CASE_LINK", l.reference(),
						l.category(), l.on(), l.caseNumber(), null, null, null, l.days(),
						"/desk/mediation/" + l.reference()))
				.toList());
		}
		ServiceStatistics.Page page = services.records(set.substring(2), units, from, to, offset, limit);
		return new Records.Part(page.total(), page.lines().stream()
			.map(l -> new Records.Line(l.ratingLevel() == null ? "APPLICATION" : "RATING", l.reference(), l.itemCode(),
					l.on(), null, null, null, l.ratingLevel(), null, "/desk/services/" + l.reference()))
			.toList());
	}

	/** Every indicator's unrounded value for the units and the period, from the rollups. */
	Map<Indicator, BigDecimal> values(Set<UUID> units, LocalDate from, LocalDate to) {
		Map<String, BigDecimal> measures = rollups.figures(units, from, to, from, to).now();
		measures.putAll(outreach.exact(units, from, to));
		return values(measures);
	}

	/**
	 * The same values computed directly from the records, bypassing the rollups: what the rollups must always equal
	 * (checked by the command rollups check and by tests), and the baseline the benchmark compares against.
	 */
	Map<Indicator, BigDecimal> direct(Set<UUID> units, LocalDate from, LocalDate to) {
		Map<String, BigDecimal> measures = new java.util.HashMap<>();
		for (DailySource source : rollups.sources()) {
			measures.putAll(source.direct(units, from, to));
		}
		return values(measures);
	}

	/** The definitions: each indicator from the measures (counts and sums per source, keyed source.measure). */
	private static Map<Indicator, BigDecimal> values(Map<String, BigDecimal> m) {
		Map<Indicator, BigDecimal> v = new EnumMap<>(Indicator.class);
		v.put(Indicator.CASES_REGISTERED, m.get("case.registered"));
		v.put(Indicator.CASES_CLEARED, m.get("case.cleared"));
		v.put(Indicator.CASES_CLEARANCE_RATE, percent(m.get("case.cleared"), m.get("case.registered")));
		v.put(Indicator.FRAUD_REGISTERED, m.get("case.fraud_registered"));
		v.put(Indicator.FRAUD_CLEARED, m.get("case.fraud_cleared"));
		v.put(Indicator.FRAUD_CLEARANCE_RATE, percent(m.get("case.fraud_cleared"), m.get("case.fraud_registered")));
		v.put(Indicator.FRAUD_APPREHENDED, m.get("case.fraud_apprehended"));
		v.put(Indicator.FRAUD_STOP_PAID, money(m.get("case.fraud_stop_paid")));
		v.put(Indicator.FRAUD_FROZEN, money(m.get("case.fraud_frozen")));
		v.put(Indicator.FRAUD_RETURNED, money(m.get("case.fraud_returned")));
		v.put(Indicator.FRAUD_RECOVERED, money(m.get("case.fraud_returned")));
		v.put(Indicator.FRAUD_LOSS, money(m.get("case.fraud_loss")));
		v.put(Indicator.HOMICIDE_REGISTERED, m.get("homicide.registered"));
		v.put(Indicator.HOMICIDE_CLEARED, m.get("homicide.cleared"));
		v.put(Indicator.HOMICIDE_CLEARANCE_RATE, percent(m.get("homicide.cleared"), m.get("homicide.registered")));
		v.put(Indicator.SERVICES_CLOSED, m.get("service.closed"));
		v.put(Indicator.SERVICES_ON_TIME_RATE, percent(m.get("service.closed_on_time"), m.get("service.closed")));
		v.put(Indicator.SERVICES_AVERAGE_WORKING_DAYS, average(m.get("service.decided_working_days"), m.get("service.decided")));
		v.put(Indicator.SERVICES_SATISFACTION_RATE, percent(m.get("service.satisfied_ratings"), m.get("service.ratings")));
		v.put(Indicator.SERVICES_POOR_RATINGS, m.get("service.poor_ratings"));
		v.put(Indicator.SERVICES_RECTIFIED_RATE, percent(m.get("service.poor_rectified"), m.get("service.poor_ratings")));
		v.put(Indicator.MEDIATION_RECEIVED, m.get("mediation.received"));
		v.put(Indicator.MEDIATION_CLOSED, m.get("mediation.closed"));
		v.put(Indicator.MEDIATION_AGREEMENT_RATE, percent(m.get("mediation.agreements"), m.get("mediation.closed")));
		v.put(Indicator.MEDIATION_FOLLOWED_UP_RATE,
				percent(m.get("mediation.followed_up_on_time"), m.get("mediation.follow_ups_due")));
		v.put(Indicator.MEDIATION_ESCALATED, m.get("mediation.escalated"));
		v.put(Indicator.MEDIATION_AVERAGE_DAYS, average(m.get("mediation.days_sum"), m.get("mediation.closed")));
		v.put(Indicator.OUTREACH_SERVICE_VISITS, m.get("outreach.service_visits"));
		v.put(Indicator.OUTREACH_RESIDENTS_SERVED, m.get("outreach.residents_served"));
		v.put(Indicator.OUTREACH_PUBLICITY_EVENTS, m.get("outreach.publicity_events"));
		v.put(Indicator.OUTREACH_ATTENDANCE, m.get("outreach.attendance"));
		v.put(Indicator.OUTREACH_HOUSEHOLDS_VISITED, m.get("outreach.households_visited"));
		v.put(Indicator.OUTREACH_CAMPAIGN_COVERAGE,
				percent(m.get("outreach.households_visited"), m.get("outreach.campaign_target")));
		v.put(Indicator.OUTREACH_ISSUES_RESOLVED, m.get("outreach.issues_resolved"));
		v.put(Indicator.TRAFFIC_ACCIDENTS, m.get("traffic.accidents"));
		v.put(Indicator.TRAFFIC_FATAL_ACCIDENTS, m.get("traffic.fatal_accidents"));
		v.put(Indicator.TRAFFIC_DEATHS, m.get("traffic.deaths"));
		v.put(Indicator.TRAFFIC_INJURIES, m.get("traffic.injuries"));
		v.put(Indicator.TRAFFIC_MAJOR_ACCIDENTS, m.get("traffic.major_accidents"));
		v.put(Indicator.TRAFFIC_DIRECT_LOSS, money(m.get("traffic.direct_loss")));
		return v;
	}

	private static BigDecimal money(BigDecimal value) {
		return value.setScale(2, RoundingMode.UNNECESSARY);
	}

	private static BigDecimal average(BigDecimal sum, BigDecimal count) {
		return count.signum() == 0 ? null : sum.divide(count, PRECISION);
	}

	static Figure figure(Indicator indicator, BigDecimal value, BigDecimal comparison) {
		BigDecimal relative = value == null || comparison == null || comparison.signum() == 0 ? null
				: value.subtract(comparison).multiply(HUNDRED).divide(comparison, PRECISION);
		BigDecimal points = indicator.kind() == Indicator.Kind.RATE && value != null && comparison != null
				? value.subtract(comparison) : null;
		return new Figure(indicator.id(), round(indicator, value), round(indicator, comparison), round2(relative),
				round2(points));
	}

	private static BigDecimal round(Indicator indicator, BigDecimal value) {
		if (value == null) {
			return null;
		}
		return indicator.kind() == Indicator.Kind.COUNT ? value.setScale(0, RoundingMode.HALF_UP) : round2(value);
	}

	private static BigDecimal round2(BigDecimal value) {
		return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
	}

	static BigDecimal percent(long part, long whole) {
		return percent(BigDecimal.valueOf(part), BigDecimal.valueOf(whole));
	}

	static BigDecimal percent(BigDecimal part, BigDecimal whole) {
		return whole.signum() == 0 ? null : part.multiply(HUNDRED).divide(whole, PRECISION);
	}

	private static LocalDate date(String field, String value, List<FieldProblem> problems) {
		if (!StringUtils.hasText(value)) {
			problems.add(new FieldProblem(field, "indicators.date.required"));
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			problems.add(new FieldProblem(field, "indicators.date.format"));
			return null;
		}
	}

	private static Set<Indicator> wanted(String ids, List<FieldProblem> problems) {
		if (!StringUtils.hasText(ids)) {
			return new LinkedHashSet<>(List.of(Indicator.values()));
		}
		Set<Indicator> wanted = new LinkedHashSet<>();
		for (String id : ids.split(",")) {
			Indicator.byId(id.strip()).ifPresentOrElse(wanted::add,
					() -> problems.add(new FieldProblem("ids", "indicators.id.unknown", id.strip())));
		}
		return wanted;
	}
}
