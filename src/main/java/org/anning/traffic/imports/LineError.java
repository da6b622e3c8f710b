package org.anning.traffic.imports;

/**
 * What is wrong with one field of one line: the line as a spreadsheet numbers it (the header is line 1), the
 * column, and a message key with its arguments, put into words in the reader's language at the edge.
 */
public record LineError(int line, String field, String code, Object... args) implements Comparable<LineError> {

	@Override
	public int compareTo(LineError other) {
		return Integer.compare(line, other.line);
	}
}
