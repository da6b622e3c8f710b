package org.anning.indicators.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.anning.accounts.Role;
import org.anning.accounts.StaffPrincipal;
import org.anning.indicators.Figure;
import org.anning.indicators.Indicator;
import org.anning.indicators.Indicators;
import org.anning.indicators.Records;
import org.anning.units.Organisation;
import org.anning.units.Unit;
import org.anning.units.UnitScope;
import org.anning.units.UnitScopes;
import org.anning.web.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The indicators on the desk: pick a unit, a period and a comparison, read every figure with its change, and
 * open the records behind any figure. The same roles and unit scope as the indicators API.
 */
@Controller
@RequestMapping("/desk/indicators")
@PreAuthorize("hasAnyRole('COMMAND','AUDITOR','ADMINISTRATOR','STATION_CHIEF')")
class DashboardController {

	static final int PAGE_SIZE = 50;

	/** Fraud: three up (cleared, apprehended, recovered) and one down (registered). */
	static final Map<String, Boolean> FRAUD_PANEL = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(
			Map.of("fraud.cleared", true, "fraud.apprehended", true, "fraud.recovered", true, "fraud.registered", false)));

	static final List<String> FRAUD_ORDER = List.of("fraud.cleared", "fraud.apprehended", "fraud.recovered",
			"fraud.registered");

	private final Indicators indicators;

	private final UnitScopes scopes;

	private final Organisation organisation;

	private final MessageSource messages;

	private final Clock clock;

	private final org.anning.indicators.IndicatorExport export;

	DashboardController(org.anning.indicators.IndicatorExport export, Indicators indicators, UnitScopes scopes,
			Organisation organisation, MessageSource messages,
			Clock clock) {
		this.export = export;
		this.indicators = indicators;
		this.scopes = scopes;
		this.organisation = organisation;
		this.messages = messages;
		this.clock = clock;
	}

	/** A period the form offers as a quick link. */
	public record Period(String key, LocalDate from, LocalDate to) {
	}

	/** A comparison the form offers: its value and the message key (with argument) that names it. */
	public record CompareOption(String value, String key, String arg) {
	}

	/** A problem with the input, with the field's label key and the message. */
	public record Problem(String field, String label, String message) {
	}

	/** One figure as the page shows it; numbers are already plain strings, signs included for changes. */
	public record Row(String id, Indicator.Kind kind, String value, String comparisonValue, String relative, String points,
			int direction) {

		public String nameKey() {
			return "indicators.name." + id;
		}

		public String kindKey() {
			return "indicators.desk.kind." + kind.name();
		}

		public boolean rate() {
			return kind == Indicator.Kind.RATE;
		}
	}

	/** A panel entry: the row, whether it should rise, and whether it moved the right way. */
	public record PanelEntry(Row row, boolean up, boolean achieved) {
	}

	@GetMapping
	String dashboard(@RequestParam(required = false) String unit, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String compare,
			@AuthenticationPrincipal StaffPrincipal me, Model model, Locale locale) {
		UnitScope scope = scope(me);
		LocalDate today = LocalDate.now(clock);
		String unitCode = unit != null ? unit : ownUnit(me);
		String start = from != null ? from : today.withDayOfYear(1).toString();
		String end = to != null ? to : today.with(TemporalAdjusters.lastDayOfYear()).toString();
		String comparison = compare != null && !compare.isBlank() ? compare : "previous-year";
		model.addAttribute("unit", unitCode);
		model.addAttribute("from", start);
		model.addAttribute("to", end);
		model.addAttribute("compare", comparison);
		model.addAttribute("units", units(me, scope));
		model.addAttribute("periods", periods(today));
		model.addAttribute("compares", compares(comparison));
		model.addAttribute("compareOption", option(comparison));
		try {
			Indicators.Result result = indicators.compute(unitCode, start, end, comparison, null, scope);
			List<Row> rows = result.indicators().stream().map(DashboardController::row).toList();
			Map<String, Row> byId = rows.stream().collect(Collectors.toMap(Row::id, r -> r));
			List<PanelEntry> panel = new ArrayList<>();
			for (String id : FRAUD_ORDER) {
				Row r = byId.get(id);
				if (r != null) {
					boolean up = FRAUD_PANEL.get(id);
					panel.add(new PanelEntry(r, up, up ? r.direction() > 0 : r.direction() < 0));
				}
			}
			model.addAttribute("result", result);
			model.addAttribute("rows", rows);
			model.addAttribute("panel", panel);
		}
		catch (InvalidInputException e) {
			model.addAttribute("problems", problems(e, locale));
		}
		return "indicators/dashboard";
	}

	/** The figures as CSV, with the definitions, unit, periods and time of export; audited. */
	@GetMapping("/export.csv")
	org.springframework.http.ResponseEntity<byte[]> exportCsv(@RequestParam(required = false) String unit,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String compare, @AuthenticationPrincipal StaffPrincipal me, Locale locale) {
		Indicators.Result result = indicators.compute(unit != null ? unit : ownUnit(me), from, to, compare, null, scope(me));
		byte[] csv = export.csv(result, locale);
		return org.springframework.http.ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.parseMediaType("text/csv;charset=UTF-8"))
			.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition
				.attachment().filename("indicators-" + result.unit() + "-" + result.from() + "-" + result.to() + ".csv")
				.build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(csv);
	}

	@GetMapping("/{id}/records")
	String records(@PathVariable String id, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal StaffPrincipal me, Model model,
			Locale locale) {
		int current = Math.max(0, page);
		model.addAttribute("id", id);
		model.addAttribute("unit", unit);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("page", current);
		model.addAttribute("known", Indicator.byId(id).isPresent());
		try {
			Records records = indicators.records(id, unit, from, to, current, PAGE_SIZE, scope(me));
			long total = Math.max(records.numerator().total(),
					records.denominator() == null ? 0 : records.denominator().total());
			model.addAttribute("records", records);
			model.addAttribute("hasNext", (long) (current + 1) * PAGE_SIZE < total);
			model.addAttribute("hasPrevious", current > 0);
		}
		catch (InvalidInputException e) {
			model.addAttribute("problems", problems(e, locale));
		}
		return "indicators/records";
	}

	static Row row(Figure f) {
		Indicator indicator = Indicator.byId(f.id()).orElseThrow();
		int direction = f.value() == null || f.comparisonValue() == null ? 0
				: Integer.signum(f.value().compareTo(f.comparisonValue()));
		return new Row(f.id(), indicator.kind(), plain(indicator, f.value()), plain(indicator, f.comparisonValue()),
				signed(f.relativeChangePercent()), signed(f.percentagePointChange()), direction);
	}

	private static String plain(Indicator indicator, BigDecimal value) {
		if (value == null) {
			return null;
		}
		if (indicator.kind() == Indicator.Kind.COUNT) {
			return value.setScale(0, java.math.RoundingMode.HALF_UP).toPlainString();
		}
		return value.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
	}

	private static String signed(BigDecimal value) {
		if (value == null) {
			return null;
		}
		String text = value.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
		return value.signum() > 0 ? "+" + text : text;
	}

	private List<Problem> problems(InvalidInputException e, Locale locale) {
		return e.problems()
			.stream()
			.map(p -> new Problem(p.field(), "indicators.desk.field." + p.field(),
					messages.getMessage(p.code(), p.args(), p.code(), locale)))
			.toList();
	}

	private String ownUnit(StaffPrincipal me) {
		if (me == null || me.unitId() == null) {
			return null;
		}
		return organisation.find(me.unitId()).map(Unit::code).orElse(null);
	}

	private List<Unit> units(StaffPrincipal me, UnitScope scope) {
		return me != null && me.has(Role.ADMINISTRATOR) ? organisation.all() : organisation.visible(scope);
	}

	static List<Period> periods(LocalDate today) {
		LocalDate quarter = today.with(IsoFields.DAY_OF_QUARTER, 1);
		return List.of(
				new Period("thisYear", today.withDayOfYear(1), today.with(TemporalAdjusters.lastDayOfYear())),
				new Period("lastYear", today.minusYears(1).withDayOfYear(1),
						today.minusYears(1).with(TemporalAdjusters.lastDayOfYear())),
				new Period("thisQuarter", quarter, quarter.plusMonths(3).minusDays(1)),
				new Period("thisMonth", today.withDayOfMonth(1), today.with(TemporalAdjusters.lastDayOfMonth())));
	}

	static List<CompareOption> compares(String current) {
		List<CompareOption> options = new ArrayList<>(List.of(option("previous-year"), option("previous-period"),
				option("baseline:2019")));
		CompareOption chosen = option(current);
		if (options.stream().noneMatch(o -> o.value().equals(current)) && chosen.key().endsWith("baseline")) {
			options.add(chosen);
		}
		return options;
	}

	static CompareOption option(String value) {
		if ("previous-period".equals(value)) {
			return new CompareOption(value, "indicators.desk.compare.previousPeriod", null);
		}
		if (value != null && value.matches("baseline:\\d{4}")) {
			return new CompareOption(value, "indicators.desk.compare.baseline", value.substring(9));
		}
		if (value == null || value.isBlank() || "previous-year".equals(value)) {
			return new CompareOption("previous-year", "indicators.desk.compare.previousYear", null);
		}
		return new CompareOption(value, "indicators.desk.compare.unknown", value);
	}

	/** Administrators see every unit's figures; everyone else their scope (command and auditors: all units). */
	private UnitScope scope(StaffPrincipal me) {
		if (me != null && me.has(Role.ADMINISTRATOR)) {
			return new UnitScope(organisation.all().stream().map(Unit::id).collect(Collectors.toSet()));
		}
		return scopes.current();
	}
}
