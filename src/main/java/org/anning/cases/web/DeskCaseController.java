package org.anning.cases.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpServletResponse;
import org.anning.accounts.AccountId;
import org.anning.accounts.Role;
import org.anning.accounts.StaffAccount;
import org.anning.accounts.StaffAccounts;
import org.anning.cases.CaseEvent;
import org.anning.cases.CaseFile;
import org.anning.cases.Cases;
import org.anning.cases.EventType;
import org.anning.cases.Reports;
import org.anning.cases.Taxonomy;
import org.anning.cases.Victim;
import org.anning.units.Organisation;
import org.anning.units.UnitId;
import org.anning.units.UnitScope;
import org.anning.units.UnitScopes;
import org.anning.web.ConflictException;
import org.anning.web.InvalidInputException;
import org.anning.web.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One case on the desk: its facts, linked reports, victims, the ledger of money and people (numbers only, never
 * who), the status actions its status allows, the responsible officer, series links and the history. Every
 * action redirects back to the page; a failed one shows the page again with the error beside the field and what
 * was typed, or a conflict (409) at the top.
 */
@Controller
@RequestMapping("/desk/cases/{number}")
class DeskCaseController {

	private static final String PAGE = "cases/desk/case";

	private static final Set<Role> OFFICERS = EnumSet.of(Role.CASE_OFFICER, Role.STATION_CHIEF);

	private final Cases cases;

	private final Reports reports;

	private final Taxonomy taxonomy;

	private final Organisation organisation;

	private final StaffAccounts staff;

	private final UnitScopes scopes;

	private final Clock clock;

	DeskCaseController(Cases cases, Reports reports, Taxonomy taxonomy, Organisation organisation,
			StaffAccounts staff, UnitScopes scopes, Clock clock) {
		this.cases = cases;
		this.reports = reports;
		this.taxonomy = taxonomy;
		this.organisation = organisation;
		this.staff = staff;
		this.scopes = scopes;
		this.clock = clock;
	}

	@InitBinder("victim")
	void allowVictimFields(WebDataBinder binder) {
		binder.setAllowedFields("label", "loss");
	}

	@InitBinder("event")
	void allowEventFields(WebDataBinder binder) {
		binder.setAllowedFields("type", "on", "amount", "people", "victim", "note");
	}

	@InitBinder("clearance")
	void allowClearFields(WebDataBinder binder) {
		binder.setAllowedFields("clearedOn", "clearedHow");
	}

	@InitBinder("suspension")
	void allowSuspendFields(WebDataBinder binder) {
		binder.setAllowedFields("suspendedOn", "reason");
	}

	@InitBinder("closure")
	void allowCloseFields(WebDataBinder binder) {
		binder.setAllowedFields("closedOn", "reason");
	}

	@InitBinder("assignment")
	void allowOfficerFields(WebDataBinder binder) {
		binder.setAllowedFields("officer");
	}

	@InitBinder("linking")
	void allowLinkFields(WebDataBinder binder) {
		binder.setAllowedFields("otherCase");
	}

	@GetMapping
	@PreAuthorize(DeskReportController.READERS)
	String showCase(@PathVariable String number, Model model) {
		return page(number, model);
	}

	@PostMapping("/investigation")
	@PreAuthorize(DeskReportController.HANDLERS)
	String startInvestigation(@PathVariable String number, RedirectAttributes redirect, Model model,
			HttpServletResponse response) {
		return act(number, "cases.desk.done.investigation", s -> cases.startInvestigation(number, s), null, redirect,
				model, response);
	}

	@PostMapping("/clear")
	@PreAuthorize(DeskReportController.HANDLERS)
	String clear(@PathVariable String number, @ModelAttribute("clearance") DeskClearForm form, BindingResult result,
			RedirectAttributes redirect, Model model, HttpServletResponse response) {
		return act(number, "cases.desk.done.cleared",
				s -> cases.clear(number, form.getClearedOn(), form.getClearedHow(), s), result, redirect, model, response);
	}

	@PostMapping("/suspend")
	@PreAuthorize(DeskReportController.HANDLERS)
	String suspend(@PathVariable String number, @ModelAttribute("suspension") DeskSuspendForm form,
			BindingResult result, RedirectAttributes redirect, Model model, HttpServletResponse response) {
		return act(number, "cases.desk.done.suspended",
				s -> cases.suspend(number, form.getSuspendedOn(), form.getReason(), s), result, redirect, model, response);
	}

	@PostMapping("/close")
	@PreAuthorize(DeskReportController.HANDLERS)
	String close(@PathVariable String number, @ModelAttribute("closure") DeskCloseForm form, BindingResult result,
			RedirectAttributes redirect, Model model, HttpServletResponse response) {
		return act(number, "cases.desk.done.closed", s -> cases.close(number, form.getClosedOn(), form.getReason(), s),
				result, redirect, model, response);
	}

	@PostMapping("/victims")
	@PreAuthorize(DeskReportController.HANDLERS)
	String addVictim(@PathVariable String number, @ModelAttribute("victim") DeskVictimForm form, BindingResult result,
			RedirectAttributes redirect, Model model, HttpServletResponse response) {
		return act(number, "cases.desk.done.victim", s -> cases.addVictim(number, form.getLabel(), form.getLoss(), s),
				result, redirect, model, response);
	}

	@PostMapping("/events")
	@PreAuthorize(DeskReportController.HANDLERS)
	String recordEvent(@PathVariable String number, @ModelAttribute("event") DeskEventForm form, BindingResult result,
			RedirectAttributes redirect, Model model, HttpServletResponse response) {
		return act(number, "cases.desk.done.event", s -> cases.record(number, form.getType(), form.getOn(),
				form.getAmount(), form.getPeople(), form.getVictim(), form.getNote(), s), result, redirect, model, response);
	}

	@PostMapping("/officer")
	@PreAuthorize(DeskReportController.HANDLERS)
	String assign(@PathVariable String number, @ModelAttribute("assignment") DeskOfficerForm form,
			BindingResult result, RedirectAttributes redirect, Model model, HttpServletResponse response) {
		UnitScope scope = scopes.current();
		CaseFile c = cases.get(number, scope);
		UUID chosen = team(c, scope).stream()
			.map(s -> s.id().value())
			.filter(id -> id.toString().equals(form.getOfficer()))
			.findFirst()
			.orElse(null);
		if (chosen == null) {
			result.rejectValue("officer", "cases.desk.case.officer.unknown");
			return page(number, model);
		}
		return act(number, "cases.desk.done.assigned", s -> cases.assign(number, chosen, s), result, redirect, model,
				response);
	}

	@PostMapping("/link")
	@PreAuthorize(DeskReportController.HANDLERS)
	String link(@PathVariable String number, @ModelAttribute("linking") DeskLinkForm form, BindingResult result,
			RedirectAttributes redirect, Model model, HttpServletResponse response) {
		return act(number, "cases.desk.done.linked", s -> cases.link(number, form.getOtherCase(), s), result, redirect,
				model, response);
	}

	private String act(String number, String notice, Consumer<UnitScope> action, BindingResult result,
			RedirectAttributes redirect, Model model, HttpServletResponse response) {
		try {
			action.accept(scopes.current());
			redirect.addFlashAttribute("notice", notice);
			redirect.addAttribute("number", number.strip());
			return "redirect:/desk/cases/{number}";
		}
		catch (InvalidInputException e) {
			if (result == null) {
				throw e;
			}
			e.applyTo(result);
		}
		catch (ConflictException e) {
			model.addAttribute("conflict", e);
			response.setStatus(HttpServletResponse.SC_CONFLICT);
		}
		return page(number, model);
	}

	/** The page; a form that failed is in the model already and keeps what was typed. */
	private String page(String number, Model model) {
		UnitScope scope = scopes.current();
		CaseFile c = cases.get(number, scope);
		LocalDate today = LocalDate.now(clock);
		List<Victim> victims = cases.victims(c);
		List<CaseEvent> events = cases.events(c);
		Map<UUID, String> victimLabels = new HashMap<>();
		victims.forEach(v -> victimLabels.put(v.id(), v.label()));
		Map<EventType, BigDecimal> sums = new HashMap<>();
		for (EventType type : EventType.values()) {
			sums.put(type, BigDecimal.ZERO.setScale(2));
		}
		int apprehended = 0;
		for (CaseEvent e : events) {
			if (e.type().money() && e.amount() != null) {
				sums.merge(e.type(), e.amount(), BigDecimal::add);
			}
			else if (e.people() != null) {
				apprehended += e.people();
			}
		}
		List<StaffAccount> team = team(c, scope);
		model.addAttribute("c", c);
		model.addAttribute("unit", organisation.find(new UnitId(c.unit())).orElse(null));
		model.addAttribute("category", taxonomy.find(c.category()).orElse(null));
		model.addAttribute("series", cases.series(c).stream().filter(o -> !o.id().equals(c.id())).toList());
		model.addAttribute("reports", reports.ofCase(c));
		model.addAttribute("victims", victims);
		model.addAttribute("victimLabels", victimLabels);
		model.addAttribute("events", events);
		model.addAttribute("stopPaid", sums.get(EventType.STOP_PAYMENT));
		model.addAttribute("frozen", sums.get(EventType.FREEZE));
		model.addAttribute("returned", sums.get(EventType.RETURN));
		model.addAttribute("apprehended", apprehended);
		model.addAttribute("eventTypes", EventType.values());
		model.addAttribute("history", cases.history(c));
		model.addAttribute("team", team);
		model.addAttribute("officer", officerName(c, team, scope));
		model.addAttribute("zone", clock.getZone());
		addIfMissing(model, "victim", new DeskVictimForm());
		DeskEventForm event = new DeskEventForm();
		event.setOn(today.toString());
		addIfMissing(model, "event", event);
		DeskClearForm clearance = new DeskClearForm();
		clearance.setClearedOn(today.toString());
		addIfMissing(model, "clearance", clearance);
		DeskSuspendForm suspension = new DeskSuspendForm();
		suspension.setSuspendedOn(today.toString());
		addIfMissing(model, "suspension", suspension);
		DeskCloseForm closure = new DeskCloseForm();
		closure.setClosedOn(today.toString());
		addIfMissing(model, "closure", closure);
		DeskOfficerForm assignment = new DeskOfficerForm();
		assignment.setOfficer(c.officer() == null ? null : c.officer().toString());
		addIfMissing(model, "assignment", assignment);
		addIfMissing(model, "linking", new DeskLinkForm());
		return PAGE;
	}

	private static void addIfMissing(Model model, String name, Object form) {
		if (!model.containsAttribute(name)) {
			model.addAttribute(name, form);
		}
	}

	/** Active staff of the case's unit who may handle a case. */
	private List<StaffAccount> team(CaseFile c, UnitScope scope) {
		return staff.list(scope, new UnitId(c.unit()), null, null).stream()
			.filter(StaffAccount::active)
			.filter(s -> s.roles().stream().anyMatch(OFFICERS::contains))
			.toList();
	}

	private String officerName(CaseFile c, List<StaffAccount> team, UnitScope scope) {
		if (c.officer() == null) {
			return null;
		}
		return team.stream()
			.filter(s -> s.id().value().equals(c.officer()))
			.map(StaffAccount::displayName)
			.findFirst()
			.orElseGet(() -> {
				try {
					return staff.get(new AccountId(c.officer()), scope).displayName();
				}
				catch (NotFoundException e) {
					return null;
				}
			});
	}
}
