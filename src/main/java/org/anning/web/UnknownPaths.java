package org.anning.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.servlet.view.json.JacksonJsonView;

/**
 * A path that nothing answers: problem details for the API, the error page for everything else, both in the
 * user's language.
 */
@ControllerAdvice
class UnknownPaths {

	private final Problems problems;

	UnknownPaths(Problems problems) {
		this.problems = problems;
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ModelAndView notFound(HttpServletRequest request) {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			ProblemDetail problem = problems.of(HttpStatus.NOT_FOUND, "error.notFound", LocaleContextHolder.getLocale());
			var view = new JacksonJsonView();
			view.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			view.setExtractValueFromSingleKeyModel(true);
			var answer = new ModelAndView(view, Map.of("problem", problem));
			answer.setStatus(HttpStatus.NOT_FOUND);
			return answer;
		}
		var page = new ModelAndView("error", Map.of("status", 404));
		page.setStatus(HttpStatus.NOT_FOUND);
		return page;
	}
}
