package org.anning.indicators.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import org.anning.accounts.Role;
import org.anning.accounts.StaffPrincipal;
import org.anning.indicators.Breakdowns;
import org.anning.indicators.Comparison;
import org.anning.units.Organisation;
import org.anning.units.Unit;
import org.anning.units.UnitScope;
import org.anning.units.UnitScopes;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * One indicator broken down, as the dashboard shows it: by month of the period beside the comparison period, and
 * by the direct sub-units of a unit ranked best first. The same roles and unit scope as the indicators API.
 */
@RestController
@RequestMapping("/api/v1/indicators")
class BreakdownApi {

	private final Breakdowns breakdowns;

	private final UnitScopes scopes;

	private final Organisation organisation;

	BreakdownApi(Breakdowns breakdowns, UnitScopes scopes, Organisation organisation) {
		this.breakdowns = breakdowns;
		this.scopes = scopes;
		this.organisation = organisation;
	}

	record ComparisonView(String kind, LocalDate from, LocalDate to) {

		static ComparisonView of(Comparison c) {
			return new ComparisonView(c.kind(), c.from(), c.to());
		}
	}

	/** Nulls are written out: a rate with nothing to divide by is null, not absent. */
	@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
	record MonthView(String month, LocalDate from, LocalDate to, LocalDate comparisonFrom, LocalDate comparisonTo,
			BigDecimal value, BigDecimal comparisonValue) {
	}

	@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
	record TotalView(BigDecimal value, BigDecimal comparisonValue, BigDecimal relativeChangePercent,
			BigDecimal percentagePointChange) {
	}

	record SeriesView(String id, String unit, LocalDate from, LocalDate to, ComparisonView comparison, TotalView total,
			List<MonthView> months) {
	}

	@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
	record PlaceView(Integer rank, String unit, String name, BigDecimal value, BigDecimal comparisonValue,
			BigDecimal relativeChangePercent, BigDecimal percentagePointChange) {
	}

	record RankingView(String id, String unit, LocalDate from, LocalDate to, ComparisonView comparison,
			boolean lowerIsBetter, TotalView total, List<PlaceView> units) {
	}

	@GetMapping("/series")
	@PreAuthorize("hasAnyRole('COMMAND','AUDITOR','ADMINISTRATOR','STATION_CHIEF')")
	@Operation(summary = "One indicator of a unit by month of the period, beside the matching comparison period",
			description = "Months are cut to the period at its ends; for counts and money they add up to the total. "
					+ "compare: previous-year (default), previous-period or baseline:YYYY; at most 60 months")
	SeriesView series(@RequestParam(required = false) String id, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String compare, @AuthenticationPrincipal StaffPrincipal me) {
		Breakdowns.Series s = breakdowns.series(id, unit, from, to, compare, scope(me));
		return new SeriesView(s.id(), s.unit(), s.from(), s.to(), ComparisonView.of(s.comparison()),
				new TotalView(s.total().value(), s.total().comparisonValue(), s.total().relativeChangePercent(),
						s.total().percentagePointChange()),
				s.months()
					.stream()
					.map(m -> new MonthView(m.month().toString(), m.from(), m.to(), m.comparisonFrom(), m.comparisonTo(),
							m.value(), m.comparisonValue()))
					.toList());
	}

	@GetMapping("/ranking")
	@PreAuthorize("hasAnyRole('COMMAND','AUDITOR','ADMINISTRATOR','STATION_CHIEF')")
	@Operation(summary = "The direct sub-units of a unit (each with its descendants) ranked best first on one indicator",
			description = "Largest first, except where lowerIsBetter (fraud.registered, fraud.loss, "
					+ "homicide.current.registered, services.poorRatings, services.averageWorkingDays); "
					+ "ties share a rank, units without a value come last without one; name in the request's language")
	RankingView ranking(@RequestParam(required = false) String id, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String compare, @AuthenticationPrincipal StaffPrincipal me, Locale locale) {
		Breakdowns.Ranking r = breakdowns.ranking(id, unit, from, to, compare, scope(me));
		return new RankingView(r.id(), r.unit(), r.from(), r.to(), ComparisonView.of(r.comparison()), r.lowerIsBetter(),
				new TotalView(r.total().value(), r.total().comparisonValue(), r.total().relativeChangePercent(),
						r.total().percentagePointChange()),
				r.places()
					.stream()
					.map(p -> new PlaceView(p.rank(), p.unit().code(), p.unit().name(locale), p.figure().value(),
							p.figure().comparisonValue(), p.figure().relativeChangePercent(),
							p.figure().percentagePointChange()))
					.toList());
	}

	/** Administrators see every unit's figures; everyone else their scope (command and auditors: all units). */
	private UnitScope scope(StaffPrincipal me) {
		if (me != null && me.has(Role.ADMINISTRATOR)) {
			return new UnitScope(organisation.all().stream().map(Unit::id).collect(Collectors.toSet()));
		}
		return scopes.current();
	}
}
