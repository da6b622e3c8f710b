package org.anning.indicators.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.anning.accounts.Role;
import org.anning.accounts.StaffPrincipal;
import org.anning.indicators.Figure;
import org.anning.indicators.FrozenFigures;
import org.anning.indicators.FrozenFigures.FrozenSet;
import org.anning.indicators.Indicator;
import org.anning.units.Organisation;
import org.anning.units.Unit;
import org.anning.units.UnitScope;
import org.anning.units.UnitScopes;
import org.anning.web.ConflictException;
import org.anning.web.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
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

/**
 * Frozen figure sets on the desk: the list with how many figures of each now differ from live, one set beside the
 * live figures with the differences highlighted and links to the records, the form that freezes a dashboard
 * selection, and withdrawal with a reason. The same roles and unit scope as the API.
 */
@Controller
@RequestMapping("/desk/indicators/frozen")
@PreAuthorize(FrozenFiguresApi.READ)
class FrozenFiguresController {

	private final FrozenFigures frozen;

	private final UnitScopes scopes;

	private final Organisation organisation;

	private final Clock clock;

	FrozenFiguresController(FrozenFigures frozen, UnitScopes scopes, Organisation organisation, Clock clock) {
		this.frozen = frozen;
		this.scopes = scopes;
		this.organisation = organisation;
		this.clock = clock;
	}

	/** A comparison the form offers: its value and the message key (with argument) that names it. */
	public record CompareOption(String value, String key, String arg) {
	}

	/** One figure as the page shows it, frozen beside live; numbers are plain strings, changes signed. */
	public record Row(String id, Indicator.Kind kind, String frozenValue, String liveValue, String frozenComparison,
			String liveComparison, String frozenRelative, String liveRelative, String frozenPoints, String livePoints,
			boolean differs, String valueDifference, boolean known) {

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

	@InitBinder("freeze")
	void allowFreezeFields(WebDataBinder binder) {
		binder.setAllowedFields("unit", "from", "to", "compare", "title", "note");
	}

	@InitBinder("withdrawal")
	void allowWithdrawalFields(WebDataBinder binder) {
		binder.setAllowedFields("reason");
	}

	@GetMapping
	String list(@RequestParam(required = false) String unit, @AuthenticationPrincipal StaffPrincipal me, Model model) {
		model.addAttribute("sets", frozen.list(unit, null, null, scope(me)));
		model.addAttribute("zone", clock.getZone());
		return "indicators/frozen-list";
	}

	@GetMapping("/new")
	@PreAuthorize(FrozenFiguresApi.FREEZE)
	String initFreezeForm(@RequestParam(required = false) String unit, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String compare,
			@AuthenticationPrincipal StaffPrincipal me, Model model) {
		LocalDate today = LocalDate.now(clock);
		FreezeForm form = new FreezeForm();
		form.setUnit(unit != null ? unit : ownUnit(me));
		form.setFrom(from != null ? from : today.withDayOfYear(1).toString());
		form.setTo(to != null ? to : today.with(TemporalAdjusters.lastDayOfYear()).toString());
		form.setCompare(compare != null && !compare.isBlank() ? compare : "previous-year");
		model.addAttribute("freeze", form);
		return form(me, model);
	}

	@PostMapping
	@PreAuthorize(FrozenFiguresApi.FREEZE)
	String processFreezeForm(@ModelAttribute("freeze") FreezeForm form, BindingResult result,
			@AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect) {
		try {
			FrozenSet set = frozen.freeze(new FrozenFigures.FreezeRequest(form.getUnit(), form.getFrom(), form.getTo(),
					form.getCompare(), form.getTitle(), form.getNote()), FrozenFiguresApi.staff(me), scope(me));
			redirect.addFlashAttribute("notice", "indicators.frozen.done.frozen");
			redirect.addAttribute("id", set.id());
			return "redirect:/desk/indicators/frozen/{id}";
		}
		catch (InvalidInputException e) {
			e.applyTo(result);
			return form(me, model);
		}
	}

	@GetMapping("/{id}")
	String show(@PathVariable String id, @AuthenticationPrincipal StaffPrincipal me, Model model) {
		return page(id, me, model);
	}

	@PostMapping("/{id}/withdrawal")
	@PreAuthorize(FrozenFiguresApi.FREEZE)
	String withdraw(@PathVariable String id, @ModelAttribute("withdrawal") WithdrawalForm form, BindingResult result,
			@AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			FrozenSet set = frozen.withdraw(id, form.getReason(), FrozenFiguresApi.staff(me), scope(me));
			redirect.addFlashAttribute("notice", "indicators.frozen.done.withdrawn");
			redirect.addAttribute("id", set.id());
			return "redirect:/desk/indicators/frozen/{id}";
		}
		catch (InvalidInputException e) {
			e.applyTo(result);
		}
		catch (ConflictException e) {
			model.addAttribute("conflict", e);
			response.setStatus(HttpServletResponse.SC_CONFLICT);
		}
		return page(id, me, model);
	}

	private String page(String id, StaffPrincipal me, Model model) {
		FrozenFigures.Check check = frozen.compare(id, scope(me));
		model.addAttribute("set", check.set());
		model.addAttribute("differing", check.differing());
		model.addAttribute("rows", check.figures().stream().map(FrozenFiguresController::row).toList());
		model.addAttribute("compareOption", option(check.set().comparison().kind()));
		model.addAttribute("zone", clock.getZone());
		if (!model.containsAttribute("withdrawal")) {
			model.addAttribute("withdrawal", new WithdrawalForm());
		}
		return "indicators/frozen-set";
	}

	private String form(StaffPrincipal me, Model model) {
		FreezeForm form = (FreezeForm) model.getAttribute("freeze");
		model.addAttribute("units", organisation.visible(scope(me)));
		model.addAttribute("compares", compares(form == null ? null : form.getCompare()));
		return "indicators/frozen-new";
	}

	static Row row(FrozenFigures.Difference d) {
		Indicator indicator = Indicator.byId(d.id()).orElse(null);
		Indicator.Kind kind = indicator == null ? Indicator.Kind.AVERAGE : indicator.kind();
		Figure f = d.frozen();
		Figure l = d.live();
		return new Row(d.id(), kind, plain(kind, f.value()), l == null ? null : plain(kind, l.value()),
				plain(kind, f.comparisonValue()), l == null ? null : plain(kind, l.comparisonValue()),
				signed(f.relativeChangePercent()), l == null ? null : signed(l.relativeChangePercent()),
				signed(f.percentagePointChange()), l == null ? null : signed(l.percentagePointChange()), d.differs(),
				d.valueDifference() == null ? null : signed(kind, d.valueDifference()), indicator != null);
	}

	private static String plain(Indicator.Kind kind, BigDecimal value) {
		if (value == null) {
			return null;
		}
		return value.setScale(kind == Indicator.Kind.COUNT ? 0 : 2, RoundingMode.HALF_UP).toPlainString();
	}

	private static String signed(Indicator.Kind kind, BigDecimal value) {
		String text = plain(kind, value);
		return value.signum() > 0 ? "+" + text : text;
	}

	private static String signed(BigDecimal value) {
		return value == null ? null : signed(Indicator.Kind.RATE, value);
	}

	static List<CompareOption> compares(String current) {
		List<CompareOption> options = new ArrayList<>(List.of(option("previous-year"), option("previous-period"),
				option("baseline:2019")));
		if (current != null && options.stream().noneMatch(o -> o.value().equals(current))
				&& current.matches("baseline:\\d{4}")) {
			options.add(option(current));
		}
		return options;
	}

	static CompareOption option(String value) {
		if ("previous-period".equals(value)) {
			return new CompareOption(value, "indicators.frozen.compare.previousPeriod", null);
		}
		if (value != null && value.matches("baseline:\\d{4}")) {
			return new CompareOption(value, "indicators.frozen.compare.baseline", value.substring(9));
		}
		return new CompareOption("previous-year", "indicators.frozen.compare.previousYear", null);
	}

	private String ownUnit(StaffPrincipal me) {
		if (me == null || me.unitId() == null) {
			return null;
		}
		return organisation.find(me.unitId()).map(Unit::code).orElse(null);
	}

	/** Administrators see every unit's figures; everyone else their scope (command and auditors: all units). */
	private UnitScope scope(StaffPrincipal me) {
		if (me != null && me.has(Role.ADMINISTRATOR)) {
			return new UnitScope(organisation.all().stream().map(Unit::id).collect(Collectors.toSet()));
		}
		return scopes.current();
	}
}
