package org.anning.services.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.anning.services.Applications;
import org.anning.services.Catalogue;
import org.anning.services.MaterialFormat;
import org.anning.services.MaterialRequirement;
import org.anning.services.ServiceCategory;
import org.anning.services.ServiceItem;
import org.anning.services.web.ApiViews.CatalogueItem;
import org.anning.services.web.ApiViews.UnitLine;
import org.anning.units.UnitLevel;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The service catalogue over JSON. Reading is public (the API chain lets anyone GET it); administrators add and
 * change items. There is no delete: an item in use must keep its history, so it is withdrawn with
 * {@code active: false} instead.
 */
@RestController
@RequestMapping("/api/v1/catalogue")
@Tag(name = "Service catalogue", description = "Police administrative services residents may apply for")
class CatalogueApi {

	private final Catalogue catalogue;

	private final Applications applications;

	private final ApiViews views;

	CatalogueApi(Catalogue catalogue, Applications applications, ApiViews views) {
		this.catalogue = catalogue;
		this.applications = applications;
		this.views = views;
	}

	/** An item as administrators send it; {@code code} counts on POST only, {@code version} on PUT only. */
	record ItemBody(String code, ServiceCategory category, String nameZh, String nameEn, String descriptionZh,
			String descriptionEn, Integer statutoryDays, Integer committedDays, BigDecimal fee,
			UnitLevel handlingLevel, Boolean online, Boolean active, Integer version, List<MaterialBody> materials) {

		ServiceItem toItem() {
			List<MaterialRequirement> requirements = materials == null ? List.of()
					: materials.stream()
						.map(m -> new MaterialRequirement(m.code(), m.nameZh(), m.nameEn(), Boolean.TRUE.equals(m.mandatory()),
								m.formats() == null ? Set.of() : m.formats()))
						.toList();
			return new ServiceItem(null, code, category, nameZh, nameEn, descriptionZh, descriptionEn,
					statutoryDays == null ? 0 : statutoryDays, committedDays == null ? 0 : committedDays, fee,
					handlingLevel, online == null || online, active == null || active, 0, requirements);
		}
	}

	record MaterialBody(String code, String nameZh, String nameEn, Boolean mandatory, Set<MaterialFormat> formats) {
	}

	@GetMapping
	@Operation(summary = "The items residents may apply for online", description = "Active online items only.")
	List<CatalogueItem> items() {
		return catalogue.items(true).stream().filter(ServiceItem::online).map(views::item).toList();
	}

	@GetMapping("/{code}")
	@Operation(summary = "One item by its code, withdrawn ones included (active false)")
	@ApiResponse(responseCode = "404", description = "No such item")
	CatalogueItem item(@PathVariable String code) {
		return views.item(catalogue.get(code));
	}

	@GetMapping("/{code}/units")
	@Operation(summary = "The units where the item may be applied for")
	@ApiResponse(responseCode = "404", description = "No such item")
	List<UnitLine> units(@PathVariable String code) {
		return applications.unitsFor(catalogue.get(code)).stream().map(ApiViews::unit).toList();
	}

	@PostMapping
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	@Operation(summary = "Add an item (administrators)")
	@ApiResponse(responseCode = "201", description = "Added; Location names the item")
	@ApiResponse(responseCode = "409", description = "The code is taken")
	@ApiResponse(responseCode = "422", description = "Invalid fields, listed in errors [{field, message}]")
	ResponseEntity<CatalogueItem> add(@RequestBody ItemBody body) {
		ServiceItem item = catalogue.add(body.toItem());
		URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
			.path("/{code}")
			.buildAndExpand(item.code())
			.toUri();
		return ResponseEntity.created(location).body(views.item(catalogue.get(item.code())));
	}

	@PutMapping("/{code}")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	@Operation(summary = "Change or withdraw an item (administrators)",
			description = "Send the whole item with the version it was read at; active false withdraws it from new "
					+ "applications. Applications made already keep what they were made with.")
	@ApiResponse(responseCode = "409", description = "Someone changed the item since it was read at that version")
	@ApiResponse(responseCode = "422", description = "Invalid fields, listed in errors [{field, message}]")
	CatalogueItem change(@PathVariable String code, @RequestBody ItemBody body) {
		if (body.version() == null) {
			throw new org.anning.web.InvalidInputException("version", "services.item.version.required");
		}
		return views.item(catalogue.change(code, body.toItem(), body.version()));
	}
}
