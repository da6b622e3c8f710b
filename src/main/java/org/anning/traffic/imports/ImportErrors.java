package org.anning.traffic.imports;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The errors of a file: the first {@link ImportResult#MAX_ERRORS} kept, the rest counted; bad lines counted. */
final class ImportErrors {

	private final List<LineError> kept = new ArrayList<>();

	private int total;

	private int lines;

	private int lastLine = -1;

	void add(int line, String field, String code, Object... args) {
		total++;
		if (line != lastLine) {
			lines++;
			lastLine = line;
		}
		if (kept.size() < ImportResult.MAX_ERRORS) {
			kept.add(new LineError(line, field, code, args));
		}
	}

	/** Errors found by the database checks, each query's rows in line order, on lines not counted before. */
	void addChecked(List<LineError> found, int foundTotal, int foundLines) {
		kept.addAll(found);
		total += foundTotal;
		lines += foundLines;
	}

	boolean any() {
		return total > 0;
	}

	int total() {
		return total;
	}

	int lines() {
		return lines;
	}

	/** The kept errors in line order, at most {@link ImportResult#MAX_ERRORS}. */
	List<LineError> first() {
		List<LineError> sorted = new ArrayList<>(kept);
		Collections.sort(sorted); // stable: a line's fields stay in column order
		return sorted.size() > ImportResult.MAX_ERRORS ? sorted.subList(0, ImportResult.MAX_ERRORS) : sorted;
	}
}
