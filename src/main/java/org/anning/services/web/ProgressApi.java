package org.anning.services.web;

import java.util.OptionalLong;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.anning.services.Applications;
import org.anning.services.web.ApiViews.ProgressView;
import org.anning.web.Problems;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public progress lookup: the reference and the last six characters of the applicant's identity number.
 * An unknown reference and a wrong suffix give the same 404, and every lookup, found or not, counts against the
 * caller's address, so that suffixes cannot be guessed quickly.
 */
@RestController
@Tag(name = "Service hall: progress", description = "Public progress lookup by reference and identity number suffix")
class ProgressApi {

	private final Applications applications;

	private final LookupLimiter limiter;

	private final Problems problems;

	private final ApiViews views;

	ProgressApi(Applications applications, LookupLimiter limiter, Problems problems, ApiViews views) {
		this.applications = applications;
		this.limiter = limiter;
		this.problems = problems;
		this.views = views;
	}

	@GetMapping("/api/v1/applications/{reference}/progress")
	@Operation(summary = "Progress of an application, for anyone with its reference and identity number suffix")
	@ApiResponse(responseCode = "200", description = "Status, deadline and the date of every step")
	@ApiResponse(responseCode = "404", description = "Unknown reference or wrong suffix: one answer for both")
	@ApiResponse(responseCode = "429", description = "Too many lookups from this address; see Retry-After")
	ResponseEntity<?> progress(@PathVariable String reference, @RequestParam(required = false) String idSuffix,
			HttpServletRequest request) {
		OptionalLong wait = limiter.count(request.getRemoteAddr());
		if (wait.isPresent()) {
			ProblemDetail problem = problems.of(HttpStatus.TOO_MANY_REQUESTS, "services.lookup.tooMany", null,
					"services.lookup.tooMany", LocaleContextHolder.getLocale());
			return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
				.header(HttpHeaders.RETRY_AFTER, Long.toString(wait.getAsLong()))
				.body(problem);
		}
		ProgressView view = views.progress(applications.progress(reference, idSuffix));
		return ResponseEntity.ok(view);
	}
}
