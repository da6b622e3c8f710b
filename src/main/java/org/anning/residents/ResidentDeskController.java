package org.anning.residents;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.anning.audit.DataAccessLog;
import org.anning.audit.Purpose;
import org.anning.units.UnitScopes;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The desk's pages for residents' records: find by exact identity or mobile number (masked results), open one
 * record after stating the purpose, and, for station chiefs, the accesses to a resident's data with their
 * deferral. The opened record is rendered in answer to the POST, never redirected to: the numbers would
 * otherwise have to wait in the session or travel in a URL.
 */
@Controller
@RequestMapping("/desk/residents")
class ResidentDeskController {

	private static final String FIND = "desk/residents/find";

	private static final String PURPOSE = "desk/residents/purpose";

	private static final String RECORD = "desk/residents/record";

	private static final String ACCESSES = "desk/residents/accesses";

	private final ResidentRecords records;

	private final DataAccessLog accessLog;

	private final AccessLines lines;

	private final UnitScopes scopes;

	ResidentDeskController(ResidentRecords records, DataAccessLog accessLog, AccessLines lines, UnitScopes scopes) {
		this.records = records;
		this.accessLog = accessLog;
		this.lines = lines;
		this.scopes = scopes;
	}

	@InitBinder("purposeForm")
	void allowPurposeFields(WebDataBinder binder) {
		binder.setAllowedFields("purpose", "ref");
	}

	@InitBinder("deferral")
	void allowDeferralFields(WebDataBinder binder) {
		binder.setAllowedFields("reason", "until");
	}

	// A POST, not a GET form: the number typed never travels in a URL (nor into access logs or browser history).
	// The results show masked numbers and link by id; a list is not a read of each resident's data.
	@PostMapping
	@PreAuthorize(ResidentRecords.OPEN)
	String find(@RequestParam(required = false) String idNumber, @RequestParam(required = false) String mobile,
			Model model) {
		model.addAttribute("searched", true);
		model.addAttribute("found", records.find(idNumber, mobile));
		return FIND;
	}

	@GetMapping
	@PreAuthorize(ResidentRecords.OPEN)
	String initFindForm(Model model) {
		model.addAttribute("searched", false);
		model.addAttribute("found", List.of());
		return FIND;
	}

	@GetMapping("/{id}")
	@PreAuthorize(ResidentRecords.OPEN)
	String initPurposeForm(@PathVariable UUID id, Model model) {
		ResidentId resident = existing(id);
		model.addAttribute("purposeForm", new PurposeForm());
		return purposePage(resident, model);
	}

	@PostMapping("/{id}")
	@PreAuthorize(ResidentRecords.OPEN)
	String processPurposeForm(@PathVariable UUID id, @ModelAttribute("purposeForm") PurposeForm form,
			BindingResult result, Model model) {
		ResidentId resident = new ResidentId(id);
		try {
			model.addAttribute("record", records.open(resident, form.getPurpose(), form.getRef()));
			return RECORD;
		}
		catch (InvalidInputException e) {
			e.applyTo(result);
		}
		existing(id);
		return purposePage(resident, model);
	}

	@GetMapping("/{id}/accesses")
	@PreAuthorize("hasRole('STATION_CHIEF')")
	String accesses(@PathVariable UUID id, Locale locale, Model model) {
		ResidentId resident = existing(id);
		model.addAttribute("deferral", new DeferralForm());
		return accessesPage(resident, null, locale, model);
	}

	@PostMapping("/{id}/accesses/{seq}/deferral")
	@PreAuthorize("hasRole('STATION_CHIEF')")
	String defer(@PathVariable UUID id, @PathVariable long seq, @ModelAttribute("deferral") DeferralForm form,
			BindingResult result, Locale locale, Model model, RedirectAttributes redirect) {
		ResidentId resident = existing(id);
		if (accessLog.allOf(resident.value()).stream().noneMatch(a -> a.access().seq() == seq)) {
			throw new NotFoundException("data access");
		}
		if (!result.hasErrors()) {
			try {
				Set<UUID> units = Set.of(scopes.current().ids());
				accessLog.defer(seq, form.getReason(), form.getUntil(), units);
				redirect.addFlashAttribute("notice", "residents.accesses.deferred");
				return "redirect:/desk/residents/" + id + "/accesses";
			}
			catch (InvalidInputException e) {
				e.applyTo(result);
			}
		}
		return accessesPage(resident, seq, locale, model);
	}

	private ResidentId existing(UUID id) {
		ResidentId resident = new ResidentId(id);
		if (!records.exists(resident)) {
			throw new NotFoundException("resident");
		}
		return resident;
	}

	private String purposePage(ResidentId resident, Model model) {
		model.addAttribute("residentId", resident.value());
		model.addAttribute("purposes", Purpose.values());
		model.addAttribute("refMaxLength", ResidentRecords.REF_MAX_LENGTH);
		return PURPOSE;
	}

	private String accessesPage(ResidentId resident, Long failedSeq, Locale locale, Model model) {
		model.addAttribute("residentId", resident.value());
		model.addAttribute("failedSeq", failedSeq);
		model.addAttribute("accesses", accessLog.allOf(resident.value())
			.stream()
			.map(a -> lines.of(a.access(), a.deferredUntil(), locale))
			.toList());
		return ACCESSES;
	}
}
