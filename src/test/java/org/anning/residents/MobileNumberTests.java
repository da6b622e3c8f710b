package org.anning.residents;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MobileNumberTests {

	@ParameterizedTest
	@ValueSource(strings = { "13812345678", "138 1234 5678", "138-1234-5678", " 138 1234-5678 ", "138\u30001234\u30005678",
			"138－1234－5678" })
	void ignoresSpacesAndHyphensPeopleTypeBetweenTheDigits(String raw) {
		assertThat(MobileNumber.parse(raw)).map(MobileNumber::value).contains("13812345678");
	}

	@Test
	void acceptsEveryPrefixFrom13To19() {
		for (int second = 3; second <= 9; second++) {
			assertThat(MobileNumber.parse("1" + second + "012345678")).isPresent();
		}
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", "   ", "12812345678", "10812345678", "23812345678", "1381234567", "138123456789",
			"1381234567a", "+8613812345678", "１３８１２３４５６７８" })
	void rejectsAnythingButElevenAsciiDigitsStartingWith13To19(String raw) {
		assertThat(MobileNumber.parse(raw)).isEmpty();
	}

	@Test
	void masksAllButTheFirstThreeAndLastFourDigits() {
		MobileNumber mobile = MobileNumber.parse("13812345678").orElseThrow();

		assertThat(mobile.masked()).isEqualTo("138****5678");
		assertThat(mobile.toString()).isEqualTo("138****5678");
	}

	@Test
	void cannotBeMadeFromAnInvalidValue() {
		assertThatIllegalArgumentException().isThrownBy(() -> new MobileNumber("138 1234 5678"));
	}
}
