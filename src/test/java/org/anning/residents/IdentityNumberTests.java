package org.anning.residents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.Random;

import org.anning.residents.IdentityNumber.Invalid;
import org.anning.residents.IdentityNumber.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdentityNumberTests {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);
    private static final String SAMPLE = "11010519491231002X";

    /** A fictional number made valid with the production check-character routine. */
    private static String valid(String first17) {
        return first17 + IdentityNumber.checkCharacter(first17);
    }

    private static Reason reasonFor(String raw) {
        Invalid invalid = catchThrowableOfType(Invalid.class, () -> IdentityNumber.parse(raw, TODAY));
        assertThat(invalid).as("expected %s to be rejected", raw).isNotNull();
        return invalid.reason();
    }

    @Test
    void acceptsWellKnownSampleNumber() {
        IdentityNumber id = IdentityNumber.parse(SAMPLE, TODAY);

        assertThat(id.value()).isEqualTo(SAMPLE);
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
    }

    @Test
    void computesCheckCharacterOfWellKnownSamples() {
        assertThat(IdentityNumber.checkCharacter("11010519491231002")).isEqualTo('X');
        // The example printed in GB 11643-1999 itself.
        assertThat(IdentityNumber.checkCharacter("44052418800101001")).isEqualTo('4');
    }

    @Test
    void checkCharacterSatisfiesIso7064Mod11Radix2() {
        // Independent formulation: with X = 10, sum of digit * 2^(position from the right) ≡ 1 (mod 11).
        Random random = new Random(20250615);
        for (int n = 0; n < 1_000; n++) {
            StringBuilder first17 = new StringBuilder();
            for (int i = 0; i < 17; i++) {
                first17.append((char) ('0' + random.nextInt(10)));
            }
            String number = valid(first17.toString());
            int sum = 0;
            for (int i = 0; i < 18; i++) {
                char c = number.charAt(i);
                int digit = c == 'X' ? 10 : c - '0';
                sum += digit * (1 << (17 - i)) % 11;
            }
            assertThat(sum % 11).as(number).isEqualTo(1);
        }
    }

    @Test
    void acceptsLowerCaseXAsCheckCharacter() {
        IdentityNumber id = IdentityNumber.parse("11010519491231002x", TODAY);

        assertThat(id.value()).isEqualTo(SAMPLE);
    }

    @Test
    void trimsSurroundingWhitespaceIncludingIdeographicSpace() {
        assertThat(IdentityNumber.parse("  " + SAMPLE + "\t\n", TODAY).value()).isEqualTo(SAMPLE);
        assertThat(IdentityNumber.parse("\u3000" + SAMPLE + "\u3000", TODAY).value()).isEqualTo(SAMPLE);
    }

    @Test
    void acceptsComputedNumberAndRejectsEveryOtherCheckCharacter() {
        String number = valid("32010619851117123");
        assertThat(IdentityNumber.parse(number, TODAY).value()).isEqualTo(number);

        for (char wrong : "0123456789X".toCharArray()) {
            if (wrong != number.charAt(17)) {
                assertThat(reasonFor(number.substring(0, 17) + wrong)).isEqualTo(Reason.CHECK_CHARACTER);
            }
        }
    }

    @Test
    void rejectsWrongCheckCharacter() {
        assertThat(reasonFor("110105194912310021")).isEqualTo(Reason.CHECK_CHARACTER);
    }

    @Test
    void rejectsSwappedDigitsThroughCheckCharacter() {
        // MOD 11-2 catches transpositions of neighbouring digits: the sequence 123 typed as 132.
        String number = valid("32010619851117123");
        String swapped = number.substring(0, 15) + "32" + number.charAt(17);

        assertThat(reasonFor(swapped)).isEqualTo(Reason.CHECK_CHARACTER);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\t\n", "\u3000"})
    void rejectsMissingValueAsEmpty(String raw) {
        assertThat(reasonFor(raw)).isEqualTo(Reason.EMPTY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"11010519491231002", "11010519491231002X1", "110105", "11010519491231 002X"})
    void rejectsAnythingButEighteenCharacters(String raw) {
        assertThat(reasonFor(raw)).isEqualTo(Reason.LENGTH);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "1101051949123100XX", // X only allowed last
            "11010519491231002Y",
            "A1010519491231002X",
            "110105-19491231-02",
            "１１０１０５１９４９１２３１００２X" // full-width digits
    })
    void rejectsCharactersOtherThanDigitsAndFinalX(String raw) {
        assertThat(reasonFor(raw)).isEqualTo(Reason.CHARACTERS);
    }

    @Test
    void rejectsAreaCodeStartingWithZero() {
        assertThat(reasonFor(valid("01010519491231002"))).isEqualTo(Reason.AREA);
    }

    @Test
    void acceptsHongKongResidencePermitNumber() {
        String number = valid("81000019900101123");

        assertThat(IdentityNumber.parse(number, TODAY).birthDate()).isEqualTo(LocalDate.of(1990, 1, 1));
    }

    @Test
    void acceptsMacaoAndTaiwanResidencePermitNumbers() {
        assertThat(IdentityNumber.parse(valid("82000019880808456"), TODAY).value()).startsWith("820000");
        assertThat(IdentityNumber.parse(valid("83000020010228789"), TODAY).value())
                .startsWith("830000");
    }

    @Test
    void acceptsForeignPermanentResidenceCardNumberStartingWithNine() {
        String number = valid("91115619850315001");

        assertThat(IdentityNumber.parse(number, TODAY).value()).isEqualTo(number);
    }

    @Test
    void rejectsFebruary30() {
        assertThat(reasonFor(valid("11010519900230002"))).isEqualTo(Reason.BIRTH_DATE);
    }

    @Test
    void acceptsFebruary29OnlyInLeapYears() {
        assertThat(IdentityNumber.parse(valid("11010520000229002"), TODAY).birthDate())
                .isEqualTo(LocalDate.of(2000, 2, 29));
        assertThat(reasonFor(valid("11010519990229002"))).isEqualTo(Reason.BIRTH_DATE);
        // 1900 is divisible by 4 but is not a leap year.
        assertThat(reasonFor(valid("11010519000229002"))).isEqualTo(Reason.BIRTH_DATE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"19901301", "19900001", "19900100", "19900431", "00000000"})
    void rejectsImpossibleCalendarDates(String yyyymmdd) {
        assertThat(reasonFor(valid("110105" + yyyymmdd + "002"))).isEqualTo(Reason.BIRTH_DATE);
    }

    @Test
    void rejectsBirthDateInTheFuture() {
        assertThat(reasonFor(valid("11010520250616002"))).isEqualTo(Reason.BIRTH_DATE);
    }

    @Test
    void acceptsBirthDateOfToday() {
        assertThat(IdentityNumber.parse(valid("11010520250615002"), TODAY).birthDate()).isEqualTo(TODAY);
    }

    @Test
    void usesTheGivenTodayRatherThanTheSystemClock() {
        String number = valid("11010520250616002");

        assertThat(IdentityNumber.parse(number, TODAY.plusDays(1)).birthDate()).isEqualTo(TODAY.plusDays(1));
    }

    @Test
    void rejectsBirthDateBefore1900() {
        // The example in GB 11643-1999 has a correct check digit but an 1880 birth date.
        assertThat(reasonFor("440524188001010014")).isEqualTo(Reason.BIRTH_DATE);
        assertThat(reasonFor(valid("11010518991231002"))).isEqualTo(Reason.BIRTH_DATE);
        assertThat(IdentityNumber.parse(valid("11010519000101002"), TODAY).birthDate())
                .isEqualTo(LocalDate.of(1900, 1, 1));
    }

    @Test
    void reportsTheFirstFailingReasonInOrder() {
        // Bad area, impossible date and wrong check character: area is checked first.
        assertThat(reasonFor("010105199002300021")).isEqualTo(Reason.AREA);
        // Impossible date and wrong check character: the date is checked before the check character.
        String badDate = "11010519900230002";
        char wrong = IdentityNumber.checkCharacter(badDate) == '0' ? '1' : '0';
        assertThat(reasonFor(badDate + wrong)).isEqualTo(Reason.BIRTH_DATE);
        // Length is checked before characters.
        assertThat(reasonFor("ABC")).isEqualTo(Reason.LENGTH);
    }

    @Test
    void masksAllButTheFirstFourAndLastFour() {
        IdentityNumber id = IdentityNumber.parse(SAMPLE, TODAY);

        assertThat(id.masked()).isEqualTo("1101**********002X").hasSize(18);
    }

    @Test
    void toStringNeverRevealsTheFullNumber() {
        IdentityNumber id = IdentityNumber.parse(SAMPLE, TODAY);

        assertThat(id.toString()).isEqualTo(id.masked()).doesNotContain("1949");
    }

    @Test
    void rejectionMessageNeverContainsTheNumber() {
        Invalid invalid = catchThrowableOfType(Invalid.class,
                () -> IdentityNumber.parse("110105194912310021", TODAY));

        assertThat(invalid.getMessage()).doesNotContain("11010519491231");
    }

    @Test
    void exposesLastSixCharacters() {
        assertThat(IdentityNumber.parse(SAMPLE, TODAY).lastSix()).isEqualTo("31002X");
    }

    @Test
    void equalityFollowsTheNormalisedValue() {
        IdentityNumber upper = IdentityNumber.parse(SAMPLE, TODAY);
        IdentityNumber lower = IdentityNumber.parse(" 11010519491231002x ", TODAY);
        IdentityNumber other = IdentityNumber.parse(valid("81000019900101123"), TODAY);

        assertThat(lower).isEqualTo(upper).hasSameHashCodeAs(upper).isNotEqualTo(other);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "1101051949123100", "110105194912310021", "1101051949123100X"})
    void checkCharacterRequiresExactlySeventeenDigits(String first17) {
        assertThatIllegalArgumentException().isThrownBy(() -> IdentityNumber.checkCharacter(first17));
    }
}
