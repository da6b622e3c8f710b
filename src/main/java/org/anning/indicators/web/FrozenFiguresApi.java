package org.anning.indicators.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.anning.accounts.Role;
import org.anning.accounts.StaffPrincipal;
import org.anning.indicators.Comparison;
import org.anning.indicators.Figure;
import org.anning.indicators.FrozenFigures;
import org.anning.indicators.FrozenFigures.FrozenSet;
import org.anning.units.Organisation;
import org.anning.units.Unit;
import org.anning.units.UnitScope;
import org.anning.units.UnitScopes;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Frozen figure sets over JSON: freeze the figures of a unit, period and comparison as published, list the sets,
 * read one against the live figures, and withdraw one with a reason. Command, auditors, administrators and
 * station chiefs read (station chiefs only sets of units in their subtree; others are not found); command and
 * administrators freeze and withdraw.
 */
@RestController
@RequestMapping("/api/v1/indicators/frozen")
@PreAuthorize(FrozenFiguresApi.READ)
@Tag(name = "Frozen figures", description = "Published figure sets, frozen, compared with the live figures")
class FrozenFiguresApi {

	static final String READ = "hasAnyRole('COMMAND','AUDITOR','ADMINISTRATOR','STATION_CHIEF')";

	static final String FREEZE = "hasAnyRole('COMMAND','ADMINISTRATOR')";

	private final FrozenFigures frozen;

	private final UnitScopes scopes;

	private final Organisation organisation;

	FrozenFiguresApi(FrozenFigures frozen, UnitScopes scopes, Organisation organisation) {
		this.frozen = frozen;
		this.scopes = scopes;
		this.organisation = organisation;
	}

	record FreezeBody(String unit, String from, String to, String compare, String title, String note) {
	}

	record WithdrawalBody(String reason) {
	}

	record ComparisonView(String kind, LocalDate from, LocalDate to) {
	}

	record StaffView(UUID id, String name) {
	}

	record WithdrawalView(Instant at, StaffView by, String reason) {
	}

	/** The numbers of one figure; nulls are written out (a rate with nothing to divide by is null, not absent). */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	record NumbersView(BigDecimal value, BigDecimal comparisonValue, BigDecimal relativeChangePercent,
			BigDecimal percentagePointChange) {
	}

	/** One figure, frozen and live; the differences are live minus frozen. */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	record FigureView(String id, NumbersView frozen, NumbersView live, boolean differs, BigDecimal valueDifference,
			BigDecimal comparisonValueDifference) {
	}

	record SetView(UUID id, String title, String unit, LocalDate from, LocalDate to, ComparisonView comparison,
			Instant frozenAt, StaffView frozenBy, String note, String status, WithdrawalView withdrawal,
			Integer differing, List<FigureView> figures) {
	}

	@PostMapping
	@PreAuthorize(FREEZE)
	@Operation(summary = "Freeze the figures of a unit, period and comparison as published",
			description = "unit (code), from, to (yyyy-mm-dd), compare (previous-year, previous-period or baseline:YYYY), "
					+ "title (required), note. The set keeps every indicator's rounded numbers as computed now.")
	@ApiResponse(responseCode = "201", description = "The frozen set; Location names it")
	@ApiResponse(responseCode = "422", description = "Invalid fields (title, note, unit, from, to, compare)")
	ResponseEntity<SetView> freeze(@RequestBody FreezeBody body, @AuthenticationPrincipal StaffPrincipal me) {
		FrozenSet set = frozen.freeze(new FrozenFigures.FreezeRequest(body.unit(), body.from(), body.to(), body.compare(),
				body.title(), body.note()), staff(me), scope(me));
		FrozenFigures.Check check = frozen.compare(set.id().toString(), scope(me));
		return ResponseEntity.created(URI.create("/api/v1/indicators/frozen/" + set.id())).body(view(check));
	}

	@GetMapping
	@Operation(summary = "Frozen sets of the caller's scope, newest first, withdrawn ones included",
			description = "Optional filters: unit (code, exactly that unit), from (sets starting on or after), to (sets "
					+ "ending on or before). differing: how many figures now differ from live.")
	@ApiResponse(responseCode = "422", description = "Unknown unit or malformed date")
	List<SetView> list(@RequestParam(required = false) String unit, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @AuthenticationPrincipal StaffPrincipal me) {
		return frozen.list(unit, from, to, scope(me)).stream()
			.map(l -> summary(l.set(), l.differing()))
			.collect(Collectors.toList());
	}

	@GetMapping("/{id}")
	@Operation(summary = "A frozen set, each figure beside the live one recomputed now, with the differences")
	@ApiResponse(responseCode = "404", description = "No such set in the caller's scope")
	SetView get(@PathVariable String id, @AuthenticationPrincipal StaffPrincipal me) {
		return view(frozen.compare(id, scope(me)));
	}

	@PostMapping("/{id}/withdrawal")
	@PreAuthorize(FREEZE)
	@Operation(summary = "Withdraw a frozen set with a reason; it stays listed as withdrawn")
	@ApiResponse(responseCode = "404", description = "No such set in the caller's scope")
	@ApiResponse(responseCode = "409", description = "Withdrawn already")
	@ApiResponse(responseCode = "422", description = "Reason missing or too long")
	SetView withdraw(@PathVariable String id, @RequestBody WithdrawalBody body,
			@AuthenticationPrincipal StaffPrincipal me) {
		frozen.withdraw(id, body.reason(), staff(me), scope(me));
		return view(frozen.compare(id, scope(me)));
	}

	private static SetView view(FrozenFigures.Check check) {
		SetView summary = summary(check.set(), (int) check.differing());
		List<FigureView> figures = check.figures().stream()
			.map(d -> new FigureView(d.id(), numbers(d.frozen()), numbers(d.live()), d.differs(), d.valueDifference(),
					d.comparisonValueDifference()))
			.toList();
		return new SetView(summary.id(), summary.title(), summary.unit(), summary.from(), summary.to(),
				summary.comparison(), summary.frozenAt(), summary.frozenBy(), summary.note(), summary.status(),
				summary.withdrawal(), summary.differing(), figures);
	}

	private static SetView summary(FrozenSet s, Integer differing) {
		Comparison c = s.comparison();
		WithdrawalView withdrawal = s.withdrawal() == null ? null
				: new WithdrawalView(s.withdrawal().at(), staff(s.withdrawal().by()), s.withdrawal().reason());
		return new SetView(s.id(), s.title(), s.unit(), s.from(), s.to(), new ComparisonView(c.kind(), c.from(), c.to()),
				s.frozenAt(), staff(s.frozenBy()), s.note(), s.status(), withdrawal, differing, null);
	}

	private static StaffView staff(FrozenFigures.Staff s) {
		return new StaffView(s.id(), s.name());
	}

	private static NumbersView numbers(Figure f) {
		return f == null ? null
				: new NumbersView(f.value(), f.comparisonValue(), f.relativeChangePercent(), f.percentagePointChange());
	}

	static FrozenFigures.Staff staff(StaffPrincipal me) {
		return new FrozenFigures.Staff(me.accountId().value(), me.displayName());
	}

	/** Administrators see every unit's figures; everyone else their scope (command and auditors: all units). */
	private UnitScope scope(StaffPrincipal me) {
		if (me != null && me.has(Role.ADMINISTRATOR)) {
			return new UnitScope(organisation.all().stream().map(Unit::id).collect(Collectors.toSet()));
		}
		return scopes.current();
	}
}
