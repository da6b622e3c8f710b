package org.anning.residents;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.anning.audit.DataAccessLog;
import org.anning.web.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** A resident's own account: what is stored about them, masked; who accessed it; and all of it to download. */
@Controller
class MyAccountController {

	private final Residents residents;

	private final DataAccessLog accessLog;

	private final AccessLines lines;

	private final Clock clock;

	private final MessageSource messages;

	MyAccountController(Residents residents, DataAccessLog accessLog, AccessLines lines, Clock clock,
			MessageSource messages) {
		this.messages = messages;
		this.residents = residents;
		this.accessLog = accessLog;
		this.lines = lines;
		this.clock = clock;
	}

	@GetMapping({ "/me", "/me/" })
	String show(@AuthenticationPrincipal ResidentPrincipal principal, Model model) {
		Resident resident = residents.find(principal.id()).orElseThrow(() -> new NotFoundException("resident"));
		model.addAttribute("resident", resident);
		model.addAttribute("registeredOn", LocalDate.ofInstant(resident.registeredAt(), clock.getZone()));
		return "portal/me";
	}

	@GetMapping("/me/access-log")
	String accessLog(@AuthenticationPrincipal ResidentPrincipal principal, Locale locale, Model model) {
		model.addAttribute("accesses",
				accessLog.of(principal.id().value()).stream().map(a -> lines.of(a, locale)).toList());
		return "portal/access-log";
	}

	@GetMapping(path = "/me/data.json", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<MyData> download(@AuthenticationPrincipal ResidentPrincipal principal, Locale locale) {
		Residents.Export export = residents.export(principal.id());
		Resident r = export.resident();
		// In full: it is the resident's own data, and they asked for all of it.
		var data = new MyData(new Profile(r.id().toString(), r.name(), r.idNumber().value(), r.mobile().value(),
				r.registeredAt().toString()), export.accesses().stream().map(a -> lines.of(a, locale)).toList());
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("anning-my-data.json").build().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.body(data);
	}

	@GetMapping(path = "/me/data.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	ResponseEntity<byte[]> downloadPdf(@AuthenticationPrincipal ResidentPrincipal principal, Locale locale) {
		Residents.Export export = residents.export(principal.id());
		Resident r = export.resident();
		List<String> text = new ArrayList<>();
		text.add(messages.getMessage("residents.pdf.title", null, locale));
		text.add("");
		text.add(messages.getMessage("residents.pdf.name", new Object[] { r.name() }, locale));
		text.add(messages.getMessage("residents.pdf.idNumber", new Object[] { r.idNumber().value() }, locale));
		text.add(messages.getMessage("residents.pdf.mobile", new Object[] { r.mobile().value() }, locale));
		text.add(messages.getMessage("residents.pdf.registeredAt", new Object[] { r.registeredAt().toString() }, locale));
		text.add("");
		text.add(messages.getMessage("residents.pdf.accesses", null, locale));
		if (export.accesses().isEmpty()) {
			text.add(messages.getMessage("residents.pdf.none", null, locale));
		}
		for (var access : export.accesses()) {
			var line = lines.of(access, locale);
			String roles = String.join(", ", line.roleKeys().stream().map(k -> messages.getMessage(k, null, k, locale)).toList());
			text.add(line.at() + "  " + (line.unit() == null ? "" : line.unit()) + "  " + roles + "  "
					+ messages.getMessage(line.actionKey(), null, line.actionKey(), locale)
					+ (line.purposeKey() == null ? "" : "  " + messages.getMessage(line.purposeKey(), null, locale)));
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("anning-my-data.pdf").build().toString())
			.contentType(MediaType.APPLICATION_PDF)
			.body(DataPdf.of(text));
	}

	/** Everything Anning keeps about a resident: their profile and every access to it they may see. */
	record MyData(Profile profile, List<AccessLines.AccessLine> accesses) {
	}

	record Profile(String id, String name, String idNumber, String mobile, String registeredAt) {
	}
}
