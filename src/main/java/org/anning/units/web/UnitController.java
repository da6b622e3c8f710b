package org.anning.units.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;

import org.anning.units.Organisation;
import org.anning.units.Unit;
import org.anning.units.UnitLevel;
import org.anning.units.UnitScope;
import org.anning.units.UnitScopes;
import org.anning.web.ConflictException;
import org.anning.web.InvalidInputException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff desk's pages of the unit tree: every staff user browses the units in their scope; administrators
 * create, rename, move, deactivate and reactivate them. A unit outside the scope answers 404.
 */
@Controller
@RequestMapping("/desk/units")
class UnitController {

	private static final String ADMINISTRATOR = "hasRole('ADMINISTRATOR')";

	private final Organisation organisation;

	private final UnitScopes scopes;

	private final SpringValidatorAdapter validator;

	UnitController(Organisation organisation, UnitScopes scopes, Validator validator) {
		this.organisation = organisation;
		this.scopes = scopes;
		this.validator = new SpringValidatorAdapter(validator);
	}

	/** The tree, or for htmx only its results, so that filtering works with and without JavaScript. */
	@GetMapping
	String showTree(@RequestParam(name = "q", required = false) String q, HtmxRequest htmx,
			HttpServletResponse response, Model model) {
		model.addAttribute("q", q == null ? "" : q.strip());
		model.addAttribute("tree", UnitTree.of(organisation.visible(scopes.current()), q));
		response.addHeader(HttpHeaders.VARY, "HX-Request");
		// A history restore asks for the whole page, as a plain request would.
		return htmx.isHtmxRequest() && !htmx.isHistoryRestoreRequest() ? "desk/units/list :: results"
				: "desk/units/list";
	}

	@GetMapping("/new")
	@PreAuthorize(ADMINISTRATOR)
	String initCreationForm(@RequestParam(name = "parent", required = false) String parent, Model model) {
		UnitScope scope = scopes.current();
		UnitForm form = new UnitForm();
		if (parent != null) {
			organisation.findByCode(parent).filter(p -> scope.covers(p.id()) && p.active()).ifPresent(p -> {
				form.setParentCode(p.code());
				form.setLevel(below(p.level()).name());
			});
		}
		model.addAttribute("draft", form);
		return showCreationForm(scope, model);
	}

	@PostMapping("/new")
	@PreAuthorize(ADMINISTRATOR)
	String processCreationForm(@ModelAttribute("draft") UnitForm form, BindingResult result,
			RedirectAttributes redirect, Model model) {
		UnitScope scope = scopes.current();
		validator.validate(form.toNewUnit(), result);
		if (!result.hasErrors()) {
			try {
				Unit unit = organisation.create(form.toNewUnit(), scope);
				return redirectTo(unit, "units.notice.created", redirect);
			}
			catch (InvalidInputException ex) {
				ex.applyTo(result);
			}
			catch (ConflictException ex) {
				result.rejectValue("code", ex.code(), ex.args(), ex.code());
			}
		}
		return showCreationForm(scope, model);
	}

	@GetMapping("/{code}")
	String showUnit(@PathVariable String code, Model model) {
		UnitScope scope = scopes.current();
		return showUnit(organisation.get(code, scope), scope, model);
	}

	@PostMapping("/{code}/names")
	@PreAuthorize(ADMINISTRATOR)
	String processRenameForm(@PathVariable String code, @ModelAttribute("names") NamesForm form,
			BindingResult result, RedirectAttributes redirect, Model model) {
		UnitScope scope = scopes.current();
		Unit unit = organisation.get(code, scope);
		validator.validate(form.toUnitNames(), result);
		if (result.hasErrors()) {
			return showUnit(unit, scope, model);
		}
		return redirectTo(organisation.rename(code, form.toUnitNames(), scope), "units.notice.renamed", redirect);
	}

	@PostMapping("/{code}/parent")
	@PreAuthorize(ADMINISTRATOR)
	String processMoveForm(@PathVariable String code, @ModelAttribute("move") ParentForm form, BindingResult result,
			RedirectAttributes redirect, Model model) {
		UnitScope scope = scopes.current();
		try {
			return redirectTo(organisation.move(code, form.getParentCode(), scope), "units.notice.moved", redirect);
		}
		catch (InvalidInputException ex) {
			ex.applyTo(result);
			return showUnit(organisation.get(code, scope), scope, model);
		}
	}

	@PostMapping("/{code}/deactivate")
	@PreAuthorize(ADMINISTRATOR)
	String processDeactivation(@PathVariable String code, RedirectAttributes redirect, Model model) {
		UnitScope scope = scopes.current();
		try {
			return redirectTo(organisation.deactivate(code, scope), "units.notice.deactivated", redirect);
		}
		catch (ConflictException ex) {
			model.addAttribute("conflict", ex);
			return showUnit(organisation.get(code, scope), scope, model);
		}
	}

	@PostMapping("/{code}/reactivate")
	@PreAuthorize(ADMINISTRATOR)
	String processReactivation(@PathVariable String code, RedirectAttributes redirect, Model model) {
		UnitScope scope = scopes.current();
		try {
			return redirectTo(organisation.reactivate(code, scope), "units.notice.reactivated", redirect);
		}
		catch (ConflictException ex) {
			model.addAttribute("conflict", ex);
			return showUnit(organisation.get(code, scope), scope, model);
		}
	}

	private String showCreationForm(UnitScope scope, Model model) {
		model.addAttribute("levels", UnitLevel.values());
		model.addAttribute("parents", organisation.visible(scope).stream().filter(Unit::active).toList());
		return "desk/units/new";
	}

	/** The details page; forms that failed are already in the model and keep what was typed. */
	private String showUnit(Unit unit, UnitScope scope, Model model) {
		List<Unit> visible = organisation.visible(scope);
		model.addAttribute("unit", unit);
		model.addAttribute("parent", unit.isTop() ? null : organisation.find(unit.parentId()).orElse(null));
		model.addAttribute("parentVisible", scope.covers(unit.parentId()));
		model.addAttribute("children", visible.stream().filter(u -> unit.code().equals(u.parentCode())).toList());
		model.addAttribute("parents", possibleParents(unit, visible));
		if (!model.containsAttribute("names")) {
			model.addAttribute("names", NamesForm.of(unit));
		}
		if (!model.containsAttribute("move")) {
			model.addAttribute("move", ParentForm.of(unit));
		}
		return "desk/units/unit";
	}

	/** Active units the unit may move under: not itself or below it, and not below its own level. */
	static List<Unit> possibleParents(Unit unit, List<Unit> visible) {
		Map<String, String> parents = new HashMap<>();
		visible.forEach(u -> parents.put(u.code(), u.parentCode()));
		return visible.stream()
			.filter(p -> p.active() && unit.level().compareTo(p.level()) >= 0
					&& !isWithin(p.code(), unit.code(), parents))
			.toList();
	}

	/** Whether a unit is the given ancestor or stands anywhere below it. */
	private static boolean isWithin(String code, String ancestor, Map<String, String> parents) {
		for (String c = code; c != null; c = parents.get(c)) {
			if (c.equals(ancestor)) {
				return true;
			}
		}
		return false;
	}

	/** The level a new unit under a parent of the given level most likely has: the next one down. */
	private static UnitLevel below(UnitLevel parent) {
		UnitLevel[] levels = UnitLevel.values();
		return levels[Math.min(parent.ordinal() + 1, levels.length - 1)];
	}

	private static String redirectTo(Unit unit, String notice, RedirectAttributes redirect) {
		redirect.addAttribute("code", unit.code());
		redirect.addFlashAttribute("notice", notice);
		return "redirect:/desk/units/{code}";
	}
}
