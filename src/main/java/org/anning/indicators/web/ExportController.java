package org.anning.indicators.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.stream.Collectors;

import org.anning.accounts.Role;
import org.anning.accounts.StaffPrincipal;
import org.anning.indicators.IndicatorExport;
import org.anning.indicators.Indicators;
import org.anning.units.Organisation;
import org.anning.units.Unit;
import org.anning.units.UnitScope;
import org.anning.units.UnitScopes;
import org.anning.web.InvalidInputException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The dashboard's figures as XLSX and PDF files from the desk, with the same parameters, roles and unit scope as
 * the dashboard (and its CSV export). Bad input goes back to the dashboard, which shows the problem beside the
 * form with what was typed; a unit outside the caller's scope is not found.
 */
@Controller
@RequestMapping("/desk/indicators")
@PreAuthorize("hasAnyRole('COMMAND','AUDITOR','ADMINISTRATOR','STATION_CHIEF')")
class ExportController {

	/** The export formats: the file extension, its media type, and what writes it. */
	enum Format {

		CSV("csv", "text/csv;charset=UTF-8"), XLSX("xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), PDF("pdf", "application/pdf");

		final String extension;

		final MediaType mediaType;

		Format(String extension, String mediaType) {
			this.extension = extension;
			this.mediaType = MediaType.parseMediaType(mediaType);
		}

		byte[] write(IndicatorExport export, Indicators.Result result, Locale locale) {
			return switch (this) {
				case CSV -> export.csv(result, locale);
				case XLSX -> export.xlsx(result, locale);
				case PDF -> export.pdf(result, locale);
			};
		}

		static Format of(String extension) {
			for (Format format : values()) {
				if (format.extension.equalsIgnoreCase(extension == null ? "" : extension.strip())) {
					return format;
				}
			}
			return null;
		}
	}

	private final Indicators indicators;

	private final IndicatorExport export;

	private final UnitScopes scopes;

	private final Organisation organisation;

	ExportController(Indicators indicators, IndicatorExport export, UnitScopes scopes, Organisation organisation) {
		this.indicators = indicators;
		this.export = export;
		this.scopes = scopes;
		this.organisation = organisation;
	}

	/** The figures as a workbook: header block, numeric figures, and a sheet of definitions; audited. */
	@GetMapping("/export.xlsx")
	ResponseEntity<byte[]> exportXlsx(@RequestParam(required = false) String unit,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String compare, @AuthenticationPrincipal StaffPrincipal me, Locale locale) {
		return desk(Format.XLSX, unit, from, to, compare, me, locale);
	}

	/** The figures as an A4 PDF with an embedded Chinese font, the definitions and page numbers; audited. */
	@GetMapping("/export.pdf")
	ResponseEntity<byte[]> exportPdf(@RequestParam(required = false) String unit,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String compare, @AuthenticationPrincipal StaffPrincipal me, Locale locale) {
		return desk(Format.PDF, unit, from, to, compare, me, locale);
	}

	private ResponseEntity<byte[]> desk(Format format, String unit, String from, String to, String compare,
			StaffPrincipal me, Locale locale) {
		String unitCode = unit != null ? unit : ownUnit(me);
		Indicators.Result result;
		try {
			result = indicators.compute(unitCode, from, to, compare, null, scope(me, scopes, organisation));
		}
		catch (InvalidInputException e) {
			// the dashboard shows each problem beside its field, with what was typed
			URI back = UriComponentsBuilder.fromPath("/desk/indicators")
				.queryParamIfPresent("unit", java.util.Optional.ofNullable(unitCode))
				.queryParamIfPresent("from", java.util.Optional.ofNullable(from))
				.queryParamIfPresent("to", java.util.Optional.ofNullable(to))
				.queryParamIfPresent("compare", java.util.Optional.ofNullable(compare))
				.encode()
				.build()
				.toUri();
			return ResponseEntity.status(HttpStatus.SEE_OTHER).location(back).build();
		}
		return download(format, export, result, locale);
	}

	/** The file with its media type and a file name that keeps Chinese (RFC 6266 / 5987) and has an ASCII fallback. */
	static ResponseEntity<byte[]> download(Format format, IndicatorExport export, Indicators.Result result,
			Locale locale) {
		byte[] body = format.write(export, result, locale);
		String ascii = ascii("indicators-" + result.unit() + "-" + result.from() + "-" + result.to()) + "."
				+ format.extension;
		String name = export.fileName(result, locale) + "." + format.extension;
		return ResponseEntity.ok()
			.contentType(format.mediaType)
			.header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(ascii, name))
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.header("X-Content-Type-Options", "nosniff")
			.body(body);
	}

	static String contentDisposition(String ascii, String name) {
		return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + rfc5987(safe(name));
	}

	/** Only letters, digits, dot, dash and underscore: safe in a quoted header value on any client. */
	static String ascii(String name) {
		return name.replaceAll("[^A-Za-z0-9._-]", "_");
	}

	/** No path separators, quotes or control characters in a name a browser will save. */
	static String safe(String name) {
		return name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
	}

	/** Percent-encodes everything but RFC 5987's attr-char, byte by byte in UTF-8. */
	static String rfc5987(String value) {
		StringBuilder out = new StringBuilder();
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xFF);
			if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
				out.append(c);
			}
			else {
				out.append('%').append(String.format("%02X", b & 0xFF));
			}
		}
		return out.toString();
	}

	private String ownUnit(StaffPrincipal me) {
		if (me == null || me.unitId() == null) {
			return null;
		}
		return organisation.find(me.unitId()).map(Unit::code).orElse(null);
	}

	/**
	 * Administrators see every unit's figures; everyone else their scope (command and auditors: all units), as on
	 * the dashboard and in the indicators API.
	 */
	static UnitScope scope(StaffPrincipal me, UnitScopes scopes, Organisation organisation) {
		if (me != null && me.has(Role.ADMINISTRATOR)) {
			return new UnitScope(organisation.all().stream().map(Unit::id).collect(Collectors.toSet()));
		}
		return scopes.current();
	}
}
