package org.anning.residents;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Registration of residents for apps and kiosks; the portal's pages use the same rules. */
@RestController
@Tag(name = "Residents", description = "Residents' accounts on the online portal")
class ResidentApiController {

	private final Residents residents;

	ResidentApiController(Residents residents) {
		this.residents = residents;
	}

	@PostMapping(path = "/api/v1/residents", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Register a resident",
			description = "Public: no token needed. Every invalid field is reported at once, in the language of "
					+ "Accept-Language (Chinese by default, English with en).")
	@ApiResponse(responseCode = "201", description = "Registered; Location names the new resident")
	@ApiResponse(responseCode = "409", description = "The identity number is registered already")
	@ApiResponse(responseCode = "422", description = "Invalid fields, listed in errors [{field, message}]")
	ResponseEntity<Registered> register(@RequestBody NewResident draft) {
		Resident resident = residents.register(draft);
		URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
			.path("/{id}")
			.buildAndExpand(resident.id().value())
			.toUri();
		return ResponseEntity.created(location).body(new Registered(resident.id().toString()));
	}

	/** The new resident's identifier. */
	record Registered(String id) {
	}
}
