package org.anning.cases.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** An import's errors in the reader's language: for the API's problem details, the page and the CSV report. */
@Component
class ImportErrorsView {

	private final MessageSource messages;

	ImportErrorsView(MessageSource messages) {
		this.messages = messages;
	}

	List<Map<String, Object>> of(ImportResult result, Locale locale) {
		List<Map<String, Object>> errors = new ArrayList<>(result.errors().size());
		for (LineError e : result.errors()) {
			Map<String, Object> error = new LinkedHashMap<>();
			error.put("line", e.line());
			error.put("field", e.field());
			error.put("message", messages.getMessage(e.code(), e.args(), e.code(), locale));
			errors.add(error);
		}
		return errors;
	}

	/** The report as CSV (line, field, message), with a last line saying how many errors were left out. */
	String csv(ImportResult result, Locale locale) {
		StringBuilder out = new StringBuilder("\uFEFFline,field,message\r\n");
		for (Map<String, Object> e : of(result, locale)) {
			out.append(e.get("line")).append(',').append(quoted((String) e.get("field"))).append(',')
				.append(quoted((String) e.get("message"))).append("\r\n");
		}
		if (result.moreErrors() > 0) {
			out.append(",,").append(quoted(messages.getMessage("cases.imports.errors.more",
					new Object[] { result.moreErrors() }, locale))).append("\r\n");
		}
		return out.toString();
	}

	/** A CSV field, quoted if needed; a leading formula character is defused for spreadsheets. */
	private static String quoted(String value) {
		String v = value == null ? "" : value;
		if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
			v = "'" + v;
		}
		if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
			return '"' + v.replace("\"", "\"\"") + '"';
		}
		return v;
	}
}
