package org.anning.indicators.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import org.anning.accounts.StaffPrincipal;
import org.anning.indicators.IndicatorExport;
import org.anning.indicators.Indicators;
import org.anning.units.Organisation;
import org.anning.units.UnitScopes;
import org.anning.web.InvalidInputException;
import org.anning.web.InvalidInputException.FieldProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The indicators export in the API: the same files as the desk (CSV, XLSX, PDF) in the request's language
 * (Accept-Language), with the same roles and unit scope as the indicators API. A bad format, unit or period
 * answers 422 with every offending field; a unit outside the caller's scope is not found.
 */
@RestController
@RequestMapping("/api/v1/indicators")
class ExportApi {

	private final Indicators indicators;

	private final IndicatorExport export;

	private final UnitScopes scopes;

	private final Organisation organisation;

	ExportApi(Indicators indicators, IndicatorExport export, UnitScopes scopes, Organisation organisation) {
		this.indicators = indicators;
		this.export = export;
		this.scopes = scopes;
		this.organisation = organisation;
	}

	@GetMapping("/export")
	@PreAuthorize("hasAnyRole('COMMAND','AUDITOR','ADMINISTRATOR','STATION_CHIEF')")
	@Operation(summary = "The indicators of a unit and period as a file, with definitions, periods and time of export",
			description = "format: csv, xlsx or pdf; compare: previous-year (default), previous-period or baseline:YYYY. "
					+ "The file is in the request's language (Accept-Language); every export is audited.")
	ResponseEntity<byte[]> export(@RequestParam(required = false) String format,
			@RequestParam(required = false) String unit, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String compare,
			@AuthenticationPrincipal StaffPrincipal me, Locale locale) {
		ExportController.Format chosen = ExportController.Format.of(format);
		List<FieldProblem> problems = new ArrayList<>();
		if (chosen == null) {
			problems.add(new FieldProblem("format", "indicators.exports.format.unknown"));
		}
		Indicators.Result result = null;
		try {
			result = indicators.compute(unit, from, to, compare, null,
					ExportController.scope(me, scopes, organisation));
		}
		catch (InvalidInputException e) {
			problems.addAll(e.problems());
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return ExportController.download(chosen, export, result, locale);
	}
}
