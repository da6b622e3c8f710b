package org.anning.traffic.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.anning.accounts.StaffPrincipal;
import org.anning.traffic.Accident;
import org.anning.traffic.Accidents;
import org.anning.traffic.BlackSpots;
import org.anning.traffic.DuplicateStatus;
import org.anning.traffic.NewAccident;
import org.anning.traffic.SeverityGrade;
import org.anning.traffic.web.AccidentViews.AccidentDetail;
import org.anning.traffic.web.AccidentViews.AccidentLine;
import org.anning.traffic.web.AccidentViews.PairView;
import org.anning.traffic.web.AccidentViews.SpotsView;
import org.anning.units.UnitScope;
import org.anning.units.UnitScopes;
import org.anning.web.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Road-traffic accidents over JSON for staff, with the same rules and roles as the desk pages: lists, recording,
 * the update of deaths, the duplicate review and black spots. Accidents of units outside the caller's scope are not
 * found. Times are ISO date-times with their offset, shown in the bureau's zone; a time sent without an offset is
 * read in the bureau's zone. Amounts are JSON numbers in yuan with two decimals. People appear only as counts.
 */
@RestController
@RequestMapping("/api/v1/traffic")
@PreAuthorize(TrafficApi.READ)
@Tag(name = "Traffic", description = "Road-traffic accidents, duplicates and black spots (staff token)")
class TrafficApi {

	static final String READ = "hasAnyRole('TRAFFIC_OFFICER','STATION_CHIEF','COMMAND','AUDITOR')";

	static final String RECORD = "hasAnyRole('TRAFFIC_OFFICER','STATION_CHIEF')";

	private final Accidents accidents;

	private final BlackSpots blackSpots;

	private final SpotQueries queries;

	private final AccidentViews views;

	private final UnitScopes scopes;

	TrafficApi(Accidents accidents, BlackSpots blackSpots, SpotQueries queries, AccidentViews views,
			UnitScopes scopes) {
		this.accidents = accidents;
		this.blackSpots = blackSpots;
		this.queries = queries;
		this.views = views;
		this.scopes = scopes;
	}

	/**
	 * An accident: unit (code; empty for the caller's own), occurredAt, road, kmMarker, latitude, longitude, type,
	 * deaths, seriousInjuries, minorInjuries, directLoss, causes (codes), vehicles (counts by type), weather, light,
	 * surface. The grade is derived, never sent.
	 */
	record AccidentBody(String unit, String occurredAt, String road, BigDecimal kmMarker, BigDecimal latitude,
			BigDecimal longitude, String type, Integer deaths, Integer seriousInjuries, Integer minorInjuries,
			BigDecimal directLoss, List<String> causes, Map<String, Integer> vehicles, String weather, String light,
			String surface) {
	}

	record DeathsBody(Integer deaths) {
	}

	@GetMapping("/accidents")
	@Operation(summary = "Accidents of the caller's scope, newest first",
			description = "unit (a code; with its subtree), from and to (days in the bureau's zone), grade, "
					+ "duplicate (FLAGGED, MERGED, DISMISSED), road (part of the name), limit (at most 1000).")
	List<AccidentLine> list(@RequestParam(required = false) String unit, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) SeverityGrade grade,
			@RequestParam(required = false) DuplicateStatus duplicate, @RequestParam(required = false) String road,
			@RequestParam(defaultValue = "200") int limit) {
		UnitScope scope = scopes.current();
		UUID unitId = StringUtils.hasText(unit) ? accidents.unit(unit, scope).id().value() : null;
		return accidents.list(scope, new Accidents.Filter(unitId, date("from", from), date("to", to), grade, duplicate,
				road), limit).stream().map(views::line).toList();
	}

	@PostMapping("/accidents")
	@PreAuthorize(RECORD)
	@Operation(summary = "Record an accident", description = "The grade is derived; an accident within 200 m and "
			+ "2 hours of another is flagged for the duplicate review (duplicateStatus FLAGGED).")
	@ApiResponse(responseCode = "201", description = "The accident; Location names it")
	@ApiResponse(responseCode = "422", description = "Invalid fields, listed in errors [{field, message}]")
	ResponseEntity<AccidentDetail> record(@AuthenticationPrincipal StaffPrincipal me, @RequestBody AccidentBody body) {
		Map<String, String> vehicles = new java.util.LinkedHashMap<>();
		if (body.vehicles() != null) {
			body.vehicles().forEach((k, v) -> vehicles.put(k, v == null ? null : v.toString()));
		}
		Accident a = accidents.record(new NewAccident(body.unit(), body.occurredAt(), body.road(), text(body.kmMarker()),
				text(body.latitude()), text(body.longitude()), body.type(), text(body.deaths()),
				text(body.seriousInjuries()), text(body.minorInjuries()), text(body.directLoss()), body.causes(), vehicles,
				body.weather(), body.light(), body.surface()), me.unitId().value(), scopes.current());
		return ResponseEntity.created(URI.create("/api/v1/traffic/accidents/" + a.number())).body(views.detail(a));
	}

	@GetMapping("/accidents/{number}")
	@Operation(summary = "An accident with its vehicles, causes, grade and the updates of its deaths")
	@ApiResponse(responseCode = "404", description = "No such accident in the caller's scope")
	AccidentDetail get(@PathVariable String number) {
		return views.detail(accidents.get(number, scopes.current()));
	}

	@PostMapping("/accidents/{number}/deaths")
	@PreAuthorize(RECORD)
	@Operation(summary = "Update the deaths, up to 30 days after the accident",
			description = "Deaths known within 7 days are also its deaths within 7 days; the grade follows.")
	@ApiResponse(responseCode = "422", description = "Not a count, or more than 30 days after the accident (field deaths)")
	AccidentDetail updateDeaths(@PathVariable String number, @RequestBody DeathsBody body) {
		return views.detail(accidents.updateDeaths(number, text(body.deaths()), scopes.current()));
	}

	@GetMapping("/duplicates")
	@Operation(summary = "Accidents flagged as possible duplicates, each beside the accident it may repeat",
			description = "other is null when that accident belongs to a unit outside the caller's scope.")
	List<PairView> duplicates(@RequestParam(defaultValue = "200") int limit) {
		return accidents.flagged(scopes.current(), limit).stream().map(views::pair).toList();
	}

	@PostMapping("/accidents/{number}/merge")
	@PreAuthorize(RECORD)
	@Operation(summary = "Merge a flagged accident into the one it repeats; it stops counting")
	@ApiResponse(responseCode = "409", description = "The accident is not flagged")
	AccidentDetail merge(@PathVariable String number) {
		return views.detail(accidents.merge(number, scopes.current()));
	}

	@PostMapping("/accidents/{number}/dismiss")
	@PreAuthorize(RECORD)
	@Operation(summary = "Dismiss the duplicate flag: a separate accident, still counted")
	@ApiResponse(responseCode = "409", description = "The accident is not flagged")
	AccidentDetail dismiss(@PathVariable String number) {
		return views.detail(accidents.dismiss(number, scopes.current()));
	}

	@GetMapping("/black-spots")
	@Operation(summary = "Black spots: accidents within radius metres of one another (single linkage), largest first",
			description = "unit (a code; with its subtree; empty: the whole scope), from, to (default the last 365 "
					+ "days), radius (metres, default 250), minAccidents (default 3), fatalOnly. Each spot: centre "
					+ "(mean coordinates), accidentCount, accidents (numbers), deaths, injuries, mainCauses.")
	@ApiResponse(responseCode = "422", description = "Invalid parameters")
	SpotsView blackSpots(@RequestParam(required = false) String unit, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String radius,
			@RequestParam(required = false) String minAccidents, @RequestParam(required = false) String fatalOnly) {
		UnitScope scope = scopes.current();
		BlackSpots.Query query = queries.read(unit, from, to, radius, minAccidents, fatalOnly, scope);
		return AccidentViews.spots(blackSpots.find(query, scope));
	}

	private static String text(Object value) {
		return value instanceof BigDecimal d ? d.toPlainString() : value == null ? null : value.toString();
	}

	private static LocalDate date(String field, String value) {
		if (!StringUtils.hasText(value)) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			throw new InvalidInputException(field, "traffic.spots.date.format");
		}
	}
}
