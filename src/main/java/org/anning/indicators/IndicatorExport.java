package org.anning.indicators;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;

import org.anning.audit.AuditAction;
import org.anning.audit.AuditEntry;
import org.anning.audit.AuditTrail;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures as a CSV file (UTF-8 with a byte-order mark, so spreadsheet programs read the Chinese), carrying the
 * unit, the periods, the time of export and every indicator's definition. Every export is audited.
 */
@Component
public class IndicatorExport {

	private final MessageSource messages;

	private final AuditTrail audit;

	private final Clock clock;

	IndicatorExport(MessageSource messages, AuditTrail audit, Clock clock) {
		this.messages = messages;
		this.audit = audit;
		this.clock = clock;
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
		audit.record(AuditEntry.of(AuditAction.EXPORT, "indicators", result.unit())
			.detail("csv " + result.from() + ".." + result.to() + " vs " + result.comparison().kind()));
		return out.toString().getBytes(StandardCharsets.UTF_8);
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
