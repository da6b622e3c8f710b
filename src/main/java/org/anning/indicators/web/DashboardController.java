package org.anning.indicators.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.anning.accounts.Role;
import org.anning.accounts.StaffPrincipal;
import org.anning.indicators.Breakdowns;
import org.anning.indicators.Figure;
import org.anning.indicators.Indicator;
import org.anning.indicators.Indicators;
import org.anning.indicators.Records;
import org.anning.units.Organisation;
import org.anning.units.Unit;
import org.anning.units.UnitScope;
import org.anning.units.UnitScopes;
import org.anning.web.InvalidInputException;
import org.anning.web.InvalidInputException.FieldProblem;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The indicators on the desk: pick a unit from the tree, a period (month, quarter, year or custom) and a
 * comparison, read every figure with its change, one indicator by month and by sub-unit (tables, with charts
 * where JavaScript runs) and the sub-units ranked, and open the records behind any figure. The same roles and
 * unit scope as the indicators API.
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

	private final Breakdowns breakdowns;

	/** The indicator charted and ranked when none is chosen. */
	static final String DEFAULT_INDICATOR = "fraud.cleared";

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final org.anning.indicators.FrozenFigures frozenFigures;

	DashboardController(org.anning.indicators.IndicatorExport export, Indicators indicators, Breakdowns breakdowns,
			UnitScopes scopes, Organisation organisation, MessageSource messages, Clock clock,
			org.anning.indicators.FrozenFigures frozenFigures) {
		this.frozenFigures = frozenFigures;
		this.export = export;
		this.breakdowns = breakdowns;
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

	/** A unit in the picker: indented by its depth in the tree of units the user may see. */
	public record TreeOption(String code, String name, int depth, String indent) {
	}

	/** A choice in a select: its value and what it shows. */
	public record Choice(String value, String label) {
	}

	/** The period as the form shows it: which kind, and the year, quarter and month it names (as typed). */
	public record PeriodForm(String kind, String year, String quarter, String month) {
	}

	/** One month in the table: the month, both sub-periods, and the values as the page shows them. */
	public record MonthRow(String month, LocalDate from, LocalDate to, LocalDate comparisonFrom,
			LocalDate comparisonTo, String value, String comparisonValue) {
	}

	/** One sub-unit in the ranking: rank (null without a value), unit, figure, and whether it moved the good way. */
	public record PlaceRow(Integer rank, String code, String name, Row row, int goodness) {
	}

	@GetMapping
	String dashboard(@RequestParam(required = false) String unit, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String compare,
			@RequestParam(required = false) String period, @RequestParam(required = false) String year,
			@RequestParam(required = false) String quarter, @RequestParam(required = false) String month,
			@RequestParam(required = false) String indicator, @AuthenticationPrincipal StaffPrincipal me, Model model,
			Locale locale) {
		UnitScope scope = scope(me);
		LocalDate today = LocalDate.now(clock);
		String unitCode = unit != null && !unit.isBlank() ? unit.strip() : ownUnit(me);
		String comparison = compare != null && !compare.isBlank() ? compare : "previous-year";
		String chosen = indicator != null && !indicator.isBlank() ? indicator.strip() : DEFAULT_INDICATOR;
		List<FieldProblem> typed = new ArrayList<>();
		String start = from != null ? from : today.withDayOfYear(1).toString();
		String end = to != null ? to : today.with(TemporalAdjusters.lastDayOfYear()).toString();
		PeriodForm form;
		if (period != null && !period.isBlank() && !"custom".equals(period)) {
			LocalDate[] span = span(period, year, quarter, month, typed);
			if (span != null) {
				start = span[0].toString();
				end = span[1].toString();
			}
			form = new PeriodForm(period, year, quarter, month);
		}
		else {
			form = periodForm(start, end, today);
		}
		if (Indicator.byId(chosen).isEmpty()) {
			typed.add(new FieldProblem("indicator", "indicators.id.unknown", chosen));
		}
		model.addAttribute("unit", unitCode);
		model.addAttribute("from", start);
		model.addAttribute("to", end);
		model.addAttribute("compare", comparison);
		model.addAttribute("indicator", chosen);
		model.addAttribute("periodForm", form);
		model.addAttribute("quarters", quarters(locale));
		model.addAttribute("months", months(locale));
		model.addAttribute("indicatorChoices", indicatorChoices(locale));
		model.addAttribute("units", tree(units(me, scope), locale));
		model.addAttribute("trail", trail(unitCode, scope, locale));
		model.addAttribute("periods", periods(today));
		model.addAttribute("compares", compares(comparison));
		model.addAttribute("compareOption", option(comparison));
		List<Problem> problems = new ArrayList<>(problems(typed, locale));
		if (typed.stream().noneMatch(p -> !p.field().equals("indicator"))) {
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
				model.addAttribute("frozenSets", frozenFigures.forPeriod(result, scope));
				model.addAttribute("rows", rows);
				model.addAttribute("panel", panel);
				if (problems.isEmpty()) {
					breakdowns(chosen, result, comparison, scope, model, locale, problems);
				}
			}
			catch (InvalidInputException e) {
				problems.addAll(problems(e, locale));
			}
		}
		if (!problems.isEmpty()) {
			model.addAttribute("problems", problems);
		}
		return "indicators/dashboard";
	}

	/** The chosen indicator by month and by sub-unit, for the tables, the ranking and the charts' data. */
	private void breakdowns(String id, Indicators.Result result, String comparison, UnitScope scope, Model model,
			Locale locale, List<Problem> problems) {
		Indicator indicator = Indicator.byId(id).orElseThrow();
		try {
			Breakdowns.Series series = breakdowns.series(id, result.unit(), result.from().toString(),
					result.to().toString(), comparison, scope);
			Breakdowns.Ranking ranking = breakdowns.ranking(id, result.unit(), result.from().toString(),
					result.to().toString(), comparison, scope);
			List<MonthRow> months = series.months()
				.stream()
				.map(m -> new MonthRow(m.month().toString(), m.from(), m.to(), m.comparisonFrom(), m.comparisonTo(),
						plain(indicator, m.value()), plain(indicator, m.comparisonValue())))
				.toList();
			List<PlaceRow> places = ranking.places()
				.stream()
				.map(p -> {
					Row r = row(p.figure());
					int goodness = ranking.lowerIsBetter() ? -r.direction() : r.direction();
					return new PlaceRow(p.rank(), p.unit().code(), p.unit().name(locale), r, goodness);
				})
				.toList();
			model.addAttribute("chosen", indicator);
			model.addAttribute("chosenKind", "indicators.desk.kind." + indicator.kind().name());
			model.addAttribute("series", months);
			model.addAttribute("seriesTotal", row(series.total()));
			model.addAttribute("ranking", places);
			model.addAttribute("lowerIsBetter", ranking.lowerIsBetter());
			model.addAttribute("chartJson", chartJson(indicator, series, ranking, locale));
		}
		catch (InvalidInputException e) {
			problems.addAll(problems(e, locale));
		}
	}

	/** The numbers the charts draw, the same as the tables, as JSON safe to place inside a script element. */
	private String chartJson(Indicator indicator, Breakdowns.Series series, Breakdowns.Ranking ranking,
			Locale locale) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("indicator", messages.getMessage(indicator.messageKey(), null, indicator.id(), locale));
		data.put("current", messages.getMessage("indicators.desk.chart.current", null, locale));
		CompareOption option = option(series.comparison().kind());
		data.put("comparison", messages.getMessage("indicators.desk.chart.comparison",
				new Object[] { messages.getMessage(option.key(), new Object[] { option.arg() }, locale) }, locale));
		Map<String, Object> byMonth = new LinkedHashMap<>();
		byMonth.put("labels", series.months().stream().map(m -> m.month().toString()).toList());
		byMonth.put("values", series.months().stream().map(m -> m.value()).toList());
		byMonth.put("comparisonValues", series.months().stream().map(m -> m.comparisonValue()).toList());
		data.put("months", byMonth);
		Map<String, Object> byUnit = new LinkedHashMap<>();
		byUnit.put("labels", ranking.places().stream().map(p -> p.unit().name(locale)).toList());
		byUnit.put("values", ranking.places().stream().map(p -> p.figure().value()).toList());
		byUnit.put("comparisonValues", ranking.places().stream().map(p -> p.figure().comparisonValue()).toList());
		data.put("units", byUnit);
		return JSON.writeValueAsString(data).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
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
		return problems(e.problems(), locale);
	}

	/** The indicator is a page field named indicator (its API parameter is id). */
	private List<Problem> problems(List<FieldProblem> found, Locale locale) {
		return found.stream().map(p -> {
			String field = p.field().equals("id") ? "indicator" : p.field();
			return new Problem(field, "indicators.desk.field." + field,
					messages.getMessage(p.code(), p.args(), p.code(), locale));
		}).toList();
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

	/**
	 * The dates a month, quarter or year names, or null with the problems added. Years from 1900 to 2999 (the
	 * comparison may reach a year back).
	 */
	static LocalDate[] span(String kind, String year, String quarter, String month, List<FieldProblem> problems) {
		if (!List.of("year", "quarter", "month").contains(kind)) {
			problems.add(new FieldProblem("period", "indicators.desk.period.kind.invalid"));
			return null;
		}
		Integer y = number(year, 1900, 2999);
		if (y == null) {
			problems.add(new FieldProblem("year", "indicators.desk.period.year.invalid"));
		}
		Integer q = "quarter".equals(kind) ? number(quarter, 1, 4) : Integer.valueOf(1);
		if (q == null) {
			problems.add(new FieldProblem("quarter", "indicators.desk.period.quarter.invalid"));
		}
		Integer m = "month".equals(kind) ? number(month, 1, 12) : Integer.valueOf(1);
		if (m == null) {
			problems.add(new FieldProblem("month", "indicators.desk.period.month.invalid"));
		}
		if (y == null || q == null || m == null) {
			return null;
		}
		return switch (kind) {
			case "quarter" -> {
				LocalDate first = LocalDate.of(y, (q - 1) * 3 + 1, 1);
				yield new LocalDate[] { first, first.plusMonths(3).minusDays(1) };
			}
			case "month" -> {
				LocalDate first = LocalDate.of(y, m, 1);
				yield new LocalDate[] { first, first.with(TemporalAdjusters.lastDayOfMonth()) };
			}
			default -> new LocalDate[] { LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31) };
		};
	}

	private static Integer number(String text, int min, int max) {
		if (text == null || !text.strip().matches("\\d{1,4}")) {
			return null;
		}
		int n = Integer.parseInt(text.strip());
		return n < min || n > max ? null : n;
	}

	/** What kind of period the dates are (a whole year, quarter or month, or custom), to preselect the form. */
	static PeriodForm periodForm(String from, String to, LocalDate today) {
		LocalDate start;
		LocalDate end;
		try {
			start = LocalDate.parse(from.strip());
			end = LocalDate.parse(to.strip());
		}
		catch (java.time.format.DateTimeParseException | NullPointerException e) {
			return new PeriodForm("custom", String.valueOf(today.getYear()), null, null);
		}
		String y = String.valueOf(start.getYear());
		String q = String.valueOf(start.get(IsoFields.QUARTER_OF_YEAR));
		String m = String.valueOf(start.getMonthValue());
		if (start.getDayOfMonth() == 1 && end.equals(start.with(TemporalAdjusters.lastDayOfMonth()))) {
			return new PeriodForm("month", y, q, m);
		}
		if (start.equals(start.with(IsoFields.DAY_OF_QUARTER, 1)) && start.getMonthValue() % 3 == 1
				&& end.equals(start.plusMonths(3).minusDays(1))) {
			return new PeriodForm("quarter", y, q, m);
		}
		if (start.getDayOfYear() == 1 && end.equals(start.with(TemporalAdjusters.lastDayOfYear()))) {
			return new PeriodForm("year", y, q, m);
		}
		return new PeriodForm("custom", y, q, m);
	}

	private List<Choice> quarters(Locale locale) {
		List<Choice> choices = new ArrayList<>();
		for (int q = 1; q <= 4; q++) {
			choices.add(new Choice(String.valueOf(q), messages.getMessage("indicators.desk.quarterOption",
					new Object[] { q }, locale)));
		}
		return choices;
	}

	private static List<Choice> months(Locale locale) {
		List<Choice> choices = new ArrayList<>();
		for (Month m : Month.values()) {
			choices.add(new Choice(String.valueOf(m.getValue()), m.getDisplayName(TextStyle.FULL, locale)));
		}
		return choices;
	}

	private List<Choice> indicatorChoices(Locale locale) {
		return java.util.Arrays.stream(Indicator.values())
			.map(i -> new Choice(i.id(), messages.getMessage(i.messageKey(), null, i.id(), locale)))
			.toList();
	}

	/**
	 * The units as a tree, depth first and by code at each level; a unit whose parent the user cannot see starts a
	 * tree of its own (a station chief's station is the root of theirs).
	 */
	static List<TreeOption> tree(List<Unit> units, Locale locale) {
		Map<Object, List<Unit>> children = new HashMap<>();
		java.util.Set<Object> present = units.stream().map(Unit::id).collect(Collectors.toSet());
		List<Unit> roots = new ArrayList<>();
		for (Unit u : units) {
			if (u.parentId() == null || !present.contains(u.parentId())) {
				roots.add(u);
			}
			else {
				children.computeIfAbsent(u.parentId(), k -> new ArrayList<>()).add(u);
			}
		}
		List<TreeOption> options = new ArrayList<>();
		roots.sort(Comparator.comparing(Unit::code));
		for (Unit root : roots) {
			walk(root, 0, children, options, locale);
		}
		return options;
	}

	private static void walk(Unit unit, int depth, Map<Object, List<Unit>> children, List<TreeOption> options,
			Locale locale) {
		options.add(new TreeOption(unit.code(), unit.name(locale), depth, "\u3000\u3000".repeat(depth)));
		List<Unit> below = new ArrayList<>(children.getOrDefault(unit.id(), List.of()));
		below.sort(Comparator.comparing(Unit::code));
		for (Unit child : below) {
			walk(child, depth + 1, children, options, locale);
		}
	}

	/** The chosen unit and those above it that the user may see, from the top: links up the tree. */
	private List<Choice> trail(String unitCode, UnitScope scope, Locale locale) {
		List<Choice> trail = new ArrayList<>();
		Unit unit = unitCode == null ? null : organisation.findByCode(unitCode).orElse(null);
		while (unit != null && scope.covers(unit.id()) && trail.size() < 50) {
			trail.add(0, new Choice(unit.code(), unit.name(locale)));
			unit = unit.parentId() == null ? null : organisation.find(unit.parentId()).orElse(null);
		}
		return trail;
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
