package org.anning.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.OptionalLong;

import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;

class TotpTests {

    // RFC 6238 Appendix B uses the ASCII seed "12345678901234567890" for SHA1.
    private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    private static final Instant NOW = Instant.ofEpochSecond(1111111109L);
    private static final long NO_STEP_USED = Long.MIN_VALUE;

    @Test
    void decodesRfcSecretToRfcSeed() {
        // Guards the vectors below: they only mean something if the Base32 secret is the RFC seed.
        assertThat(new Base32().decode(RFC_SECRET)).isEqualTo("12345678901234567890".getBytes());
    }

    @Test
    void matchesRfc6238Vectors() {
        // The RFC lists 8-digit codes; 6-digit codes are their last six digits.
        assertThat(codeAt(59L)).isEqualTo("287082");
        assertThat(codeAt(1111111109L)).isEqualTo("081804");
        assertThat(codeAt(1111111111L)).isEqualTo("050471");
        assertThat(codeAt(1234567890L)).isEqualTo("005924");
        assertThat(codeAt(2000000000L)).isEqualTo("279037");
    }

    @Test
    void computesStepAsThirtySecondPeriodsSinceEpoch() {
        assertThat(Totp.step(Instant.ofEpochSecond(0))).isZero();
        assertThat(Totp.step(Instant.ofEpochSecond(29))).isZero();
        assertThat(Totp.step(Instant.ofEpochSecond(30))).isEqualTo(1);
        assertThat(Totp.step(Instant.ofEpochSecond(59, 999_999_999))).isEqualTo(1);
        assertThat(Totp.step(NOW)).isEqualTo(37037036L);
    }

    @Test
    void acceptsCodeOfCurrentStep() {
        long current = Totp.step(NOW);

        assertThat(Totp.verify(RFC_SECRET, "081804", NOW, NO_STEP_USED)).isEqualTo(OptionalLong.of(current));
    }

    @Test
    void acceptsCodeOfPreviousStep() {
        long current = Totp.step(NOW);
        String previous = Totp.code(RFC_SECRET, current - 1);

        assertThat(Totp.verify(RFC_SECRET, previous, NOW, NO_STEP_USED)).isEqualTo(OptionalLong.of(current - 1));
    }

    @Test
    void acceptsCodeOfNextStep() {
        long current = Totp.step(NOW);
        String next = Totp.code(RFC_SECRET, current + 1);

        assertThat(Totp.verify(RFC_SECRET, next, NOW, NO_STEP_USED)).isEqualTo(OptionalLong.of(current + 1));
    }

    @Test
    void refusesCodeTwoStepsAway() {
        long current = Totp.step(NOW);

        assertThat(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, current - 2), NOW, NO_STEP_USED)).isEmpty();
        assertThat(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, current + 2), NOW, NO_STEP_USED)).isEmpty();
    }

    @Test
    void refusesCodeAlreadyUsed() {
        OptionalLong first = Totp.verify(RFC_SECRET, "081804", NOW, NO_STEP_USED);
        assertThat(first).isPresent();

        // The caller stores the returned step; the same code a few seconds later must be refused.
        assertThat(Totp.verify(RFC_SECRET, "081804", NOW.plusSeconds(5), first.getAsLong())).isEmpty();
    }

    @Test
    void refusesCodeOfStepEarlierThanLastUsed() {
        long current = Totp.step(NOW);
        String previous = Totp.code(RFC_SECRET, current - 1);

        // Once the current step was used, an older (still in-window) code is no longer good either.
        assertThat(Totp.verify(RFC_SECRET, previous, NOW, current)).isEmpty();
    }

    @Test
    void acceptsLaterCodeAfterEarlierOneWasUsed() {
        long current = Totp.step(NOW);
        String next = Totp.code(RFC_SECRET, current + 1);

        assertThat(Totp.verify(RFC_SECRET, next, NOW, current)).isEqualTo(OptionalLong.of(current + 1));
    }

    @Test
    void refusesWrongCode() {
        assertThat(Totp.verify(RFC_SECRET, "081805", NOW, NO_STEP_USED)).isEmpty();
    }

    @Test
    void acceptsCodeWithSurroundingAndInnerSpaces() {
        // Authenticator apps display codes as "081 804"; users copy them that way.
        assertThat(Totp.verify(RFC_SECRET, "081 804", NOW, NO_STEP_USED)).isPresent();
        assertThat(Totp.verify(RFC_SECRET, "  081804 \n", NOW, NO_STEP_USED)).isPresent();
    }

    @Test
    void refusesNonDigits() {
        assertThat(Totp.verify(RFC_SECRET, "08180a", NOW, NO_STEP_USED)).isEmpty();
        assertThat(Totp.verify(RFC_SECRET, "abcdef", NOW, NO_STEP_USED)).isEmpty();
        assertThat(Totp.verify(RFC_SECRET, "081-804", NOW, NO_STEP_USED)).isEmpty();
        assertThat(Totp.verify(RFC_SECRET, "+81804", NOW, NO_STEP_USED)).isEmpty();
        // Arabic-Indic digits for 081804: only ASCII digits are codes, other scripts are not normalised.
        assertThat(Totp.verify(RFC_SECRET, "\u0660\u0668\u0661\u0668\u0660\u0664", NOW, NO_STEP_USED)).isEmpty();
    }

    @Test
    void refusesCodeOfWrongLength() {
        assertThat(Totp.verify(RFC_SECRET, "", NOW, NO_STEP_USED)).isEmpty();
        assertThat(Totp.verify(RFC_SECRET, "81804", NOW, NO_STEP_USED)).isEmpty();
        // The 8-digit RFC code contains the 6-digit one but is not it.
        assertThat(Totp.verify(RFC_SECRET, "07081804", NOW, NO_STEP_USED)).isEmpty();
        assertThat(Totp.verify(RFC_SECRET, null, NOW, NO_STEP_USED)).isEmpty();
    }

    @Test
    void createsSecretsOfTwentyRandomBytesInUnpaddedUpperCaseBase32() {
        String secret = Totp.newSecret();

        assertThat(secret).hasSize(32).matches("[A-Z2-7]+");
        assertThat(new Base32().decode(secret)).hasSize(20);
        assertThat(Totp.newSecret()).isNotEqualTo(secret);
    }

    @Test
    void acceptsCodeGeneratedFromNewSecret() {
        String secret = Totp.newSecret();
        Instant now = Instant.now();

        assertThat(Totp.verify(secret, Totp.code(secret, Totp.step(now)), now, NO_STEP_USED))
                .isEqualTo(OptionalLong.of(Totp.step(now)));
    }

    @Test
    void acceptsSecretTypedInLowerCaseWithSpaces() {
        assertThat(Totp.code("gezd gnbv gy3t qojq gezd gnbv gy3t qojq", 1)).isEqualTo("287082");
    }

    @Test
    void buildsOtpauthUriWithPercentEncodedLabel() {
        String uri = Totp.otpauthUri("Anning Housing", "ann.lee@example.org", RFC_SECRET);

        assertThat(uri).isEqualTo("otpauth://totp/Anning%20Housing:ann.lee%40example.org"
                + "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Anning%20Housing"
                + "&algorithm=SHA1&digits=6&period=30");
    }

    @Test
    void encodesColonsAndNonAsciiInOtpauthLabel() {
        // A colon inside the issuer would otherwise be read as the issuer/account separator.
        String uri = Totp.otpauthUri("A:B", "zoë", RFC_SECRET);

        assertThat(uri).startsWith("otpauth://totp/A%3AB:zo%C3%AB?").contains("&issuer=A%3AB&");
    }

    private static String codeAt(long epochSecond) {
        return Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(epochSecond)));
    }
}
