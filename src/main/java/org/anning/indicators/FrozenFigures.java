package org.anning.indicators;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.anning.audit.AuditAction;
import org.anning.audit.AuditEntry;
import org.anning.audit.AuditTrail;
import org.anning.units.Organisation;
import org.anning.units.Unit;
import org.anning.units.UnitId;
import org.anning.units.UnitScope;
import org.anning.web.ConflictException;
import org.anning.web.InvalidInputException;
import org.anning.web.InvalidInputException.FieldProblem;
import org.anning.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Published figure sets (for example the 2024 annual report), frozen exactly as published: the unit, period and
 * comparison, and every indicator's rounded numbers. Later edits to the records never change a frozen set; it is
 * compared with the live figures, which are recomputed for the same unit, period and comparison, and each figure
 * that now differs is flagged with the difference. A set is never changed or deleted: it can be withdrawn with a
 * reason and then stays listed as withdrawn. Freezing and withdrawing are audited.
 */
@Service
@Transactional
public class FrozenFigures {

	static final int TITLE_MAX = 200;

	static final int TEXT_MAX = 1000;

	private final FrozenFigureSets sets;

	private final Indicators indicators;

	private final Organisation organisation;

	private final AuditTrail audit;

	private final Clock clock;

	FrozenFigures(FrozenFigureSets sets, Indicators indicators, Organisation organisation, AuditTrail audit, Clock clock) {
		this.sets = sets;
		this.indicators = indicators;
		this.organisation = organisation;
		this.audit = audit;
		this.clock = clock;
	}

	/** A staff member as a frozen set records them: account identifier and name at the time. */
	public record Staff(UUID id, String name) {
	}

	/** What to freeze: the dashboard's selection (unit code, dates yyyy-mm-dd, comparison), a title and a note. */
	public record FreezeRequest(String unit, String from, String to, String compare, String title, String note) {
	}

	/** Who took a set back, when and why. */
	public record Withdrawal(Instant at, Staff by, String reason) {
	}

	/** A frozen set with its figures in the order they were published. */
	public record FrozenSet(UUID id, String title, String unit, UUID unitId, LocalDate from, LocalDate to,
			Comparison comparison, Instant frozenAt, Staff frozenBy, String note, Withdrawal withdrawal,
			List<Figure> figures) {

		public boolean withdrawn() {
			return withdrawal != null;
		}

		/** PUBLISHED or WITHDRAWN. */
		public String status() {
			return withdrawn() ? "WITHDRAWN" : "PUBLISHED";
		}

		FrozenSet withFigures(List<Figure> published) {
			return new FrozenSet(id, title, unit, unitId, from, to, comparison, frozenAt, frozenBy, note, withdrawal,
					published);
		}
	}

	/**
	 * One figure frozen against live: whether any of its numbers now differ, and by how much the value and the
	 * comparison value moved (live minus frozen; null where either is null). {@code live} is null for an
	 * indicator that is no longer computed.
	 */
	public record Difference(String id, Figure frozen, Figure live, boolean differs, BigDecimal valueDifference,
			BigDecimal comparisonValueDifference) {
	}

	/** A frozen set against the live figures now. */
	public record Check(FrozenSet set, List<Difference> figures) {

		public long differing() {
			return figures.stream().filter(Difference::differs).count();
		}
	}

	/** A set in a list, with how many of its figures now differ from live (null when that cannot be computed). */
	public record Listed(FrozenSet set, Integer differing) {
	}

	/** A published set for exactly what the dashboard shows, with how many of its figures now differ from live. */
	public record Notice(UUID id, String title, Instant frozenAt, LocalDate frozenOn, String frozenBy, int differing) {
	}

	/**
	 * Freezes the figures of the unit, period and comparison as they are computed now.
	 *
	 * @throws InvalidInputException on title, note, unit, from, to or compare
	 * @throws NotFoundException if the unit is outside the scope
	 */
	public FrozenSet freeze(FreezeRequest request, Staff by, UnitScope scope) {
		List<FieldProblem> problems = new ArrayList<>();
		String title = text(problems, "title", request.title(), TITLE_MAX, true);
		String note = text(problems, "note", request.note(), TEXT_MAX, false);
		Indicators.Result result = null;
		try {
			result = indicators.compute(request.unit(), request.from(), request.to(), request.compare(), null, scope);
		}
		catch (InvalidInputException e) {
			problems.addAll(e.problems());
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Unit unit = organisation.findByCode(result.unit()).orElseThrow(() -> new NotFoundException("unit"));
		var set = new FrozenSet(UUID.randomUUID(), title, unit.code(), unit.id().value(), result.from(), result.to(),
				result.comparison(), clock.instant().truncatedTo(ChronoUnit.MICROS), by, note, null,
				List.copyOf(result.indicators()));
		sets.insert(set);
		audit.record(AuditEntry.of(AuditAction.CREATE, "indicator-figure-set", set.id())
			.detail("frozen " + set.unit() + " " + set.from() + ".." + set.to() + " vs " + set.comparison().kind() + ", "
					+ set.figures().size() + " figures"));
		return set;
	}

	/**
	 * A frozen set of a unit in the scope.
	 *
	 * @throws NotFoundException if there is no such set or its unit is outside the scope
	 */
	@Transactional(readOnly = true)
	public FrozenSet get(String setId, UnitScope scope) {
		return sets.find(parse(setId))
			.filter(s -> scope.covers(new UnitId(s.unitId())))
			.orElseThrow(() -> new NotFoundException("frozen figure set"));
	}

	/**
	 * Each figure of the set, frozen against live now (recomputed for the same unit, period and comparison).
	 *
	 * @throws NotFoundException if there is no such set or its unit is outside the scope
	 */
	@Transactional(readOnly = true)
	public Check compare(String setId, UnitScope scope) {
		FrozenSet set = get(setId, scope);
		return check(set, live(set, scope));
	}

	/**
	 * Sets of the units in the scope, newest first, each with how many figures now differ; optionally only those
	 * of one unit (code), starting on or after {@code from}, ending on or before {@code to}. Withdrawn sets are
	 * listed too.
	 *
	 * @throws InvalidInputException on an unknown unit or a malformed date
	 */
	@Transactional(readOnly = true)
	public List<Listed> list(String unitCode, String from, String to, UnitScope scope) {
		List<FieldProblem> problems = new ArrayList<>();
		String unit = null;
		if (StringUtils.hasText(unitCode)) {
			unit = organisation.findByCode(unitCode.strip())
				.filter(u -> scope.covers(u.id()))
				.map(Unit::code)
				.orElse(null);
			if (unit == null) {
				problems.add(new FieldProblem("unit", "indicators.unit.unknown"));
			}
		}
		LocalDate start = date("from", from, problems);
		LocalDate end = date("to", to, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		List<FrozenSet> found = sets.list(scope.ids(), unit, start, end);
		Map<String, Map<String, Figure>> live = new HashMap<>();
		List<Listed> listed = new ArrayList<>();
		for (FrozenSet set : found) {
			String key = set.unit() + "|" + set.from() + "|" + set.to() + "|" + set.comparison().kind();
			Map<String, Figure> now = live.computeIfAbsent(key, k -> {
				try {
					return live(set, scope);
				}
				catch (InvalidInputException | NotFoundException e) {
					return null;
				}
			});
			listed.add(new Listed(set, now == null ? null : (int) check(set, now).differing()));
		}
		return listed;
	}

	/**
	 * The published (not withdrawn) sets frozen for exactly this unit, period and comparison, newest first, each
	 * with how many of its figures now differ from live. Empty for a unit that is unknown or outside the scope.
	 */
	@Transactional(readOnly = true)
	public List<Notice> forPeriod(String unitCode, LocalDate from, LocalDate to, String compareKind, UnitScope scope) {
		return notices(unitCode, from, to, compareKind, null, scope);
	}

	/**
	 * The same as {@link #forPeriod(String, LocalDate, LocalDate, String, UnitScope)} for a dashboard's result,
	 * whose figures serve as the live ones when it has every indicator of the sets.
	 */
	@Transactional(readOnly = true)
	public List<Notice> forPeriod(Indicators.Result result, UnitScope scope) {
		Map<String, Figure> live = result.indicators().stream()
			.collect(Collectors.toMap(Figure::id, Function.identity(), (a, b) -> a));
		return notices(result.unit(), result.from(), result.to(), result.comparison().kind(), live, scope);
	}

	private List<Notice> notices(String unitCode, LocalDate from, LocalDate to, String compareKind,
			Map<String, Figure> shown, UnitScope scope) {
		if (!StringUtils.hasText(unitCode) || from == null || to == null || to.isBefore(from)) {
			return List.of();
		}
		Unit unit = organisation.findByCode(unitCode.strip()).orElse(null);
		Comparison comparison = Comparison.of(compareKind, from, to).orElse(null);
		if (unit == null || comparison == null || !scope.covers(unit.id())) {
			return List.of();
		}
		List<FrozenSet> found = sets.published(unit.code(), from, to, comparison.kind());
		if (found.isEmpty()) {
			return List.of();
		}
		boolean complete = shown != null
				&& found.stream().allMatch(s -> s.figures().stream().allMatch(f -> shown.containsKey(f.id())));
		Map<String, Figure> now = complete ? shown : live(found.get(0), scope);
		return found.stream()
			.map(s -> new Notice(s.id(), s.title(), s.frozenAt(), LocalDate.ofInstant(s.frozenAt(), clock.getZone()),
					s.frozenBy().name(), (int) check(s, now).differing()))
			.toList();
	}

	/**
	 * Withdraws a set with a reason; it stays listed, marked withdrawn.
	 *
	 * @throws InvalidInputException on reason
	 * @throws NotFoundException if there is no such set or its unit is outside the scope
	 * @throws ConflictException if it was withdrawn already
	 */
	public FrozenSet withdraw(String setId, String reason, Staff by, UnitScope scope) {
		UUID id = parse(setId);
		sets.lock(id);
		FrozenSet set = get(setId, scope);
		List<FieldProblem> problems = new ArrayList<>();
		String why = text(problems, "reason", reason, TEXT_MAX, true);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (set.withdrawn()) {
			throw new ConflictException("indicators.frozen.alreadyWithdrawn");
		}
		sets.withdraw(id, new Withdrawal(clock.instant().truncatedTo(ChronoUnit.MICROS), by, why));
		audit.record(AuditEntry.of(AuditAction.UPDATE, "indicator-figure-set", id).detail("withdrawn"));
		return sets.find(id).orElseThrow();
	}

	/** The live figures for the set's unit, period and comparison, by indicator id. */
	private Map<String, Figure> live(FrozenSet set, UnitScope scope) {
		Indicators.Result result = indicators.compute(set.unit(), set.from().toString(), set.to().toString(),
				set.comparison().kind(), null, scope);
		return result.indicators().stream().collect(Collectors.toMap(Figure::id, Function.identity(), (a, b) -> a));
	}

	static Check check(FrozenSet set, Map<String, Figure> live) {
		List<Difference> figures = new ArrayList<>();
		for (Figure frozen : set.figures()) {
			Figure now = live.get(frozen.id());
			boolean differs = now == null || !same(frozen.value(), now.value())
					|| !same(frozen.comparisonValue(), now.comparisonValue())
					|| !same(frozen.relativeChangePercent(), now.relativeChangePercent())
					|| !same(frozen.percentagePointChange(), now.percentagePointChange());
			figures.add(new Difference(frozen.id(), frozen, now, differs,
					now == null ? null : minus(now.value(), frozen.value()),
					now == null ? null : minus(now.comparisonValue(), frozen.comparisonValue())));
		}
		return new Check(set, figures);
	}

	/** Equal numbers whatever their scale (5 and 5.00); null equals only null. */
	private static boolean same(BigDecimal a, BigDecimal b) {
		return a == null || b == null ? Objects.equals(a, b) : a.compareTo(b) == 0;
	}

	private static BigDecimal minus(BigDecimal live, BigDecimal frozen) {
		return live == null || frozen == null ? null : live.subtract(frozen);
	}

	private static UUID parse(String id) {
		try {
			return UUID.fromString(id == null ? "" : id.strip());
		}
		catch (IllegalArgumentException e) {
			throw new NotFoundException("frozen figure set");
		}
	}

	private static String text(List<FieldProblem> problems, String field, String value, int max, boolean required) {
		String text = value == null ? "" : value.strip();
		if (text.isEmpty()) {
			if (required) {
				problems.add(new FieldProblem(field, "indicators.frozen." + field + ".required"));
			}
			return null;
		}
		if (text.length() > max) {
			problems.add(new FieldProblem(field, "indicators.frozen.tooLong", max));
		}
		return text;
	}

	private static LocalDate date(String field, String value, List<FieldProblem> problems) {
		if (!StringUtils.hasText(value)) {
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
}
