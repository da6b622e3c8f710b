package org.anning.operations;

import java.io.PrintStream;

/**
 * An operator command run from the command line, such as {@code tokens issue}. Modules contribute
 * commands as Spring beans.
 */
public interface Command {

	/** The first word on the command line. */
	String name();

	/** Runs with the words after the name and returns the process exit code. */
	int run(String[] args, PrintStream out);

	/** Thrown for a malformed command line; its message says what is expected. */
	class UsageException extends RuntimeException {

		public UsageException(String message) {
			super(message);
		}
	}
}
