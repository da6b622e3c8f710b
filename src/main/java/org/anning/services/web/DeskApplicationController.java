package org.anning.services.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.anning.accounts.StaffAccount;
import org.anning.accounts.StaffAccounts;
import org.anning.services.Application;
import org.anning.services.ApplicationFile;
import org.anning.services.Applications;
import org.anning.services.Material;
import org.anning.services.MaterialRequirement;
import org.anning.services.Ratings;
import org.anning.services.SupplementNotice;
import org.anning.calendar.WorkingDays;
import org.anning.units.Organisation;
import org.anning.units.UnitId;
import org.anning.units.UnitScope;
import org.anning.units.UnitScopes;
import org.anning.web.ConflictException;
import org.anning.web.InvalidInputException;
import org.anning.web.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One application on the desk, opened for handling it (the read of the applicant is in the audit trail), with
 * the actions its status and the user's roles allow. Every action redirects back to the page; a failed one
 * shows the page again with the error beside the field and what was typed.
 */
@Controller
@RequestMapping("/desk/services/{reference}")
class DeskApplicationController {

	static final String INTAKE = "hasAnyRole('FRONT_DESK','STATION_CHIEF')";

	static final String REVIEW = "hasAnyRole('REVIEWER','STATION_CHIEF')";

	/** Returning for supplement: at intake by the front desk, during review by the reviewer. */
	static final String SUPPLEMENT = "hasAnyRole('FRONT_DESK','REVIEWER','STATION_CHIEF')";

	static final String FINISHING = "hasAnyRole('FRONT_DESK','REVIEWER','STATION_CHIEF')";

	static final String ASSIGN = "hasAnyRole('FRONT_DESK','STATION_CHIEF')";

	private static final String PAGE = "services/desk/application";

	private final Applications applications;

	private final Ratings ratings;

	private final Organisation organisation;

	private final StaffAccounts staff;

	private final UnitScopes scopes;

	private final WorkingDays workingDays;

	private final Clock clock;

	DeskApplicationController(Applications applications, Ratings ratings, Organisation organisation,
			StaffAccounts staff, UnitScopes scopes, WorkingDays workingDays, Clock clock) {
		this.workingDays = workingDays;
		this.applications = applications;
		this.ratings = ratings;
		this.organisation = organisation;
		this.staff = staff;
		this.scopes = scopes;
		this.clock = clock;
	}

	@InitBinder("supplement")
	void allowNoticeFields(WebDataBinder binder) {
		binder.setAllowedFields("items", "remarks");
	}

	@InitBinder({ "refusal", "denial" })
	void allowReasonFields(WebDataBinder binder) {
		binder.setAllowedFields("reason");
	}

	@InitBinder("assignment")
	void allowAssignmentFields(WebDataBinder binder) {
		binder.setAllowedFields("staff");
	}

	@GetMapping
	@PreAuthorize(DeskWorklistController.READERS)
	String showApplication(@PathVariable String reference, Model model) {
		return page(reference, model);
	}

	/** A file the resident sent; reading it is reading the applicant's data, so it is recorded like the page. */
	@GetMapping("/materials/{id}")
	@PreAuthorize(DeskWorklistController.READERS)
	ResponseEntity<byte[]> downloadMaterial(@PathVariable String reference, @PathVariable UUID id) {
		Application a = applications.open(reference, scopes.current()).application();
		Material material = applications.materials(a).stream()
			.filter(m -> m.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("material"));
		byte[] content = applications.materialContent(a, id).orElseThrow(() -> new NotFoundException("material"));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(material.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(material.fileName(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(content);
	}

	@PostMapping("/accept")
	@PreAuthorize(INTAKE)
	String accept(@PathVariable String reference, RedirectAttributes redirect, Model model) {
		return act(reference, "services.desk.done.accept", s -> applications.accept(reference, s), redirect, model);
	}

	@PostMapping("/return")
	@PreAuthorize(SUPPLEMENT)
	String returnForSupplement(@PathVariable String reference, @ModelAttribute("supplement") DeskNoticeForm form,
			BindingResult result, @RequestParam Map<String, String> params, RedirectAttributes redirect, Model model) {
		form.readPerItemFields(params);
		try {
			applications.returnForSupplement(reference, form.toItems(), form.getRemarks(), scopes.current());
			return done(reference, "services.desk.done.return", redirect);
		}
		catch (InvalidInputException e) {
			e.applyTo(result);
		}
		catch (ConflictException e) {
			model.addAttribute("conflict", e);
		}
		return page(reference, model);
	}

	@PostMapping("/refuse")
	@PreAuthorize(INTAKE)
	String refuse(@PathVariable String reference, @ModelAttribute("refusal") DeskReasonForm form,
			BindingResult result, RedirectAttributes redirect, Model model) {
		try {
			applications.refuse(reference, form.getReason(), scopes.current());
			return done(reference, "services.desk.done.refuse", redirect);
		}
		catch (InvalidInputException e) {
			e.applyTo(result);
		}
		catch (ConflictException e) {
			model.addAttribute("conflict", e);
		}
		return page(reference, model);
	}

	@PostMapping("/review")
	@PreAuthorize(REVIEW)
	String startReview(@PathVariable String reference, RedirectAttributes redirect, Model model) {
		return act(reference, "services.desk.done.review", s -> applications.startReview(reference, s), redirect,
				model);
	}

	@PostMapping("/approve")
	@PreAuthorize(REVIEW)
	String approve(@PathVariable String reference, RedirectAttributes redirect, Model model) {
		return act(reference, "services.desk.done.approve", s -> applications.approve(reference, s), redirect, model);
	}

	@PostMapping("/deny")
	@PreAuthorize(REVIEW)
	String deny(@PathVariable String reference, @ModelAttribute("denial") DeskReasonForm form, BindingResult result,
			RedirectAttributes redirect, Model model) {
		try {
			applications.deny(reference, form.getReason(), scopes.current());
			return done(reference, "services.desk.done.deny", redirect);
		}
		catch (InvalidInputException e) {
			e.applyTo(result);
		}
		catch (ConflictException e) {
			model.addAttribute("conflict", e);
		}
		return page(reference, model);
	}

	@PostMapping("/ready")
	@PreAuthorize(FINISHING)
	String readyForCollection(@PathVariable String reference, RedirectAttributes redirect, Model model) {
		return act(reference, "services.desk.done.ready", s -> applications.readyForCollection(reference, s),
				redirect, model);
	}

	@PostMapping("/delivered")
	@PreAuthorize(FINISHING)
	String delivered(@PathVariable String reference, RedirectAttributes redirect, Model model) {
		return act(reference, "services.desk.done.delivered", s -> applications.delivered(reference, s), redirect,
				model);
	}

	@PostMapping("/close")
	@PreAuthorize(FINISHING)
	String close(@PathVariable String reference, RedirectAttributes redirect, Model model) {
		return act(reference, "services.desk.done.close", s -> applications.close(reference, s), redirect, model);
	}

	@PostMapping("/assign")
	@PreAuthorize(ASSIGN)
	String assign(@PathVariable String reference, @ModelAttribute("assignment") DeskAssignForm form,
			BindingResult result, RedirectAttributes redirect, Model model) {
		UnitScope scope = scopes.current();
		Application a = applications.get(reference, scope);
		UUID chosen = activeStaff(a, scope).stream()
			.map(s -> s.id().value())
			.filter(id -> id.toString().equals(form.getStaff()))
			.findFirst()
			.orElse(null);
		if (chosen == null) {
			result.rejectValue("staff", "services.application.assignee.unknown");
			return page(reference, model);
		}
		try {
			applications.assign(reference, chosen, scope);
			return done(reference, "services.desk.done.assign", redirect);
		}
		catch (ConflictException e) {
			model.addAttribute("conflict", e);
		}
		return page(reference, model);
	}

	private String act(String reference, String notice, Function<UnitScope, Application> action,
			RedirectAttributes redirect, Model model) {
		try {
			action.apply(scopes.current());
			return done(reference, notice, redirect);
		}
		catch (ConflictException e) {
			model.addAttribute("conflict", e);
			return page(reference, model);
		}
	}

	private static String done(String reference, String notice, RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice", notice);
		redirect.addAttribute("reference", reference);
		return "redirect:/desk/services/{reference}";
	}

	/** The page; a form that failed is in the model already and keeps what was typed. */
	private String page(String reference, Model model) {
		UnitScope scope = scopes.current();
		ApplicationFile file = applications.open(reference, scope);
		Application a = file.application();
		LocalDate today = LocalDate.now(clock);
		List<MaterialRequirement> requirements = applications.requirements(a);
		List<Material> materials = applications.materials(a);
		Map<String, List<Material>> sent = new LinkedHashMap<>();
		requirements.forEach(r -> sent.put(r.code(),
				materials.stream().filter(m -> r.code().equals(m.requirement())).toList()));
		List<StaffAccount> team = activeStaff(a, scope);
		model.addAttribute("app", a);
		model.addAttribute("applicant", file.applicant());
		model.addAttribute("unit", organisation.find(new UnitId(a.unit())).orElse(null));
		model.addAttribute("today", today);
		model.addAttribute("zone", clock.getZone());
		// Working days, as the deadline counts them: left until it, or past it.
		Integer daysLeft = null;
		if (a.dueOn() != null && a.deadlineRunning() && workingDays.knows(today) && workingDays.knows(a.dueOn())) {
			daysLeft = today.isAfter(a.dueOn()) ? -workingDays.workingDaysBetween(a.dueOn(), today)
					: workingDays.workingDaysBetween(today, a.dueOn());
		}
		model.addAttribute("daysLeft", daysLeft);
		model.addAttribute("requirements", requirements);
		model.addAttribute("sent", sent);
		model.addAttribute("notices", applications.notices(a));
		model.addAttribute("timeline", applications.timeline(a));
		model.addAttribute("ratings", ratings.ratings(a));
		model.addAttribute("rectification", ratings.rectification(a).orElse(null));
		model.addAttribute("team", team);
		model.addAttribute("assignee", a.assignee() == null ? null : team.stream()
			.filter(s -> s.id().value().equals(a.assignee()))
			.map(StaffAccount::displayName)
			.findFirst()
			.orElse(a.assignee().toString()));
		model.addAttribute("problems", SupplementNotice.Problem.values());
		if (!model.containsAttribute("supplement")) {
			model.addAttribute("supplement", new DeskNoticeForm());
		}
		if (!model.containsAttribute("refusal")) {
			model.addAttribute("refusal", new DeskReasonForm());
		}
		if (!model.containsAttribute("denial")) {
			model.addAttribute("denial", new DeskReasonForm());
		}
		if (!model.containsAttribute("assignment")) {
			DeskAssignForm assignment = new DeskAssignForm();
			assignment.setStaff(a.assignee() == null ? null : a.assignee().toString());
			model.addAttribute("assignment", assignment);
		}
		return PAGE;
	}

	private List<StaffAccount> activeStaff(Application a, UnitScope scope) {
		return staff.list(scope, new UnitId(a.unit()), null, null).stream().filter(StaffAccount::active).toList();
	}
}
