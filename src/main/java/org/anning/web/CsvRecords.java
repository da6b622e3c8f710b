package org.anning.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A small strict reader of RFC 4180 CSV from a stream, record by record: fields separated by commas, optionally
 * in double quotes (which may hold commas, line breaks and doubled quotes), records ending in LF, CRLF or CR. A
 * UTF-8 byte order mark at the start is skipped. Each record knows the physical line it starts on (the first line
 * is 1), so that errors name the line a spreadsheet shows. Malformed quoting is reported for that record, and
 * reading carries on at the next line. Shared by the modules that import records from files.
 */
public final class CsvRecords {

	/** One record: its first line and its fields; {@code problem} is set when its quoting was malformed. */
	public record Row(int line, List<String> fields, String problem) {
	}

	private final Reader reader;

	private final char[] buffer = new char[1 << 16];

	private int position;

	private int limit;

	private int line = 1;

	private boolean started;

	public CsvRecords(InputStream in) {
		this.reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT));
	}

	/** The line the next record starts on. */
	public int line() {
		return line;
	}

	/** The next record, or null at the end. Empty lines are skipped. */
	public Row next() throws IOException {
		if (!started) {
			started = true;
			if (peek() == '\uFEFF') {
				position++;
			}
		}
		while (true) {
			int c = peek();
			if (c < 0) {
				return null;
			}
			if (c == '\n' || c == '\r') {
				endOfLine();
				continue;
			}
			return record();
		}
	}

	private Row record() throws IOException {
		int first = line;
		List<String> fields = new ArrayList<>(10);
		StringBuilder field = new StringBuilder(32);
		while (true) {
			int c = read();
			if (c == '"' && field.isEmpty()) {
				// a quoted field: up to the closing quote, doubled quotes stand for one
				while (true) {
					int q = read();
					if (q < 0) {
						return new Row(first, fields, "web.csv.unclosedQuote");
					}
					if (q == '"') {
						if (peek() == '"') {
							position++;
							field.append('"');
							continue;
						}
						break;
					}
					if (q == '\r' || q == '\n') {
						if (q == '\r' && peek() == '\n') {
							position++;
							field.append("\r\n");
							line++;
							continue;
						}
						field.append((char) q);
						line++;
						continue;
					}
					field.append((char) q);
				}
				int after = peek();
				if (after >= 0 && after != ',' && after != '\r' && after != '\n') {
					skipLine();
					return new Row(first, fields, "web.csv.afterQuote");
				}
				fields.add(field.toString());
				field.setLength(0);
				if (after == ',') {
					position++;
					if (atEndOfRecord()) {
						fields.add("");
						endOfLine();
						return new Row(first, fields, null);
					}
					continue;
				}
				endOfLine();
				return new Row(first, fields, null);
			}
			if (c < 0 || c == '\n' || c == '\r') {
				if (c == '\r' && peek() == '\n') {
					position++;
				}
				if (c >= 0) {
					line++;
				}
				fields.add(field.toString());
				return new Row(first, fields, null);
			}
			if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
				continue;
			}
			if (c == '"') {
				skipLine();
				return new Row(first, fields, "web.csv.strayQuote");
			}
			field.append((char) c);
		}
	}

	private boolean atEndOfRecord() throws IOException {
		int c = peek();
		return c < 0 || c == '\r' || c == '\n';
	}

	/** Consumes one line break, if there is one. */
	private void endOfLine() throws IOException {
		int c = peek();
		if (c == '\r') {
			position++;
			if (peek() == '\n') {
				position++;
			}
			line++;
		}
		else if (c == '\n') {
			position++;
			line++;
		}
	}

	private void skipLine() throws IOException {
		int c;
		while ((c = peek()) >= 0 && c != '\r' && c != '\n') {
			position++;
		}
		endOfLine();
	}

	private int read() throws IOException {
		int c = peek();
		if (c >= 0) {
			position++;
		}
		return c;
	}

	private int peek() throws IOException {
		if (position == limit) {
			limit = reader.read(buffer, 0, buffer.length);
			position = 0;
			if (limit <= 0) {
				limit = 0;
				return -1;
			}
		}
		return buffer[position];
	}
}
