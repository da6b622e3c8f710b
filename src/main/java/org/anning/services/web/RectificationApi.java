package org.anning.services.web;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.anning.services.Ratings;
import org.anning.services.web.ApiViews.Task;
import org.anning.units.UnitScopes;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rectification after poor ratings: the tasks of the caller's scope, and the station chief's answer (call-back
 * and what was done), which the resident sees and may rate again.
 */
@RestController
@RequestMapping("/api/v1/rectifications")
@Tag(name = "Service hall: rectification", description = "Tasks after poor ratings and the station chief's answers")
class RectificationApi {

	private final Ratings ratings;

	private final UnitScopes scopes;

	private final ApiViews views;

	RectificationApi(Ratings ratings, UnitScopes scopes, ApiViews views) {
		this.ratings = ratings;
		this.scopes = scopes;
		this.views = views;
	}

	record AnswerBody(LocalDate calledBackOn, String callbackNote, String actionTaken) {
	}

	@GetMapping
	@PreAuthorize("hasAnyRole('STATION_CHIEF','COMMAND','AUDITOR')")
	@Operation(summary = "Rectification tasks of the caller's scope; open=true for the open ones only")
	List<Task> tasks(@RequestParam(defaultValue = "false") boolean open) {
		return ratings.tasks(scopes.current(), open).stream().map(views::task).toList();
	}

	@PostMapping("/{reference}")
	@PreAuthorize("hasRole('STATION_CHIEF')")
	@Operation(summary = "Answer a task: when the resident was called back, what they said, what was done")
	@ApiResponse(responseCode = "404", description = "No task for this application in the caller's scope")
	@ApiResponse(responseCode = "409", description = "Answered already")
	@ApiResponse(responseCode = "422", description = "Invalid fields, listed in errors [{field, message}]")
	Task answer(@PathVariable String reference, @RequestBody AnswerBody body) {
		return views.task(ratings.answer(reference, body.calledBackOn(), body.callbackNote(), body.actionTaken(),
				scopes.current()));
	}
}
