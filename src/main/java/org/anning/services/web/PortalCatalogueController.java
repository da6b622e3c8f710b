package org.anning.services.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.anning.services.Catalogue;
import org.anning.services.ServiceCategory;
import org.anning.services.ServiceItem;
import org.anning.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The public catalogue: what one can apply for online, with materials, limits and fees. */
@Controller
class PortalCatalogueController {

	private final Catalogue catalogue;

	PortalCatalogueController(Catalogue catalogue) {
		this.catalogue = catalogue;
	}

	@GetMapping("/services")
	String catalogue(Model model) {
		Map<ServiceCategory, List<ServiceItem>> byCategory = new LinkedHashMap<>();
		for (ServiceCategory category : ServiceCategory.values()) {
			List<ServiceItem> items = catalogue.items(true).stream().filter(i -> i.category() == category).toList();
			if (!items.isEmpty()) {
				byCategory.put(category, items);
			}
		}
		model.addAttribute("categories", byCategory);
		return "services/portal/catalogue";
	}

	@GetMapping("/services/{code}")
	String item(@PathVariable String code, Model model) {
		ServiceItem item = catalogue.find(code).filter(ServiceItem::active).orElseThrow(() -> new NotFoundException("service item"));
		model.addAttribute("item", item);
		return "services/portal/item";
	}
}
