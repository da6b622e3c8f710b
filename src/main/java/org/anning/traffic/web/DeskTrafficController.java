package org.anning.traffic.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.anning.accounts.StaffPrincipal;
import org.anning.traffic.Accident;
import org.anning.traffic.AccidentType;
import org.anning.traffic.Accidents;
import org.anning.traffic.BlackSpots;
import org.anning.traffic.Cause;
import org.anning.traffic.DuplicateStatus;
import org.anning.traffic.Light;
import org.anning.traffic.RoadSurface;
import org.anning.traffic.SeverityGrade;
import org.anning.traffic.TrafficSettings;
import org.anning.traffic.VehicleType;
import org.anning.traffic.Weather;
import org.anning.units.Organisation;
import org.anning.units.Unit;
import org.anning.units.UnitId;
import org.anning.units.UnitScope;
import org.anning.units.UnitScopes;
import org.anning.web.ConflictException;
import org.anning.web.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tools.jackson.databind.json.JsonMapper;

/**
 * The traffic desk: the accident list with filters, recording an accident, one accident with the update of its
 * deaths, the duplicate review side by side, and the black-spot map and table. Actions redirect back to a page; a
 * failed one shows the page again with the error beside the field and what was typed.
 */
@Controller
@RequestMapping("/desk/traffic")
class DeskTrafficController {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Accidents accidents;

	private final BlackSpots blackSpots;

	private final SpotQueries queries;

	private final Organisation organisation;

	private final UnitScopes scopes;

	private final TrafficSettings settings;

	DeskTrafficController(Accidents accidents, BlackSpots blackSpots, SpotQueries queries, Organisation organisation,
			UnitScopes scopes, TrafficSettings settings) {
		this.accidents = accidents;
		this.blackSpots = blackSpots;
		this.queries = queries;
		this.organisation = organisation;
		this.scopes = scopes;
		this.settings = settings;
	}

	@InitBinder("accident")
	void allowAccidentFields(WebDataBinder binder) {
		binder.setAllowedFields("unit", "occurredAt", "road", "kmMarker", "latitude", "longitude", "type", "deaths",
				"seriousInjuries", "minorInjuries", "directLoss", "causes", "vehicles*", "weather", "light", "surface");
	}

	@InitBinder("deathsUpdate")
	void allowDeathsFields(WebDataBinder binder) {
		binder.setAllowedFields("deaths");
	}

	@GetMapping
	@PreAuthorize(TrafficApi.READ)
	String listAccidents(@RequestParam(required = false) String unit, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String grade, Model model) {
		UnitScope scope = scopes.current();
		UUID unitId = StringUtils.hasText(unit) ? accidents.unit(unit, scope).id().value() : null;
		SeverityGrade chosen = null;
		for (SeverityGrade g : SeverityGrade.values()) {
			if (g.name().equals(grade)) {
				chosen = g;
			}
		}
		LocalDate start = date(from);
		LocalDate end = date(to);
		model.addAttribute("accidents", accidents.list(scope, new Accidents.Filter(unitId, start, end, chosen, null,
				null), 200));
		model.addAttribute("unit", unit);
		model.addAttribute("from", start);
		model.addAttribute("to", end);
		model.addAttribute("grade", chosen);
		model.addAttribute("grades", SeverityGrade.values());
		model.addAttribute("unitChoices", organisation.visible(scope));
		model.addAttribute("units", unitCodes(scope));
		model.addAttribute("flagged", accidents.flaggedCount(scope));
		return "traffic/accidents";
	}

	@GetMapping("/accidents/new")
	@PreAuthorize(TrafficApi.RECORD)
	String initRecordForm(Model model) {
		DeskAccidentForm form = new DeskAccidentForm();
		form.setOccurredAt(accidents.now().toString());
		model.addAttribute("accident", form);
		return recordPage(model);
	}

	@PostMapping("/accidents/new")
	@PreAuthorize(TrafficApi.RECORD)
	String processRecordForm(@AuthenticationPrincipal StaffPrincipal me,
			@ModelAttribute("accident") DeskAccidentForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		try {
			Accident a = accidents.record(form.draft(), me.unitId().value(), scopes.current());
			redirect.addFlashAttribute("notice", a.duplicateStatus() == DuplicateStatus.FLAGGED
					? "traffic.desk.done.recordedFlagged" : "traffic.desk.done.recorded");
			redirect.addAttribute("number", a.number());
			return "redirect:/desk/traffic/accidents/{number}";
		}
		catch (InvalidInputException e) {
			e.applyTo(result);
			response.setStatus(422);
			return recordPage(model);
		}
	}

	@GetMapping("/accidents/{number}")
	@PreAuthorize(TrafficApi.READ)
	String showAccident(@PathVariable String number, Model model) {
		return accidentPage(number, model);
	}

	@PostMapping("/accidents/{number}/deaths")
	@PreAuthorize(TrafficApi.RECORD)
	String updateDeaths(@PathVariable String number, @ModelAttribute("deathsUpdate") DeskDeathsForm form,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		try {
			accidents.updateDeaths(number, form.getDeaths(), scopes.current());
			redirect.addFlashAttribute("notice", "traffic.desk.done.deaths");
			redirect.addAttribute("number", number.strip());
			return "redirect:/desk/traffic/accidents/{number}";
		}
		catch (InvalidInputException e) {
			e.applyTo(result);
			response.setStatus(422);
			return accidentPage(number, model);
		}
		catch (ConflictException e) {
			model.addAttribute("conflict", e);
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return accidentPage(number, model);
		}
	}

	@GetMapping("/duplicates")
	@PreAuthorize(TrafficApi.READ)
	String listDuplicates(Model model) {
		UnitScope scope = scopes.current();
		model.addAttribute("pairs", accidents.flagged(scope, 500));
		model.addAttribute("units", unitCodes(scope));
		return "traffic/duplicates";
	}

	@GetMapping("/duplicates/{number}")
	@PreAuthorize(TrafficApi.READ)
	String showDuplicate(@PathVariable String number, Model model) {
		UnitScope scope = scopes.current();
		model.addAttribute("pair", accidents.review(number, scope));
		model.addAttribute("units", unitCodes(scope));
		return "traffic/duplicate";
	}

	@PostMapping("/duplicates/{number}/merge")
	@PreAuthorize(TrafficApi.RECORD)
	String merge(@PathVariable String number, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return review(number, true, model, redirect, response);
	}

	@PostMapping("/duplicates/{number}/dismiss")
	@PreAuthorize(TrafficApi.RECORD)
	String dismiss(@PathVariable String number, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return review(number, false, model, redirect, response);
	}

	@GetMapping("/black-spots")
	@PreAuthorize(TrafficApi.READ)
	String showBlackSpots(@RequestParam(required = false) String unit, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String radius,
			@RequestParam(required = false) String minAccidents, @RequestParam(required = false) String fatalOnly,
			Model model, HttpServletResponse response) {
		UnitScope scope = scopes.current();
		model.addAttribute("unitChoices", organisation.visible(scope));
		model.addAttribute("unit", unit);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("radius", StringUtils.hasText(radius) ? radius : String.valueOf(BlackSpots.DEFAULT_RADIUS));
		model.addAttribute("minAccidents",
				StringUtils.hasText(minAccidents) ? minAccidents : String.valueOf(BlackSpots.DEFAULT_MIN_ACCIDENTS));
		model.addAttribute("fatalOnly", "true".equalsIgnoreCase(fatalOnly) || "on".equalsIgnoreCase(fatalOnly));
		BlackSpots.Query query;
		try {
			query = queries.read(unit, from, to, radius, minAccidents, fatalOnly, scope);
		}
		catch (InvalidInputException e) {
			Map<String, InvalidInputException.FieldProblem> problems = new LinkedHashMap<>();
			e.problems().forEach(p -> problems.putIfAbsent(p.field(), p));
			model.addAttribute("problems", problems);
			response.setStatus(422);
			return "traffic/black-spots";
		}
		model.addAttribute("from", query.from().toString());
		model.addAttribute("to", query.to().toString());
		List<BlackSpots.Point> points = blackSpots.points(query, scope);
		List<BlackSpots.Spot> spots = BlackSpots.cluster(points, query.radius(), query.minAccidents());
		model.addAttribute("spots", spots);
		Map<String, Object> chart = new LinkedHashMap<>();
		List<double[]> plotted = new ArrayList<>(points.size());
		for (BlackSpots.Point p : points) {
			plotted.add(new double[] { p.longitude(), p.latitude(), p.deaths() });
		}
		List<double[]> centres = new ArrayList<>();
		for (BlackSpots.Spot s : spots) {
			centres.add(new double[] { s.longitude(), s.latitude(), s.accidentCount() });
		}
		chart.put("accidents", plotted);
		chart.put("spots", centres);
		chart.put("tileUrl", settings.tileUrl());
		model.addAttribute("chartJson", JSON.writeValueAsString(chart));
		return "traffic/black-spots";
	}

	private String review(String number, boolean merge, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		UnitScope scope = scopes.current();
		try {
			if (merge) {
				accidents.merge(number, scope);
			}
			else {
				accidents.dismiss(number, scope);
			}
		}
		catch (ConflictException e) {
			model.addAttribute("conflict", e);
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return showDuplicate(number, model);
		}
		redirect.addFlashAttribute("notice", merge ? "traffic.desk.done.merged" : "traffic.desk.done.dismissed");
		return "redirect:/desk/traffic/duplicates";
	}

	private String recordPage(Model model) {
		UnitScope scope = scopes.current();
		model.addAttribute("unitChoices", organisation.visible(scope).stream().filter(Unit::active).toList());
		model.addAttribute("types", AccidentType.values());
		model.addAttribute("causes", Cause.values());
		model.addAttribute("vehicleTypes", VehicleType.values());
		model.addAttribute("weathers", Weather.values());
		model.addAttribute("lights", Light.values());
		model.addAttribute("surfaces", RoadSurface.values());
		model.addAttribute("zone", accidents.zone());
		return "traffic/record";
	}

	private String accidentPage(String number, Model model) {
		UnitScope scope = scopes.current();
		Accident a = accidents.get(number, scope);
		model.addAttribute("a", a);
		model.addAttribute("unitName", organisation.find(new UnitId(a.unit())).orElse(null));
		model.addAttribute("updates", accidents.deathsUpdates(a));
		model.addAttribute("other", a.duplicateOf() == null ? null
				: accidents.find(a.duplicateOf()).filter(o -> scope.covers(new UnitId(o.unit()))).orElse(null));
		model.addAttribute("updatable", !accidents.today().isAfter(a.deathsUpdatableUntil()));
		model.addAttribute("zone", accidents.zone());
		if (!model.containsAttribute("deathsUpdate")) {
			DeskDeathsForm form = new DeskDeathsForm();
			form.setDeaths(String.valueOf(a.deaths()));
			model.addAttribute("deathsUpdate", form);
		}
		return "traffic/accident";
	}

	private Map<UUID, String> unitCodes(UnitScope scope) {
		Map<UUID, String> codes = new LinkedHashMap<>();
		organisation.visible(scope).forEach(u -> codes.put(u.id().value(), u.code()));
		return codes;
	}

	private static LocalDate date(String value) {
		if (!StringUtils.hasText(value)) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}
}
