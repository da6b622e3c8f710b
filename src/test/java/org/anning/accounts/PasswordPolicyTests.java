package org.anning.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.anning.accounts.PasswordPolicy.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTests {

    private static final String GRINNING_FACE = "\uD83D\uDE00"; // one code point, two chars

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "        ", "\t\n"})
    void rejectsMissingOrBlankPasswordAsEmpty(String password) {
        assertThat(PasswordPolicy.check(password)).contains(Problem.EMPTY);
    }

    @Test
    void rejectsSevenCharacters() {
        assertThat(PasswordPolicy.check("Tz8#qLw")).contains(Problem.TOO_SHORT);
    }

    @Test
    void acceptsEightCharacters() {
        assertThat(PasswordPolicy.check("Tz8#qLw!")).isEmpty();
    }

    @Test
    void countsCodePointsNotUtf16Chars() {
        // Seven emoji are fourteen Java chars but only seven characters to the person typing them.
        assertThat(PasswordPolicy.check(GRINNING_FACE.repeat(7))).contains(Problem.TOO_SHORT);
        assertThat(PasswordPolicy.check(GRINNING_FACE.repeat(8))).isEmpty();
    }

    @Test
    void acceptsChinesePassphrase() {
        assertThat(PasswordPolicy.check("安宁小区的春天很美")).isEmpty();
    }

    @Test
    void acceptsExactlyMaximumLength() {
        assertThat(PasswordPolicy.check("a".repeat(127) + "b")).isEmpty();
        assertThat(PasswordPolicy.check(GRINNING_FACE.repeat(PasswordPolicy.MAX_LENGTH))).isEmpty();
    }

    @Test
    void neverTruncatesLongPasswords() {
        String password = "x7Kp".repeat(32) + "!"; // 129 characters; its first 128 would pass

        assertThat(password.codePointCount(0, password.length())).isEqualTo(129);
        assertThat(PasswordPolicy.check(password.substring(0, 128))).isEmpty();
        assertThat(PasswordPolicy.check(password)).contains(Problem.TOO_LONG);
        assertThat(PasswordPolicy.check(GRINNING_FACE.repeat(129))).contains(Problem.TOO_LONG);
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "PassWord1", "P@SSW0RD", "QQ123456", "WoAiNi1314", "1QAZ2WSX",
            "Qwertyuiop", "ZhangWei123"})
    void rejectsCommonPasswordCaseInsensitively(String password) {
        assertThat(PasswordPolicy.isCommon(password)).isTrue();
        assertThat(PasswordPolicy.check(password)).contains(Problem.COMMON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456789", "12345678", "11111111", "88888888", "00000000", "12341234",
            "abcd1234", "a1234567", "aa123456", "5201314520", "1314520520", "zxcvbnm123", "asdfghjkl",
            "admin123", "passw0rd", "iloveyou", "sunshine1", "19880808", "wangjing123", "1q2w3e4r"})
    void rejectsWellKnownCommonPasswords(String password) {
        assertThat(PasswordPolicy.check(password)).contains(Problem.COMMON);
    }

    @Test
    void reportsLengthBeforeCommonness() {
        // "123456" is the most common password of all, but it is first of all too short.
        assertThat(PasswordPolicy.check("123456")).contains(Problem.TOO_SHORT);
    }

    @Test
    void isCommonIsFalseForNullAndUncommonPasswords() {
        assertThat(PasswordPolicy.isCommon(null)).isFalse();
        assertThat(PasswordPolicy.isCommon("anning-resident-7Kp")).isFalse();
    }

    @Test
    void commonPasswordListIsLargeSortedLowerCaseAndLongEnoughToMatter() throws IOException {
        List<String> lines;
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(PasswordPolicy.COMMON_PASSWORDS_RESOURCE)) {
            assertThat(in).isNotNull();
            lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
        }

        assertThat(lines).hasSizeGreaterThanOrEqualTo(1_000).doesNotHaveDuplicates().isSorted();
        assertThat(lines).allSatisfy(line -> {
            assertThat(line).isEqualTo(line.toLowerCase(Locale.ROOT)).isEqualTo(line.strip());
            assertThat(line.codePointCount(0, line.length())).isBetween(PasswordPolicy.MIN_LENGTH,
                    PasswordPolicy.MAX_LENGTH);
            assertThat(PasswordPolicy.check(line.toUpperCase(Locale.ROOT))).contains(Problem.COMMON);
        });
    }
}
