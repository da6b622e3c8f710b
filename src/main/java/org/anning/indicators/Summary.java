package org.anning.indicators;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A summary in sentences, generated from the figures, for yearly and quarterly reports: counts and money by their
 * relative change (「破案数同比上升33.77%」), rates by their value and the change in percentage points. Figures
 * without a comparison value, or unchanged, say so instead of inventing a change.
 */
@Component
public class Summary {

	/** The figures a report leads with, in the order it names them. */
	static final List<Indicator> HEADLINE = List.of(Indicator.FRAUD_CLEARED, Indicator.FRAUD_APPREHENDED,
			Indicator.FRAUD_RECOVERED, Indicator.FRAUD_REGISTERED, Indicator.CASES_CLEARANCE_RATE,
			Indicator.HOMICIDE_CLEARANCE_RATE, Indicator.SERVICES_ON_TIME_RATE, Indicator.SERVICES_SATISFACTION_RATE);

	private final MessageSource messages;

	Summary(MessageSource messages) {
		this.messages = messages;
	}

	/** One sentence per headline figure present in the result, in the locale's language. */
	public List<String> sentences(Indicators.Result result, Locale locale) {
		String versus = versus(result.comparison(), locale);
		List<String> sentences = new ArrayList<>();
		for (Indicator indicator : HEADLINE) {
			result.indicators().stream().filter(f -> f.id().equals(indicator.id())).findFirst()
				.ifPresent(f -> sentences.add(sentence(indicator, f, versus, locale)));
		}
		return sentences;
	}

	private String sentence(Indicator indicator, Figure f, String versus, Locale locale) {
		String name = messages.getMessage("indicators.summary.name." + indicator.id(), null, locale);
		if (f.value() == null) {
			return messages.getMessage("indicators.summary.none", new Object[] { name }, locale);
		}
		if (indicator.kind() == Indicator.Kind.RATE) {
			BigDecimal points = f.percentagePointChange();
			if (points == null) {
				return messages.getMessage("indicators.summary.rate.alone", new Object[] { name, plain(f.value()) }, locale);
			}
			return messages.getMessage("indicators.summary.rate." + direction(points),
					new Object[] { name, plain(f.value()), versus, plain(points.abs()) }, locale);
		}
		BigDecimal change = f.relativeChangePercent();
		if (change == null) {
			return messages.getMessage("indicators.summary.value.alone", new Object[] { name, plain(f.value()) }, locale);
		}
		return messages.getMessage("indicators.summary.change." + direction(change),
				new Object[] { name, versus, plain(change.abs()), plain(f.value()) }, locale);
	}

	private String versus(Comparison c, Locale locale) {
		if (c.kind().startsWith("baseline:")) {
			return messages.getMessage("indicators.summary.versus.baseline", new Object[] { c.kind().substring(9) }, locale);
		}
		return messages.getMessage("indicators.summary.versus." + c.kind(), null, locale);
	}

	private static String direction(BigDecimal change) {
		return change.signum() > 0 ? "up" : change.signum() < 0 ? "down" : "same";
	}

	/** Without grouping, so that a year never reads 2,024. */
	private static String plain(BigDecimal value) {
		return value.toPlainString();
	}
}
