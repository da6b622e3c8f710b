package org.anning.residents;

import java.util.Optional;
import java.util.regex.Pattern;

import org.anning.privacy.PersonalData;

/**
 * A mainland China mobile number: 11 digits, starting with 13 to 19. {@link #toString()} is masked so the number
 * does not land in logs by accident.
 */
public record MobileNumber(String value) {

	private static final Pattern FORMAT = Pattern.compile("1[3-9][0-9]{9}");

	/** Spaces (also the ideographic one) and hyphens or dashes that people type to group the digits. */
	private static final Pattern SEPARATORS = Pattern.compile("[\\s\\p{Zs}\\p{Pd}]");

	public MobileNumber {
		if (value == null || !FORMAT.matcher(value).matches()) {
			throw new IllegalArgumentException("Not a mainland mobile number");
		}
	}

	/** The number in what was typed, ignoring separators; empty unless it is a mainland mobile number. */
	public static Optional<MobileNumber> parse(String raw) {
		if (raw == null) {
			return Optional.empty();
		}
		String digits = SEPARATORS.matcher(raw).replaceAll("");
		return FORMAT.matcher(digits).matches() ? Optional.of(new MobileNumber(digits)) : Optional.empty();
	}

	/** The first three and last four digits, e.g. {@code 138****5678}. */
	public String masked() {
		return PersonalData.maskMobile(value);
	}

	@Override
	public String toString() {
		return masked();
	}
}
