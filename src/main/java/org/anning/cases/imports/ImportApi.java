package org.anning.cases.imports;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Import of historical records over the API: the request body is the CSV file itself ({@code text/csv}, UTF-8),
 * read as a stream, so a file of a million lines needs no more memory than a small one.
 */
@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "Imports", description = "Historical case records and case events from CSV, whole file or nothing")
class ImportApi {

	private final CaseImports imports;

	private final ImportErrorsView errors;

	private final Problems problems;

	private final Clock clock;

	ImportApi(CaseImports imports, ImportErrorsView errors, Problems problems, Clock clock) {
		this.imports = imports;
		this.errors = errors;
		this.problems = problems;
		this.clock = clock;
	}

	@PostMapping(path = "/cases", consumes = "text/csv")
	@PreAuthorize("hasAnyRole('ADMINISTRATOR','COMMAND')")
	@Operation(summary = "Import cases",
			description = "Header case_number,unit_code,category_code,occurred_on,registered_on,cleared_on,closed_on,loss_amount. "
					+ "A case number already known updates that case (counted in updated only if something changed).")
	@ApiResponse(responseCode = "200", description = "{\"imported\": new cases, \"updated\": changed cases}")
	@ApiResponse(responseCode = "422", description = "Bad lines, each with line, field and message; nothing was stored")
	ResponseEntity<?> importCases(HttpServletRequest request, Locale locale) throws IOException {
		return run(ImportKind.CASES, request, locale);
	}

	@PostMapping(path = "/case-events", consumes = "text/csv")
	@PreAuthorize("hasAnyRole('ADMINISTRATOR','COMMAND')")
	@Operation(summary = "Import case events",
			description = "Header case_number,event_type,event_on,amount,people. An event already stored (same case, type, "
					+ "date and amount or people) is left as it is, so importing a file twice adds nothing; updated is always 0.")
	@ApiResponse(responseCode = "200", description = "{\"imported\": new events, \"updated\": 0}")
	@ApiResponse(responseCode = "422", description = "Bad lines, each with line, field and message; nothing was stored")
	ResponseEntity<?> importEvents(HttpServletRequest request, Locale locale) throws IOException {
		return run(ImportKind.EVENTS, request, locale);
	}

	private ResponseEntity<?> run(ImportKind kind, HttpServletRequest request, Locale locale) throws IOException {
		Actor actor = Actor.current();
		var progress = new ImportProgress(UUID.randomUUID(), kind, request.getContentLengthLong(), actor.id(),
				clock.instant());
		ImportResult result = imports.run(request.getInputStream(), progress, actor);
		if (!result.rejected()) {
			return ResponseEntity.ok(Map.of("imported", result.imported(), "updated", result.updated()));
		}
		ProblemDetail problem = problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "cases.imports.rejected",
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
