package org.anning.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Password rules in the spirit of NIST SP 800-63B: a length range and a block list of
 * common passwords, no composition rules. Length is counted in Unicode code points, so a
 * password of Chinese characters or emoji is measured as a person sees it, and passwords
 * are never truncated.
 *
 * <p>The block list ({@value #COMMON_PASSWORDS_RESOURCE}) holds the most frequent 8+ character
 * entries of zxcvbn's password frequency list (Dropbox, MIT licence) plus systematic patterns
 * common in Chinese leaks: pinyin names, 520/1314 love numbers, birthdays, keyboard walks.
 */
public final class PasswordPolicy {

    /** What is wrong with a password, in the order the checks run. */
    public enum Problem { EMPTY, TOO_SHORT, TOO_LONG, COMMON }

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;
    static final String COMMON_PASSWORDS_RESOURCE = "/org/anning/accounts/common-passwords.txt";

    private PasswordPolicy() {
    }

    /** The first problem with the password, or empty if it is acceptable. */
    public static Optional<Problem> check(String password) {
        // A blank password is almost certainly a form mistake, not a choice worth counting.
        if (password == null || password.isBlank()) {
            return Optional.of(Problem.EMPTY);
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of(Problem.TOO_SHORT);
        }
        if (length > MAX_LENGTH) {
            return Optional.of(Problem.TOO_LONG);
        }
        if (isCommon(password)) {
            return Optional.of(Problem.COMMON);
        }
        return Optional.empty();
    }

    /** Whether the password, ignoring case, is on the common-password list. */
    public static boolean isCommon(String password) {
        return password != null && CommonPasswords.SET.contains(password.toLowerCase(Locale.ROOT));
    }

    /** Holder idiom: the list is read once, on first use, thread-safely. */
    private static final class CommonPasswords {
        static final Set<String> SET = load();

        private static Set<String> load() {
            InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_PASSWORDS_RESOURCE);
            // Fail loudly: silently accepting every password would be worse than not starting.
            if (in == null) {
                throw new IllegalStateException("Missing resource " + COMMON_PASSWORDS_RESOURCE);
            }
            Set<String> set = new HashSet<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (!line.isEmpty()) {
                        set.add(line.toLowerCase(Locale.ROOT));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Set.copyOf(set);
        }
    }
}
