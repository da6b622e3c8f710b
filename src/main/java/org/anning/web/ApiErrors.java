package org.anning.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors of the REST API as RFC 9457 problem details in the request's language. Invalid input answers 422
 * with {@code errors: [{"field", "message"}]}.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiErrors extends ResponseEntityExceptionHandler {

	private final MessageSource messages;

	private final Problems problems;

	ApiErrors(MessageSource messages, Problems problems) {
		this.messages = messages;
		this.problems = problems;
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Locale locale = LocaleContextHolder.getLocale();
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(e -> Map.of("field", e.getField(), "message", messages.getMessage(e, locale)))
			.toList();
		return ResponseEntity.unprocessableContent().body(invalid(errors));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest()
			.body(problems.of(HttpStatus.BAD_REQUEST, "error.unreadable", null, "error.badRequest.title", locale()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalidInput(InvalidInputException ex) {
		List<Map<String, String>> errors = ex.problems()
			.stream()
			.map(p -> Map.of("field", p.field(), "message", text(p.code(), p.args())))
			.toList();
		return ResponseEntity.unprocessableContent().body(invalid(errors));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notFound(NotFoundException ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problems.of(HttpStatus.NOT_FOUND, "error.notFound", locale()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> conflict(ConflictException ex) {
		ProblemDetail problem = problems.of(HttpStatus.CONFLICT, ex.code(), ex.args(), "error.conflict.title", locale());
		problem.setType(URI.create("urn:anning:problem:" + ex.code()));
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unavailable(UnavailableException ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.body(problems.of(HttpStatus.SERVICE_UNAVAILABLE, "error.unavailable", locale()));
	}

	private ProblemDetail invalid(List<Map<String, String>> errors) {
		ProblemDetail problem = problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "error.invalid.detail", null,
				"error.invalid.title", locale());
		problem.setType(URI.create("urn:anning:problem:invalid-input"));
		problem.setProperty("errors", errors);
		return problem;
	}

	private String text(String code, Object... args) {
		return problems.text(code, args, locale());
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}
}
