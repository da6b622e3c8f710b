package org.anning.audit;

import org.anning.web.UnavailableException;

/** The audit record could not be written: the request fails closed and shows no personal data. */
public class AuditUnavailableException extends UnavailableException {

	AuditUnavailableException(Throwable cause) {
		super("The audit trail cannot be written", cause);
	}
}
