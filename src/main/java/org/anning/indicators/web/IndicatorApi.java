package org.anning.indicators.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import org.anning.accounts.Role;
import org.anning.accounts.StaffPrincipal;
import org.anning.indicators.Comparison;
import org.anning.indicators.Figure;
import org.anning.indicators.Indicators;
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
 * The indicators of a unit (with its descendants) for a period, with a comparison. Command, auditors and
 * administrators may ask for any unit; station chiefs for their own subtree; a unit outside that is not found.
 */
@RestController
@RequestMapping("/api/v1/indicators")
class IndicatorApi {

	private final Indicators indicators;

	private final UnitScopes scopes;

	private final Organisation organisation;

	private final org.anning.indicators.Summary summary;

	IndicatorApi(Indicators indicators, UnitScopes scopes, Organisation organisation,
			org.anning.indicators.Summary summary) {
		this.summary = summary;
		this.indicators = indicators;
		this.scopes = scopes;
		this.organisation = organisation;
	}

	record IndicatorsView(String unit, LocalDate from, LocalDate to, ComparisonView comparison,
			List<FigureView> indicators) {
	}

	record ComparisonView(String kind, LocalDate from, LocalDate to) {
	}

	/** Nulls are written out: a rate with nothing to divide by is null, not absent. */
	@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
	record FigureView(String id, BigDecimal value, BigDecimal comparisonValue, BigDecimal relativeChangePercent,
			BigDecimal percentagePointChange) {
	}

	@GetMapping
	@PreAuthorize("hasAnyRole('COMMAND','AUDITOR','ADMINISTRATOR','STATION_CHIEF')")
	@Operation(summary = "Indicators of a unit and its descendants for a period, with a comparison",
			description = "compare: previous-year (default), previous-period or baseline:YYYY; ids: a comma-separated subset")
	IndicatorsView indicators(@RequestParam(required = false) String unit, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String compare,
			@RequestParam(required = false) String ids, @AuthenticationPrincipal StaffPrincipal me) {
		Indicators.Result result = indicators.compute(unit, from, to, compare, ids, scope(me));
		Comparison c = result.comparison();
		return new IndicatorsView(result.unit(), result.from(), result.to(), new ComparisonView(c.kind(), c.from(), c.to()),
				result.indicators().stream().map(IndicatorApi::view).collect(Collectors.toList()));
	}

	record SummaryView(String unit, LocalDate from, LocalDate to, ComparisonView comparison, List<String> sentences) {
	}

	@GetMapping("/summary")
	@PreAuthorize("hasAnyRole('COMMAND','AUDITOR','ADMINISTRATOR','STATION_CHIEF')")
	@Operation(summary = "The headline figures in sentences, in the request's language (Accept-Language)")
	SummaryView summary(@RequestParam(required = false) String unit, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String compare,
			@AuthenticationPrincipal StaffPrincipal me, java.util.Locale locale) {
		Indicators.Result result = indicators.compute(unit, from, to, compare, null, scope(me));
		Comparison c = result.comparison();
		return new SummaryView(result.unit(), result.from(), result.to(), new ComparisonView(c.kind(), c.from(), c.to()),
				summary.sentences(result, locale));
	}

	@GetMapping("/{id}/records")
	@PreAuthorize("hasAnyRole('COMMAND','AUDITOR','ADMINISTRATOR','STATION_CHIEF')")
	@Operation(summary = "The records an indicator counted, in its numerator and (for rates) its denominator",
			description = "Paged (page from 0, size up to 500); the totals equal the counts behind the figure")
	org.anning.indicators.Records records(@org.springframework.web.bind.annotation.PathVariable String id,
			@RequestParam(required = false) String unit, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size, @AuthenticationPrincipal StaffPrincipal me) {
		return indicators.records(id, unit, from, to, page, size, scope(me));
	}

	private static FigureView view(Figure f) {
		return new FigureView(f.id(), f.value(), f.comparisonValue(), f.relativeChangePercent(), f.percentagePointChange());
	}

	/** Administrators see every unit's figures; everyone else their scope (command and auditors: all units). */
	private UnitScope scope(StaffPrincipal me) {
		if (me != null && me.has(Role.ADMINISTRATOR)) {
			return new UnitScope(organisation.all().stream().map(Unit::id).collect(Collectors.toSet()));
		}
		return scopes.current();
	}
}
