package org.anning.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Something the request depends on cannot be done now, so the request fails closed (503) rather than go on
 * without it — for example, when its audit record cannot be written.
 */
@ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
public class UnavailableException extends RuntimeException {

	public UnavailableException(String message, Throwable cause) {
		super(message, cause);
	}
}
