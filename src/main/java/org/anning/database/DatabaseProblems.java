package org.anning.database;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;

/**
 * Turns a failure to reach the configured database into one sentence that says what to fix.
 */
final class DatabaseProblems {

	private DatabaseProblems() {
	}

	static RuntimeException explain(RuntimeException failure, DatabaseSettings settings) {
		String where = settings.external() ? settings.url() : "the embedded PostgreSQL";
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof SQLException sql && sql.getSQLState() != null) {
				String state = sql.getSQLState();
				if (state.equals("28P01") || state.equals("28000")) {
					return new DatabaseStartupException(
							"PostgreSQL at " + where + " refused the user name or password.",
							"Set ANNING_DB_USER and ANNING_DB_PASSWORD to an account of that server.", failure);
				}
				if (state.equals("3D000")) {
					return new DatabaseStartupException("The database named in " + where + " does not exist.",
							"Create it (createdb) or correct ANNING_DB_URL.", failure);
				}
				if (state.startsWith("08")) {
					return unreachable(where, failure);
				}
			}
			if (t instanceof ConnectException || t instanceof UnknownHostException) {
				return unreachable(where, failure);
			}
		}
		return new DatabaseStartupException("PostgreSQL at " + where + " could not be used: "
				+ failure.getMessage() + ".", "Check ANNING_DB_URL, ANNING_DB_USER and ANNING_DB_PASSWORD.",
				failure);
	}

	private static DatabaseStartupException unreachable(String where, RuntimeException failure) {
		return new DatabaseStartupException("PostgreSQL at " + where + " cannot be reached.",
				"Start that server or correct the host and port in ANNING_DB_URL (e.g. jdbc:postgresql://localhost:5432/anning).",
				failure);
	}
}
