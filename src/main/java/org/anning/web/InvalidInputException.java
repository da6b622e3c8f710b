package org.anning.web;

import java.util.List;

import org.springframework.validation.Errors;

/**
 * Input that breaks a rule of the domain, with one entry per offending field. The API answers it with 422 and
 * the field errors; a page shows each error beside its field and keeps what was typed.
 */
public class InvalidInputException extends RuntimeException {

	private final List<FieldProblem> problems;

	public InvalidInputException(List<FieldProblem> problems) {
		super(problems.toString());
		this.problems = List.copyOf(problems);
	}

	public InvalidInputException(String field, String code, Object... args) {
		this(List.of(new FieldProblem(field, code, args)));
	}

	public List<FieldProblem> problems() {
		return problems;
	}

	/** Copies the problems onto a form's binding result so the page shows them next to the fields. */
	public void applyTo(Errors errors) {
		problems.forEach(p -> errors.rejectValue(p.field(), p.code(), p.args(), p.code()));
	}

	/** One offending field: its name in the form and API, and the message key that explains it. */
	public record FieldProblem(String field, String code, Object... args) {
	}
}
