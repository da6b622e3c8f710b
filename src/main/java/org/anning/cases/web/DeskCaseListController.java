package org.anning.cases.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.anning.accounts.StaffPrincipal;
import org.anning.cases.CaseCategory;
import org.anning.cases.CaseFile;
import org.anning.cases.CaseSearch;
import org.anning.cases.CaseStatus;
import org.anning.cases.Cases;
import org.anning.cases.NewCase;
import org.anning.cases.Taxonomy;
import org.anning.units.Organisation;
import org.anning.units.Unit;
import org.anning.units.UnitId;
import org.anning.units.UnitScope;
import org.anning.units.UnitScopes;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The cases of the units in scope on the desk, filtered by status and category (a top-level code takes its
 * subcodes), full-text search over cases and reports, and registering a case directly (a walk-in without a
 * report). No personal data: neither the list nor the hits read any reporter.
 */
@Controller
@RequestMapping("/desk/cases")
class DeskCaseListController {

	private static final int LIST_LIMIT = 200;

	private static final int SEARCH_LIMIT = 50;

	private final Cases cases;

	private final CaseSearch search;

	private final Taxonomy taxonomy;

	private final Organisation organisation;

	private final UnitScopes scopes;

	private final Clock clock;

	DeskCaseListController(Cases cases, CaseSearch search, Taxonomy taxonomy, Organisation organisation,
			UnitScopes scopes, Clock clock) {
		this.cases = cases;
		this.search = search;
		this.taxonomy = taxonomy;
		this.organisation = organisation;
		this.scopes = scopes;
		this.clock = clock;
	}

	@InitBinder("registration")
	void allowCaseFields(WebDataBinder binder) {
		binder.setAllowedFields("unit", "category", "occurredOn", "registeredOn", "place", "narrative");
	}

	@GetMapping
	@PreAuthorize(DeskReportController.READERS)
	String showCases(@RequestParam(required = false) String status, @RequestParam(required = false) String category,
			@RequestParam(required = false) String q, Model model) {
		UnitScope scope = scopes.current();
		CaseStatus chosenStatus = parse(CaseStatus.class, status, null);
		String chosenCategory = category == null || category.isBlank() ? null
				: taxonomy.find(category.strip()).map(CaseCategory::code).orElse(null);
		String query = q == null || q.isBlank() ? null : q.strip();
		Map<UUID, Unit> units = new HashMap<>();
		if (query != null) {
			List<CaseSearch.Hit> hits = search.search(query, scope, SEARCH_LIMIT);
			hits.forEach(h -> units.computeIfAbsent(h.unit(), id -> organisation.find(new UnitId(id)).orElse(null)));
			model.addAttribute("hits", hits);
		}
		List<CaseFile> list = cases.list(scope, chosenStatus, chosenCategory, LIST_LIMIT);
		list.forEach(c -> units.computeIfAbsent(c.unit(), id -> organisation.find(new UnitId(id)).orElse(null)));
		model.addAttribute("cases", list);
		model.addAttribute("units", units);
		model.addAttribute("status", chosenStatus);
		model.addAttribute("category", chosenCategory);
		model.addAttribute("q", query);
		model.addAttribute("statuses", CaseStatus.values());
		model.addAttribute("categories", taxonomy.all());
		model.addAttribute("names", names());
		return "cases/desk/cases";
	}

	@GetMapping("/new")
	@PreAuthorize(DeskReportController.HANDLERS)
	String initCaseForm(Model model) {
		DeskCaseForm form = new DeskCaseForm();
		form.setRegisteredOn(LocalDate.now(clock).toString());
		model.addAttribute("registration", form);
		return caseForm(model);
	}

	@PostMapping("/new")
	@PreAuthorize(DeskReportController.HANDLERS)
	String processCaseForm(@ModelAttribute("registration") DeskCaseForm form, BindingResult result,
			@AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect, Model model) {
		try {
			CaseFile c = cases.register(new NewCase(form.getUnit(), form.getCategory(), form.getOccurredOn(),
					form.getRegisteredOn(), form.getPlace(), form.getNarrative()), me.unitId().value(), scopes.current());
			redirect.addFlashAttribute("notice", "cases.desk.done.registered");
			redirect.addAttribute("number", c.caseNumber());
			return "redirect:/desk/cases/{number}";
		}
		catch (InvalidInputException e) {
			e.applyTo(result);
		}
		return caseForm(model);
	}

	private String caseForm(Model model) {
		model.addAttribute("unitChoices", organisation.visible(scopes.current()).stream().filter(Unit::active).toList());
		model.addAttribute("categories", taxonomy.all());
		return "cases/desk/register";
	}

	/** Category names by code, for tables. */
	private Map<String, CaseCategory> names() {
		Map<String, CaseCategory> names = new HashMap<>();
		taxonomy.all().forEach(c -> names.put(c.code(), c));
		return names;
	}

	static <E extends Enum<E>> E parse(Class<E> type, String value, E otherwise) {
		if (value == null || value.isBlank()) {
			return otherwise;
		}
		try {
			return Enum.valueOf(type, value.strip());
		}
		catch (IllegalArgumentException e) {
			return otherwise;
		}
	}
}
