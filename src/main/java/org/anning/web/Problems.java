package org.anning.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * RFC 9457 problem details in the user's language, made in one place for the controller advice and for the
 * security filter chains, where no advice runs.
 */
@Component
public class Problems {

	private final MessageSource messages;

	Problems(MessageSource messages) {
		this.messages = messages;
	}

	/** A problem whose detail is the message {@code key} and whose title is the message {@code key.title}. */
	public ProblemDetail of(HttpStatus status, String key, Locale locale) {
		return of(status, key, null, key + ".title", locale);
	}

	/** A problem with its detail and title from the given message keys. */
	public ProblemDetail of(HttpStatus status, String detailKey, Object[] args, String titleKey, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, text(detailKey, args, locale));
		problem.setTitle(text(titleKey, null, locale));
		return problem;
	}

	String text(String key, Object[] args, Locale locale) {
		return messages.getMessage(key, args, key, locale);
	}
}
