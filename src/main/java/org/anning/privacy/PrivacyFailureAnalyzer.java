package org.anning.privacy;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports missing or unusable keys as a sentence and what to set, without a stack trace.
 */
class PrivacyFailureAnalyzer extends AbstractFailureAnalyzer<PrivacyStartupException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, PrivacyStartupException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
	}
}
