package org.anning.services.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.anning.residents.ResidentPrincipal;
import org.anning.services.Application;
import org.anning.services.Applications;
import org.anning.services.Catalogue;
import org.anning.services.Material;
import org.anning.services.MaterialRequirement;
import org.anning.services.Ratings;
import org.anning.services.ServiceItem;
import org.anning.services.SupplementNotice;
import org.anning.services.Upload;
import org.anning.units.Organisation;
import org.anning.units.UnitId;
import org.anning.web.ConflictException;
import org.anning.web.InvalidInputException;
import org.anning.web.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A resident's applications: start one, send the materials, submit, answer a notice of what to supplement (every
 * item on one page), follow the timeline, withdraw, and rate after closing. A file that is refused leaves
 * everything else the resident sent in place.
 */
@Controller
class PortalApplicationController {

	static final String VIEW = "services/portal/application";

	private final Applications applications;

	private final Ratings ratings;

	private final Catalogue catalogue;

	private final Organisation organisation;

	private final MessageSource messages;

	private final Clock clock;

	PortalApplicationController(Applications applications, Ratings ratings, Catalogue catalogue,
			Organisation organisation, MessageSource messages, Clock clock) {
		this.applications = applications;
		this.ratings = ratings;
		this.catalogue = catalogue;
		this.organisation = organisation;
		this.messages = messages;
		this.clock = clock;
	}

	@InitBinder("draft")
	void allowApplicationFields(WebDataBinder binder) {
		binder.setAllowedFields("item", "unit", "delivery", "note", "key");
	}

	@InitBinder("rating")
	void allowRatingFields(WebDataBinder binder) {
		binder.setAllowedFields("level", "comment");
	}

	@GetMapping("/me/applications")
	String list(@AuthenticationPrincipal ResidentPrincipal resident, Model model) {
		model.addAttribute("applications", applications.mine(resident.id().value()));
		model.addAttribute("today", LocalDate.now(clock));
		return "services/portal/applications";
	}

	@GetMapping("/me/applications/new")
	String initApplicationForm(@RequestParam(required = false) String item, Model model) {
		ServiceItem chosen = catalogue.find(item).filter(ServiceItem::active).filter(ServiceItem::online)
			.orElseThrow(() -> new NotFoundException("service item"));
		var form = new PortalApplicationForm();
		form.setItem(chosen.code());
		form.setKey(UUID.randomUUID().toString());
		return newForm(chosen, form, model);
	}

	@PostMapping("/me/applications/new")
	String processApplicationForm(@AuthenticationPrincipal ResidentPrincipal resident,
			@ModelAttribute("draft") PortalApplicationForm form, BindingResult result, Model model) {
		try {
			Application a = applications.start(resident.id().value(), form.toNewApplication(), form.getKey());
			return "redirect:/me/applications/" + a.reference();
		}
		catch (InvalidInputException e) {
			e.applyTo(result);
		}
		ServiceItem chosen = catalogue.find(form.getItem()).orElseThrow(() -> new NotFoundException("service item"));
		return newForm(chosen, form, model);
	}

	private String newForm(ServiceItem item, PortalApplicationForm form, Model model) {
		model.addAttribute("item", item);
		model.addAttribute("units", applications.unitsFor(item));
		model.addAttribute("draft", form);
		return "services/portal/new";
	}

	@GetMapping("/me/applications/{reference}")
	String show(@AuthenticationPrincipal ResidentPrincipal resident, @PathVariable String reference, Model model) {
		Application a = applications.mine(resident.id().value(), reference);
		return page(a, Map.of(), model);
	}

	/**
	 * Stores every file that passes the checks, reports every one that does not, and submits when asked and
	 * nothing is missing. A refused file does not undo the others.
	 */
	@PostMapping("/me/applications/{reference}/materials")
	String processMaterials(@AuthenticationPrincipal ResidentPrincipal resident, @PathVariable String reference,
			@RequestParam(defaultValue = "save") String action, MultipartHttpServletRequest request, Model model,
			RedirectAttributes redirect) throws IOException {
		UUID me = resident.id().value();
		Application a = applications.mine(me, reference);
		Map<String, String> errors = new LinkedHashMap<>();
		for (MaterialRequirement requirement : applications.requirements(a)) {
			for (MultipartFile file : request.getFiles("file_" + requirement.code())) {
				if (file == null || file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
					continue;
				}
				if (file.getSize() > Material.MAX_BYTES) { // refused before it is read into memory
					errors.put(requirement.code(), messages.getMessage("services.material.tooLarge",
							new Object[] { Material.MAX_BYTES / 1024 / 1024 }, LocaleContextHolder.getLocale()));
					continue;
				}
				try {
					applications.addMaterial(me, a.reference(),
							new Upload(requirement.code(), file.getOriginalFilename(), file.getBytes()));
				}
				catch (InvalidInputException e) {
					errors.put(requirement.code(), message(e.problems().get(0)));
				}
			}
		}
		if (errors.isEmpty() && "submit".equals(action)) {
			try {
				applications.submit(me, a.reference());
				redirect.addFlashAttribute("notice", "services.portal.submitted");
				return "redirect:/me/applications/" + a.reference();
			}
			catch (InvalidInputException e) {
				e.problems().forEach(p -> errors.put(p.field().replace("materials.", ""), message(p)));
			}
		}
		if (errors.isEmpty()) {
			redirect.addFlashAttribute("notice", "services.portal.saved");
			return "redirect:/me/applications/" + a.reference();
		}
		return page(applications.mine(me, a.reference()), errors, model);
	}

	@PostMapping("/me/applications/{reference}/materials/{id}/delete")
	String removeMaterial(@AuthenticationPrincipal ResidentPrincipal resident, @PathVariable String reference,
			@PathVariable UUID id, RedirectAttributes redirect) {
		Application a = applications.mine(resident.id().value(), reference);
		applications.removeMaterial(resident.id().value(), a.reference(), id);
		redirect.addFlashAttribute("notice", "services.portal.removed");
		return "redirect:/me/applications/" + a.reference();
	}

	@PostMapping("/me/applications/{reference}/withdraw")
	String withdraw(@AuthenticationPrincipal ResidentPrincipal resident, @PathVariable String reference,
			RedirectAttributes redirect) {
		Application a = applications.withdraw(resident.id().value(), reference);
		redirect.addFlashAttribute("notice", "services.portal.withdrawn");
		return "redirect:/me/applications/" + a.reference();
	}

	@PostMapping("/me/applications/{reference}/rating")
	String rate(@AuthenticationPrincipal ResidentPrincipal resident, @PathVariable String reference,
			@ModelAttribute("rating") PortalRatingForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		UUID me = resident.id().value();
		Application a = applications.mine(me, reference);
		try {
			ratings.rate(me, a.reference(), form.getLevel(), form.getComment());
			redirect.addFlashAttribute("notice", "services.portal.rated");
			return "redirect:/me/applications/" + a.reference();
		}
		catch (InvalidInputException e) {
			e.applyTo(result);
		}
		catch (ConflictException e) {
			result.reject(e.code(), e.code());
		}
		return page(a, Map.of(), model);
	}

	private String page(Application a, Map<String, String> fileErrors, Model model) {
		List<Material> materials = applications.materials(a);
		SupplementNotice notice = a.status() == org.anning.services.ApplicationStatus.RETURNED
				? applications.latestNotice(a) : null;
		Map<String, SupplementNotice.Item> noticed = new LinkedHashMap<>();
		if (notice != null) {
			notice.items().forEach(i -> noticed.put(i.requirement(), i));
		}
		List<RequirementRow> rows = applications.requirements(a)
			.stream()
			.map(r -> new RequirementRow(r, materials.stream().filter(m -> m.requirement().equals(r.code())).toList(),
					noticed.get(r.code()), fileErrors.get(r.code())))
			.toList();
		model.addAttribute("app", a);
		model.addAttribute("unit", organisation.find(new UnitId(a.unit())).orElse(null));
		model.addAttribute("rows", rows);
		model.addAttribute("supplementNotice", notice);
		model.addAttribute("fileErrors", fileErrors);
		model.addAttribute("timeline", applications.timeline(a).stream().filter(s -> s.step().shownToResident()).toList());
		model.addAttribute("ratings", ratings.ratings(a));
		model.addAttribute("rectification", ratings.rectification(a).orElse(null));
		model.addAttribute("nextRating", ratings.nextRound(a));
		if (!model.containsAttribute("rating")) {
			model.addAttribute("rating", new PortalRatingForm());
		}
		model.addAttribute("editable", a.status() == org.anning.services.ApplicationStatus.DRAFT
				|| a.status() == org.anning.services.ApplicationStatus.RETURNED);
		model.addAttribute("today", LocalDate.now(clock));
		return VIEW;
	}

	private String message(InvalidInputException.FieldProblem problem) {
		Locale locale = LocaleContextHolder.getLocale();
		return messages.getMessage(problem.code(), problem.args(), problem.code(), locale);
	}

	/** A requirement with the files sent for it, what the notice says about it, and any error. */
	record RequirementRow(MaterialRequirement requirement, List<Material> files, SupplementNotice.Item noticed,
			String error) {

		public String name(Locale locale) {
			return requirement.name(locale);
		}

		public boolean hasFile() {
			return !files.isEmpty();
		}
	}
}
