package org.anning.services.web;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.anning.services.Catalogue;
import org.anning.services.MaterialFormat;
import org.anning.services.ServiceCategory;
import org.anning.services.ServiceItem;
import org.anning.units.UnitLevel;
import org.anning.web.ConflictException;
import org.anning.web.InvalidInputException;
import org.anning.web.InvalidInputException.FieldProblem;
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
 * The service catalogue for administrators: every item, active or withdrawn, and the forms to add and change
 * one. The catalogue checks the input; its field names for materials count only the rows that were filled in,
 * so they are mapped back onto the form's rows.
 */
@Controller
@RequestMapping("/desk/catalogue")
@PreAuthorize(DeskCatalogueController.ADMINISTRATOR)
class DeskCatalogueController {

	static final String ADMINISTRATOR = "hasRole('ADMINISTRATOR')";

	private static final Pattern MATERIAL_FIELD = Pattern.compile("materials\\[(\\d+)](.*)");

	private final Catalogue catalogue;

	DeskCatalogueController(Catalogue catalogue) {
		this.catalogue = catalogue;
	}

	@InitBinder("item")
	void allowItemFields(WebDataBinder binder) {
		binder.setAllowedFields("code", "category", "nameZh", "nameEn", "descriptionZh", "descriptionEn",
				"statutoryDays", "committedDays", "fee", "handlingLevel", "online", "active", "version",
				"materials[*].code", "materials[*].nameZh", "materials[*].nameEn", "materials[*].mandatory",
				"materials[*].formats");
	}

	@GetMapping
	String showCatalogue(Model model) {
		model.addAttribute("items", catalogue.items(false));
		return "services/desk/catalogue";
	}

	@GetMapping("/new")
	String initCreationForm(Model model) {
		model.addAttribute("item", DeskItemForm.empty());
		return form(null, model);
	}

	@PostMapping("/new")
	String processCreationForm(@ModelAttribute("item") DeskItemForm form, BindingResult result,
			RedirectAttributes redirect, Model model) {
		try {
			ServiceItem item = catalogue.add(form.toItem(form.getCode()));
			return saved(item, "services.desk.catalogue.created", redirect);
		}
		catch (InvalidInputException e) {
			apply(e, form.filledRows(), result);
		}
		catch (ConflictException e) {
			result.rejectValue("code", e.code(), e.args(), e.code());
		}
		return form(null, model);
	}

	@GetMapping("/{code}")
	String initUpdateForm(@PathVariable String code, Model model) {
		model.addAttribute("item", DeskItemForm.of(catalogue.get(code)));
		return form(code, model);
	}

	@PostMapping("/{code}")
	String processUpdateForm(@PathVariable String code, @ModelAttribute("item") DeskItemForm form,
			BindingResult result, RedirectAttributes redirect, Model model) {
		catalogue.get(code);
		form.setCode(code);
		try {
			ServiceItem item = catalogue.change(code, form.toItem(code), form.getVersion());
			return saved(item, "services.desk.catalogue.saved", redirect);
		}
		catch (InvalidInputException e) {
			apply(e, form.filledRows(), result);
		}
		catch (ConflictException e) {
			model.addAttribute("conflict", e);
		}
		return form(code, model);
	}

	/** The catalogue's problems on the form's fields: its n-th material is the n-th row that was filled in. */
	static void apply(InvalidInputException e, List<Integer> filledRows, BindingResult result) {
		for (FieldProblem p : e.problems()) {
			String field = p.field();
			Matcher m = MATERIAL_FIELD.matcher(field);
			if (m.matches()) {
				int index = Integer.parseInt(m.group(1));
				field = "materials[" + (index < filledRows.size() ? filledRows.get(index) : index) + "]" + m.group(2);
			}
			result.rejectValue(field, p.code(), p.args(), p.code());
		}
	}

	private static String saved(ServiceItem item, String notice, RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice", notice);
		redirect.addAttribute("code", item.code());
		return "redirect:/desk/catalogue/{code}";
	}

	private String form(String code, Model model) {
		model.addAttribute("code", code);
		model.addAttribute("categories", ServiceCategory.values());
		model.addAttribute("levels", UnitLevel.values());
		model.addAttribute("formats", MaterialFormat.values());
		return "services/desk/item";
	}
}
