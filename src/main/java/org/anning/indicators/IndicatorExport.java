package org.anning.indicators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

import org.anning.audit.AuditAction;
import org.anning.audit.AuditEntry;
import org.anning.audit.AuditTrail;
import org.anning.units.Organisation;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures as files: CSV (UTF-8 with a byte-order mark, so spreadsheet programs read the Chinese), XLSX (numbers
 * as numeric cells) and PDF (A4, with an embedded Chinese font). Each carries the unit, the periods, the time of
 * export and every indicator's definition, in the reader's language. Every export is audited.
 */
@Component
public class IndicatorExport {

	private final MessageSource messages;

	private final AuditTrail audit;

	private final Clock clock;

	private final Organisation organisation;

	IndicatorExport(MessageSource messages, AuditTrail audit, Clock clock, Organisation organisation) {
		this.messages = messages;
		this.audit = audit;
		this.clock = clock;
		this.organisation = organisation;
	}

	@Transactional
	public byte[] csv(Indicators.Result result, Locale locale) {
		StringBuilder out = new StringBuilder("\uFEFF");
		line(out, text("indicators.export.unit", locale), result.unit());
		line(out, text("indicators.export.period", locale), result.from() + " ~ " + result.to());
		line(out, text("indicators.export.comparison", locale),
				result.comparison().kind() + " " + result.comparison().from() + " ~ " + result.comparison().to());
		line(out, text("indicators.export.exportedAt", locale), OffsetDateTime.now(clock).withNano(0).toString());
		out.append(text("indicators.export.header", locale)).append("\r\n");
		for (Figure f : result.indicators()) {
			line(out, f.id(), text("indicators.summary.name." + f.id(), "indicators.name." + f.id(), locale), plain(f.value()),
					plain(f.comparisonValue()), plain(f.relativeChangePercent()), plain(f.percentagePointChange()),
					text("indicators.definition." + f.id(), locale));
		}
		audited("csv", result);
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** The figures as a workbook: a sheet with the header block and the figures, and a sheet of definitions. */
	@Transactional
	public byte[] xlsx(Indicators.Result result, Locale locale) {
		byte[] file;
		try {
			file = IndicatorWorkbook.write(report(result, locale));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		audited("xlsx", result);
		return file;
	}

	/** The figures as an A4 PDF with the header block, a table with the definitions, and page numbers. */
	@Transactional
	public byte[] pdf(Indicators.Result result, Locale locale) {
		byte[] file;
		try {
			file = IndicatorReport.write(report(result, locale));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		audited("pdf", result);
		return file;
	}

	/**
	 * The name of an export file without its extension, in the reader's language, for example
	 * 指标报表_和平路派出所_2025-01-01_2025-12-31.
	 */
	public String fileName(Indicators.Result result, Locale locale) {
		return messages.getMessage("indicators.exports.filename",
				new Object[] { unitName(result.unit(), locale), result.from().toString(), result.to().toString() },
				locale);
	}

	private void audited(String format, Indicators.Result result) {
		audit.record(AuditEntry.of(AuditAction.EXPORT, "indicators", result.unit())
			.detail(format + " " + result.from() + ".." + result.to() + " vs " + result.comparison().kind()));
	}

	/** Everything an XLSX or PDF export shows, with the texts already in the reader's language. */
	record Content(Locale locale, String title, List<Field> header, String note, Columns columns, List<Line> lines,
			String definitionsTitle, String figuresSheet, String definitionsSheet, String empty,
			BiFunction<Integer, Integer, String> pageLabel) {
	}

	/** One line of the header block: a label and its value. */
	record Field(String label, String value) {
	}

	/** The column headings of the figures table. */
	record Columns(String id, String name, String value, String comparisonValue, String relativeChange,
			String pointChange, String definition) {
	}

	/**
	 * One figure with its name and definition: the numbers as computed (the export rounds nothing), and the two
	 * values as shown in text, with the unit they are measured in.
	 */
	record Line(String id, Indicator.Kind kind, String name, String definition, BigDecimal value,
			BigDecimal comparisonValue, BigDecimal relativeChangePercent, BigDecimal percentagePointChange,
			String shownValue, String shownComparisonValue) {
	}

	static final DateTimeFormatter EXPORTED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

	Content report(Indicators.Result result, Locale locale) {
		Comparison c = result.comparison();
		List<Field> header = List.of(
				new Field(text("indicators.exports.unit", locale), result.unit() + " " + unitName(result.unit(), locale)),
				new Field(text("indicators.exports.period", locale), range(result.from(), result.to(), locale)),
				new Field(text("indicators.exports.comparison", locale), comparison(c.kind(), locale)),
				new Field(text("indicators.exports.comparisonPeriod", locale), range(c.from(), c.to(), locale)),
				new Field(text("indicators.exports.exportedAt", locale),
						OffsetDateTime.now(clock).format(EXPORTED_AT)));
		Columns columns = new Columns(text("indicators.exports.column.id", locale),
				text("indicators.exports.column.name", locale), text("indicators.exports.column.value", locale),
				text("indicators.exports.column.comparisonValue", locale),
				text("indicators.exports.column.relativeChange", locale),
				text("indicators.exports.column.pointChange", locale),
				text("indicators.exports.column.definition", locale));
		String empty = text("indicators.exports.empty", locale);
		List<Line> lines = result.indicators().stream().map(f -> {
			Indicator.Kind kind = Indicator.byId(f.id()).map(Indicator::kind).orElse(Indicator.Kind.COUNT);
			return new Line(f.id(), kind, text("indicators.summary.name." + f.id(), "indicators.name." + f.id(), locale),
					text("indicators.definition." + f.id(), locale), f.value(), f.comparisonValue(),
					f.relativeChangePercent(), f.percentagePointChange(), shown(kind, f.value(), empty, locale),
					shown(kind, f.comparisonValue(), empty, locale));
		}).toList();
		return new Content(locale, text("indicators.exports.title", locale), header,
				text("indicators.exports.note", locale), columns, lines, text("indicators.exports.definitions", locale),
				text("indicators.exports.sheet.figures", locale), text("indicators.exports.sheet.definitions", locale),
				empty, (page, pages) -> messages.getMessage("indicators.exports.page",
						new Object[] { page.toString(), pages.toString() }, locale));
	}

	private String shown(Indicator.Kind kind, BigDecimal value, String empty, Locale locale) {
		return value == null ? empty
				: messages.getMessage("indicators.exports.value." + kind.name(), new Object[] { value.toPlainString() },
						locale);
	}

	private String range(java.time.LocalDate from, java.time.LocalDate to, Locale locale) {
		return messages.getMessage("indicators.exports.range", new Object[] { from.toString(), to.toString() }, locale);
	}

	private String comparison(String kind, Locale locale) {
		if (kind.startsWith("baseline:")) {
			return messages.getMessage("indicators.exports.compare.baseline", new Object[] { kind.substring(9) },
					locale);
		}
		return messages.getMessage("indicators.exports.compare." + kind, null, kind, locale);
	}

	private String unitName(String code, Locale locale) {
		return organisation.findByCode(code).map(u -> u.name(locale)).orElse(code);
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	private String text(String key, String fallbackKey, Locale locale) {
		String value = messages.getMessage(key, null, null, locale);
		return value != null ? value : messages.getMessage(fallbackKey, null, fallbackKey, locale);
	}

	private static String plain(BigDecimal value) {
		return value == null ? "" : value.toPlainString();
	}

	private static void line(StringBuilder out, String... cells) {
		for (int i = 0; i < cells.length; i++) {
			if (i > 0) {
				out.append(',');
			}
			String cell = cells[i] == null ? "" : cells[i];
			if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
				cell = "\"" + cell.replace("\"", "\"\"") + "\"";
			}
			out.append(cell);
		}
		out.append("\r\n");
	}
}
