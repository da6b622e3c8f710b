package org.anning.traffic.imports;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.anning.audit.Actor;
import org.anning.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Import of historical accidents over the API: the request body is the CSV file itself ({@code text/csv}, UTF-8),
 * read as a stream.
 */
@RestController
@Tag(name = "Imports")
class AccidentImportApi {

	static final String IMPORTERS = "hasAnyRole('ADMINISTRATOR','COMMAND')";

	private final AccidentImports imports;

	private final AccidentImportErrors errors;

	private final Problems problems;

	AccidentImportApi(AccidentImports imports, AccidentImportErrors errors, Problems problems) {
		this.imports = imports;
		this.errors = errors;
		this.problems = problems;
	}

	@PostMapping(path = "/api/v1/imports/accidents", consumes = "text/csv")
	@PreAuthorize(IMPORTERS)
	@Operation(summary = "Import road-traffic accidents",
			description = "Header accident_number,unit_code,occurred_at,latitude,longitude,road,km_marker,deaths,"
					+ "serious_injuries,minor_injuries,direct_loss,cause_code. occurred_at is ISO-8601 with its offset "
					+ "(2024-03-05T18:40:00+08:00); a time without an offset is refused. cause_code: codes separated by "
					+ "semicolons, or empty. An accident number already imported updates that accident (counted in "
					+ "updated only if something changed).")
	@ApiResponse(responseCode = "200", description = "{\"imported\": new accidents, \"updated\": changed accidents}")
	@ApiResponse(responseCode = "422", description = "Bad lines, each with line, field and message; nothing was stored")
	ResponseEntity<?> importAccidents(HttpServletRequest request, Locale locale) throws IOException {
		ImportResult result = imports.run(request.getInputStream(), Actor.current());
		if (!result.rejected()) {
			return ResponseEntity.ok(Map.of("imported", result.imported(), "updated", result.updated()));
		}
		ProblemDetail problem = problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "traffic.imports.rejected",
				new Object[] { result.errorLines() }, "error.invalid.title", locale);
		problem.setType(URI.create("urn:anning:problem:invalid-input"));
		problem.setProperty("errors", errors.of(result, locale));
		problem.setProperty("errorLines", result.errorLines());
		if (result.moreErrors() > 0) {
			problem.setProperty("moreErrors", result.moreErrors());
		}
		return ResponseEntity.unprocessableContent().body(problem);
	}
}
