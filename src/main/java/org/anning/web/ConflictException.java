package org.anning.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A request that contradicts what is stored (a duplicate, an illegal transition). {@code code} is a message key
 * that explains it in the user's language.
 */
@ResponseStatus(HttpStatus.CONFLICT)
public class ConflictException extends RuntimeException {

	private final String code;

	private final transient Object[] args;

	public ConflictException(String code, Object... args) {
		super(code);
		this.code = code;
		this.args = args;
	}

	public String code() {
		return code;
	}

	public Object[] args() {
		return args;
	}
}
