package org.anning.units.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.anning.units.NewUnit;
import org.anning.units.Organisation;
import org.anning.units.Unit;
import org.anning.units.UnitNames;
import org.anning.units.UnitScopes;
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
 * The unit tree over JSON. Every staff token reads the units in its scope; only administrators change them. A
 * unit outside the caller's scope answers 404, as if it did not exist.
 */
@RestController
@RequestMapping("/api/v1/units")
@Tag(name = "Units", description = "The organisation's unit tree: bureau, sub-bureau, station, post")
class UnitApi {

	private static final String ADMINISTRATOR = "hasRole('ADMINISTRATOR')";

	private final Organisation organisation;

	private final UnitScopes scopes;

	UnitApi(Organisation organisation, UnitScopes scopes) {
		this.organisation = organisation;
		this.scopes = scopes;
	}

	@GetMapping
	@Operation(summary = "List the units in the caller's scope",
			description = "Ordered by code; a unit's parent is named by its code and is null at the top.")
	List<UnitView> list() {
		return organisation.visible(scopes.current()).stream().map(UnitView::of).toList();
	}

	@GetMapping("/{code}")
	@Operation(summary = "Get one unit")
	@ApiResponse(responseCode = "200", description = "The unit")
	@ApiResponse(responseCode = "404", description = "No such unit in the caller's scope")
	UnitView get(@Parameter(example = "AN-DC-01") @PathVariable String code) {
		return UnitView.of(organisation.get(code, scopes.current()));
	}

	@PostMapping
	@PreAuthorize(ADMINISTRATOR)
	@Operation(summary = "Create a unit (administrators)",
			description = "The parent must be an active unit in the caller's scope; only a bureau stands at the top.")
	@ApiResponse(responseCode = "201", description = "Created; Location names the new unit")
	@ApiResponse(responseCode = "409", description = "The code is already taken")
	@ApiResponse(responseCode = "422", description = "Invalid input, with one entry per field in errors")
	ResponseEntity<UnitView> create(@Valid @RequestBody NewUnit draft) {
		Unit unit = organisation.create(draft, scopes.current());
		URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
			.path("/{code}")
			.buildAndExpand(unit.code())
			.toUri();
		return ResponseEntity.created(location).body(UnitView.of(unit));
	}

	@PutMapping("/{code}/names")
	@PreAuthorize(ADMINISTRATOR)
	@Operation(summary = "Rename a unit (administrators)")
	@ApiResponse(responseCode = "200", description = "The renamed unit")
	@ApiResponse(responseCode = "422", description = "Invalid input, with one entry per field in errors")
	UnitView rename(@PathVariable String code, @Valid @RequestBody UnitNames names) {
		return UnitView.of(organisation.rename(code, names, scopes.current()));
	}

	@PutMapping("/{code}/parent")
	@PreAuthorize(ADMINISTRATOR)
	@Operation(summary = "Move a unit under another parent (administrators)",
			description = "Never under the unit itself or its own descendants, nor under a unit of a lower level.")
	@ApiResponse(responseCode = "200", description = "The moved unit")
	@ApiResponse(responseCode = "422", description = "The parent is unknown, inactive, or not allowed")
	UnitView move(@PathVariable String code, @RequestBody NewParent parent) {
		return UnitView.of(organisation.move(code, parent.parentCode(), scopes.current()));
	}

	@PostMapping("/{code}/deactivate")
	@PreAuthorize(ADMINISTRATOR)
	@Operation(summary = "Deactivate a unit (administrators)")
	@ApiResponse(responseCode = "200", description = "The deactivated unit")
	@ApiResponse(responseCode = "409", description = "Active units still stand below it")
	UnitView deactivate(@PathVariable String code) {
		return UnitView.of(organisation.deactivate(code, scopes.current()));
	}

	@PostMapping("/{code}/reactivate")
	@PreAuthorize(ADMINISTRATOR)
	@Operation(summary = "Reactivate a unit (administrators)")
	@ApiResponse(responseCode = "200", description = "The reactivated unit")
	@ApiResponse(responseCode = "409", description = "Its parent is deactivated")
	UnitView reactivate(@PathVariable String code) {
		return UnitView.of(organisation.reactivate(code, scopes.current()));
	}
}
