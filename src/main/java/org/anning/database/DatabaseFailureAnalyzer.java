package org.anning.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a database start-up problem as its sentence and what to do, without a stack trace.
 */
class DatabaseFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseStartupException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DatabaseStartupException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
	}
}
