package org.anning.traffic.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** An accident import's errors in the reader's language: for the API's problem details and the page. */
@Component
class AccidentImportErrors {

	private final MessageSource messages;

	AccidentImportErrors(MessageSource messages) {
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
}
