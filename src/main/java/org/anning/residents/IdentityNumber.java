package org.anning.residents;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Locale;

import org.anning.privacy.PersonalData;

/**
 * An 18-character resident identity number (GB 11643-1999): 6-digit area code,
 * 8-digit birth date, 3-digit sequence and an ISO 7064 MOD 11-2 check character.
 *
 * <p>The area code is only checked for a non-zero first digit: numbers of Hong Kong,
 * Macao and Taiwan residence permits (810000/820000/830000) and 2023-format foreigners'
 * permanent residence cards (leading 9) are valid and must not be rejected.
 *
 * <p>{@link #toString()} is masked so the full number never lands in logs by accident.
 */
public final class IdentityNumber {

    /** Why a raw value is not a valid identity number, in the order the checks run. */
    public enum Reason { EMPTY, LENGTH, CHARACTERS, AREA, BIRTH_DATE, CHECK_CHARACTER }

    /** Thrown by {@link #parse}; its message never contains the rejected value. */
    public static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final Reason reason;

        public Invalid(Reason reason) {
            super("Invalid identity number: " + reason);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    static final int LENGTH = 18;
    static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    // STRICT with 'uuuu' so that 19490230 is rejected instead of being resolved to 19490228.
    private static final DateTimeFormatter BIRTH_DATE_FORMAT =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    private final String value;
    private final LocalDate birthDate;

    private IdentityNumber(String value, LocalDate birthDate) {
        this.value = value;
        this.birthDate = birthDate;
    }

    /**
     * Parses and validates a raw identity number.
     *
     * @param today the current date (passed in so callers and tests control the clock)
     * @throws Invalid with the first failing {@link Reason}
     */
    public static IdentityNumber parse(String raw, LocalDate today) {
        // strip() rather than trim(): it also removes the ideographic space U+3000 of Chinese IMEs
        String value = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
        if (value.isEmpty()) {
            throw new Invalid(Reason.EMPTY);
        }
        if (value.length() != LENGTH) {
            throw new Invalid(Reason.LENGTH);
        }
        if (!isAsciiDigits(value.substring(0, LENGTH - 1))
                || !isCheckCharacterShape(value.charAt(LENGTH - 1))) {
            throw new Invalid(Reason.CHARACTERS);
        }
        if (value.charAt(0) == '0') {
            throw new Invalid(Reason.AREA);
        }
        LocalDate birthDate = birthDate(value.substring(6, 14), today);
        if (value.charAt(LENGTH - 1) != checkCharacter(value.substring(0, LENGTH - 1))) {
            throw new Invalid(Reason.CHECK_CHARACTER);
        }
        return new IdentityNumber(value, birthDate);
    }

    /**
     * The ISO 7064 MOD 11-2 check character for the first 17 digits of a number.
     *
     * @throws IllegalArgumentException unless {@code first17} is exactly 17 ASCII digits
     */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != LENGTH - 1 || !isAsciiDigits(first17)) {
            throw new IllegalArgumentException("Expected exactly 17 digits");
        }
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    private static LocalDate birthDate(String yyyymmdd, LocalDate today) {
        LocalDate date;
        try {
            date = LocalDate.parse(yyyymmdd, BIRTH_DATE_FORMAT);
        } catch (DateTimeException e) {
            throw new Invalid(Reason.BIRTH_DATE);
        }
        if (date.isBefore(EARLIEST_BIRTH_DATE) || date.isAfter(today)) {
            throw new Invalid(Reason.BIRTH_DATE);
        }
        return date;
    }

    // Only ASCII '0'-'9': Character.isDigit would also let full-width and other scripts' digits in.
    private static boolean isAsciiDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isCheckCharacterShape(char c) {
        return (c >= '0' && c <= '9') || c == 'X';
    }

    /** The normalised number: trimmed, with an upper-case X. */
    public String value() {
        return value;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    /** The last six characters, as commonly used to confirm identity. */
    public String lastSix() {
        return value.substring(LENGTH - 6);
    }

    /** The first four and last four characters with the ten between hidden, e.g. {@code 1101**********123X}. */
    public String masked() {
        return PersonalData.maskIdNumber(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdentityNumber other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return masked();
    }
}
