package org.anning.accounts;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;

/**
 * Time-based one-time passwords (RFC 6238): HMAC-SHA1, 6 digits, 30-second step.
 * These are the parameters every common authenticator app assumes by default.
 */
public final class Totp {

    static final int DIGITS = 6;
    static final int PERIOD_SECONDS = 30;
    private static final int SECRET_BYTES = 20; // 160 bits, the HMAC-SHA1 block-friendly size RFC 4226 recommends
    private static final int MODULUS = 1_000_000; // 10^DIGITS
    private static final SecureRandom RANDOM = new SecureRandom();

    private Totp() {
    }

    /** A fresh random secret as upper-case, unpadded Base32 (what authenticator apps expect). */
    public static String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        // 20 bytes encode to exactly 32 characters, so there is no padding; strip defensively anyway.
        return new Base32().encodeToString(bytes).replace("=", "");
    }

    /** The time step (counter) for an instant: whole 30-second periods since the Unix epoch. */
    public static long step(Instant now) {
        return Math.floorDiv(now.getEpochSecond(), PERIOD_SECONDS);
    }

    /** The 6-digit, zero-padded code for a given time step. */
    public static String code(String base32Secret, long step) {
        byte[] hash = hmacSha1(decodeSecret(base32Secret), ByteBuffer.allocate(Long.BYTES).putLong(step).array());
        // Dynamic truncation, RFC 4226 section 5.3.
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24)
                | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8)
                | (hash[offset + 3] & 0xff);
        return String.format(Locale.ROOT, "%06d", binary % MODULUS);
    }

    /**
     * Checks a code typed by the user against the previous, current and next step
     * (to tolerate clock drift and typing time).
     *
     * @param lastUsedStep the step of the last code accepted for this secret; only later steps are
     *                     accepted, so a code cannot be replayed. Pass {@code Long.MIN_VALUE} if none.
     * @return the matched step, which the caller must store as the new {@code lastUsedStep};
     *         empty if the code is malformed, wrong, or already used
     */
    public static OptionalLong verify(String base32Secret, String code, Instant now, long lastUsedStep) {
        if (base32Secret == null || code == null || now == null) {
            return OptionalLong.empty();
        }
        String digits = code.strip().replace(" ", "");
        if (!isSixAsciiDigits(digits)) {
            return OptionalLong.empty();
        }
        byte[] given = digits.getBytes(StandardCharsets.US_ASCII);
        long current = step(now);
        long matched = Long.MIN_VALUE;
        boolean found = false;
        // Check every candidate without stopping early so timing does not reveal which step matched;
        // keep the latest match so that storing it also blocks any earlier step with the same code.
        for (long s = current - 1; s <= current + 1; s++) {
            boolean equal = MessageDigest.isEqual(code(base32Secret, s).getBytes(StandardCharsets.US_ASCII), given);
            if (equal && s > lastUsedStep) {
                matched = s;
                found = true;
            }
        }
        return found ? OptionalLong.of(matched) : OptionalLong.empty();
    }

    /**
     * The {@code otpauth://} URI that authenticator apps read from a QR code
     * (Google Authenticator key URI format).
     */
    public static String otpauthUri(String issuer, String account, String base32Secret) {
        return "otpauth://totp/" + encode(issuer) + ":" + encode(account)
                + "?secret=" + encode(base32Secret)
                + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + PERIOD_SECONDS;
    }

    private static boolean isSixAsciiDigits(String s) {
        if (s.length() != DIGITS) {
            return false;
        }
        // Not Character.isDigit: that would accept non-ASCII digits such as Arabic-Indic numerals.
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static byte[] decodeSecret(String base32Secret) {
        // Users may copy secrets in lower case or grouped with spaces; normalise before decoding.
        String normalised = base32Secret.replace(" ", "").toUpperCase(Locale.ROOT);
        byte[] key = new Base32().decode(normalised);
        if (key.length == 0) {
            throw new IllegalArgumentException("TOTP secret is empty or not Base32");
        }
        return key;
    }

    private static byte[] hmacSha1(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            // HmacSHA1 is mandatory on every Java platform, so this cannot happen in practice.
            throw new IllegalStateException("HmacSHA1 unavailable", e);
        }
    }

    private static String encode(String s) {
        // URLEncoder does form encoding (space as '+'); otpauth labels need %20.
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
