package org.anning.indicators;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.anning.units.Organisation;
import org.anning.units.Unit;
import org.anning.units.UnitScope;
import org.anning.web.InvalidInputException;
import org.anning.web.InvalidInputException.FieldProblem;
import org.anning.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One indicator broken down: by calendar month of the period (each beside the matching part of the comparison
 * period), and by the direct sub-units of a unit (each with its own descendants), ranked best first. Every
 * number is an {@link Indicators#compute} answer, so a breakdown never disagrees with the figure it splits.
 */
@Service
@Transactional(readOnly = true)
public class Breakdowns {

	/**
	 * Indicators where a smaller value is the better result, so the ranking puts the smallest first: fewer fraud
	 * cases and smaller fraud losses (the down of three up, one down), fewer homicides, fewer poor ratings, and
	 * fewer working days to a decision. For every other indicator (counts of work done, money recovered, rates)
	 * larger is better.
	 */
	public static final Set<String> LOWER_IS_BETTER = Set.of(Indicator.FRAUD_REGISTERED.id(),
			Indicator.FRAUD_LOSS.id(), Indicator.HOMICIDE_REGISTERED.id(), Indicator.SERVICES_POOR_RATINGS.id(),
			Indicator.SERVICES_AVERAGE_WORKING_DAYS.id(), Indicator.MEDIATION_ESCALATED.id(),
			Indicator.MEDIATION_AVERAGE_DAYS.id(), Indicator.TRAFFIC_ACCIDENTS.id(), Indicator.TRAFFIC_FATAL_ACCIDENTS.id(),
			Indicator.TRAFFIC_DEATHS.id(), Indicator.TRAFFIC_INJURIES.id(), Indicator.TRAFFIC_MAJOR_ACCIDENTS.id(),
			Indicator.TRAFFIC_DIRECT_LOSS.id());

	/** The longest period a monthly series covers: five years. */
	public static final int MAX_MONTHS = 60;

	private final Indicators indicators;

	private final Organisation organisation;

	Breakdowns(Indicators indicators, Organisation organisation) {
		this.indicators = indicators;
		this.organisation = organisation;
	}

	/**
	 * One month of the period (cut to the period at its ends) and the matching part of the comparison period.
	 * The months tile the period and the comparison parts tile the comparison period, so for counts and money
	 * the months add up to the period's figure on both sides.
	 */
	public record Month(YearMonth month, LocalDate from, LocalDate to, LocalDate comparisonFrom,
			LocalDate comparisonTo, BigDecimal value, BigDecimal comparisonValue) {
	}

	/** An indicator by month, with the figure for the whole period. */
	public record Series(String id, String unit, LocalDate from, LocalDate to, Comparison comparison, Figure total,
			List<Month> months) {
	}

	/** A sub-unit's place: its rank (shared on a tie, null without a value), the unit and its figure. */
	public record Place(Integer rank, Unit unit, Figure figure) {
	}

	/** The direct sub-units of a unit ranked best first on one indicator, with the unit's own figure. */
	public record Ranking(String id, String unit, LocalDate from, LocalDate to, Comparison comparison, Figure total,
			boolean lowerIsBetter, List<Place> places) {
	}

	/** Whether a smaller value of the indicator is the better result. */
	public static boolean lowerIsBetter(String id) {
		return LOWER_IS_BETTER.contains(id);
	}

	/**
	 * @throws InvalidInputException on {@code id}, {@code unit}, {@code from}, {@code to} (also for a period of
	 * more than {@link #MAX_MONTHS} months) or {@code compare}
	 * @throws NotFoundException if the unit is outside the caller's scope
	 */
	public Series series(String id, String unitCode, String from, String to, String compare, UnitScope scope) {
		Indicators.Result whole = whole(id, unitCode, from, to, compare, scope);
		LocalDate start = whole.from();
		LocalDate end = whole.to();
		YearMonth first = YearMonth.from(start);
		YearMonth last = YearMonth.from(end);
		if (ChronoUnit.MONTHS.between(first, last) + 1 > MAX_MONTHS) {
			throw new InvalidInputException("to", "indicators.breakdown.period.tooLong", MAX_MONTHS);
		}
		Comparison comparison = whole.comparison();
		Figure total = whole.indicators().get(0);
		List<Month> months = new ArrayList<>();
		for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
			LocalDate a = month.atDay(1).isBefore(start) ? start : month.atDay(1);
			LocalDate b = month.atEndOfMonth().isAfter(end) ? end : month.atEndOfMonth();
			LocalDate ca = a.equals(start) ? comparison.from() : shift(comparison, start, end, a);
			LocalDate cb = b.equals(end) ? comparison.to() : shift(comparison, start, end, b.plusDays(1)).minusDays(1);
			Figure now = one(whole.unit(), a, b, compare, total.id(), scope);
			Comparison own = Comparison.of(compare, a, b).orElseThrow();
			BigDecimal then = own.from().equals(ca) && own.to().equals(cb) ? now.comparisonValue()
					: one(whole.unit(), ca, cb, compare, total.id(), scope).value();
			months.add(new Month(month, a, b, ca, cb, now.value(), then));
		}
		return new Series(total.id(), whole.unit(), start, end, comparison, total, months);
	}

	/**
	 * @throws InvalidInputException on {@code id}, {@code unit}, {@code from}, {@code to} or {@code compare}
	 * @throws NotFoundException if the unit is outside the caller's scope
	 */
	public Ranking ranking(String id, String unitCode, String from, String to, String compare, UnitScope scope) {
		Indicators.Result whole = whole(id, unitCode, from, to, compare, scope);
		Unit parent = organisation.findByCode(whole.unit()).orElseThrow(() -> new NotFoundException("unit"));
		Figure total = whole.indicators().get(0);
		String indicator = total.id();
		boolean lower = lowerIsBetter(indicator);
		List<Place> unranked = new ArrayList<>();
		for (Unit child : children(parent, scope)) {
			Figure figure = indicators
				.compute(child.code(), whole.from().toString(), whole.to().toString(), compare, indicator, scope)
				.indicators()
				.get(0);
			unranked.add(new Place(null, child, figure));
		}
		Comparator<BigDecimal> better = lower ? Comparator.naturalOrder() : Comparator.reverseOrder();
		unranked.sort(Comparator.comparing((Place p) -> p.figure().value(), Comparator.nullsLast(better))
			.thenComparing(p -> p.unit().code()));
		List<Place> places = new ArrayList<>();
		for (int i = 0; i < unranked.size(); i++) {
			Place p = unranked.get(i);
			Integer rank = null;
			if (p.figure().value() != null) {
				boolean tie = i > 0 && places.get(i - 1).rank() != null
						&& places.get(i - 1).figure().value().compareTo(p.figure().value()) == 0;
				rank = tie ? places.get(i - 1).rank() : i + 1;
			}
			places.add(new Place(rank, p.unit(), p.figure()));
		}
		return new Ranking(indicator, whole.unit(), whole.from(), whole.to(), whole.comparison(), total, lower, places);
	}

	/** The direct sub-units of a unit that the scope covers, active or not (their records still count), by code. */
	public List<Unit> children(Unit parent, UnitScope scope) {
		return organisation.visible(scope).stream().filter(u -> parent.id().equals(u.parentId())).toList();
	}

	/** The figure for the whole period, checking the indicator id together with everything compute checks. */
	private Indicators.Result whole(String id, String unitCode, String from, String to, String compare,
			UnitScope scope) {
		boolean known = id != null && Indicator.byId(id.strip()).isPresent();
		FieldProblem badId = known ? null : new FieldProblem("id", "indicators.id.unknown", id == null ? "" : id);
		Indicators.Result result;
		try {
			result = indicators.compute(unitCode, from, to, compare,
					known ? id.strip() : Indicator.CASES_REGISTERED.id(), scope);
		}
		catch (InvalidInputException e) {
			if (badId == null) {
				throw e;
			}
			List<FieldProblem> problems = new ArrayList<>(List.of(badId));
			problems.addAll(e.problems());
			throw new InvalidInputException(problems);
		}
		if (badId != null) {
			throw new InvalidInputException(List.of(badId));
		}
		return result;
	}

	private Figure one(String unitCode, LocalDate from, LocalDate to, String compare, String id, UnitScope scope) {
		return indicators.compute(unitCode, from.toString(), to.toString(), compare, id, scope)
			.indicators()
			.get(0);
	}

	/** Where a day of the period falls in the comparison period: a whole number of days or of years away. */
	private static LocalDate shift(Comparison comparison, LocalDate from, LocalDate to, LocalDate day) {
		if ("previous-period".equals(comparison.kind())) {
			return day.minusDays(ChronoUnit.DAYS.between(from, to) + 1);
		}
		return day.plusYears(comparison.from().getYear() - from.getYear());
	}
}
