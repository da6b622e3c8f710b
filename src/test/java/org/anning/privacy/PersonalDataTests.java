package org.anning.privacy;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Sealing, opening, indexing and masking, with either cipher. */
class PersonalDataTests {

	static final String ID_NUMBER = "resident.id_number";

	static final String MOBILE = "resident.mobile";

	static final String NUMBER = "11010519491231002X";

	final PrivacyKeys keys = TestKeys.keys();

	@ParameterizedTest
	@ValueSource(strings = { "aes-gcm", "sm4-gcm" })
	void opensWhatItSealedForTheSameField(String cipher) {
		PersonalData data = TestKeys.personalData(cipher, keys);

		assertThat(data.open(ID_NUMBER, data.seal(ID_NUMBER, NUMBER).ciphertext())).isEqualTo(NUMBER);
		assertThat(data.open(MOBILE, data.seal(MOBILE, "13800000001").ciphertext())).isEqualTo("13800000001");
		assertThat(data.open("resident.name", data.seal("resident.name", "林晓梅 𠀀").ciphertext())).isEqualTo("林晓梅 𠀀");
	}

	@ParameterizedTest
	@ValueSource(strings = { "aes-gcm", "sm4-gcm" })
	void sealsWithAFreshNonceEachTimeButIndexesAlike(String cipher) {
		PersonalData data = TestKeys.personalData(cipher, keys);

		Sealed first = data.seal(ID_NUMBER, NUMBER);
		Sealed second = data.seal(ID_NUMBER, NUMBER);

		assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
		assertThat(nonce(first)).isNotEqualTo(nonce(second));
		assertThat(first.index()).isEqualTo(second.index());
	}

	@Test
	void theHeaderNamesFormatCipherAndKeyAndTheRestIsNonceCiphertextAndTag() {
		byte[] aes = TestKeys.personalData("aes-gcm", keys).seal(ID_NUMBER, NUMBER).ciphertext();
		byte[] sm4 = TestKeys.personalData("sm4-gcm", keys).seal(ID_NUMBER, NUMBER).ciphertext();

		assertThat(aes).hasSize(6 + 12 + NUMBER.length() + 16);
		assertThat(aes[0]).isEqualTo((byte) 1);
		assertThat(aes[1]).isEqualTo((byte) 1);
		assertThat(ByteBuffer.wrap(aes, 2, 4).getInt()).isEqualTo(keys.sealingId());
		assertThat(sm4).hasSize(aes.length);
		assertThat(sm4[1]).isEqualTo((byte) 2);
		assertThat(ByteBuffer.wrap(sm4, 2, 4).getInt()).isEqualTo(keys.sealingId());
	}

	@ParameterizedTest
	@ValueSource(strings = { "aes-gcm", "sm4-gcm" })
	void aChangeOfAnyBitIsRefused(String cipher) {
		PersonalData data = TestKeys.personalData(cipher, keys);
		byte[] sealed = data.seal(ID_NUMBER, NUMBER).ciphertext();

		for (int i = 0; i < sealed.length; i++) {
			byte[] tampered = sealed.clone();
			tampered[i] ^= 0x01;
			assertThatExceptionOfType(PersonalData.Unreadable.class).as("bit 0 of byte %d changed", i)
				.isThrownBy(() -> data.open(ID_NUMBER, tampered));
		}
		assertThatExceptionOfType(PersonalData.Unreadable.class)
			.isThrownBy(() -> data.open(ID_NUMBER, java.util.Arrays.copyOf(sealed, sealed.length - 1)));
		assertThatExceptionOfType(PersonalData.Unreadable.class).isThrownBy(() -> data.open(ID_NUMBER, new byte[3]));
	}

	@ParameterizedTest
	@ValueSource(strings = { "aes-gcm", "sm4-gcm" })
	void aValueSealedForOneFieldDoesNotOpenAsAnother(String cipher) {
		PersonalData data = TestKeys.personalData(cipher, keys);
		byte[] mobile = data.seal(MOBILE, "13800000001").ciphertext();

		PersonalData.Unreadable refused = catchThrowableOfType(PersonalData.Unreadable.class,
				() -> data.open(ID_NUMBER, mobile));

		assertThat(refused).hasMessage(
				"A sealed value of resident.id_number does not open: it was changed, or sealed for another field.");
		assertThat(refused.getMessage()).doesNotContain("13800000001");
	}

	@Test
	void aValueSealedWithAnotherKeyIsRefusedNamingBothKeysButNotTheirBytes() {
		PrivacyKeys other = TestKeys.keys();
		byte[] sealed = TestKeys.personalData("aes-gcm", other).seal(ID_NUMBER, NUMBER).ciphertext();

		assertThatExceptionOfType(PersonalData.Unreadable.class)
			.isThrownBy(() -> TestKeys.personalData("aes-gcm", keys).open(ID_NUMBER, sealed))
			.withMessageContaining("sealed with key %08x, not with the configured key %08x", other.sealingId(),
					keys.sealingId());
	}

	@Test
	void valuesSealedBeforeAChangeOfCipherStillOpen() {
		byte[] sealedWithSm4 = TestKeys.personalData("sm4-gcm", keys).seal(ID_NUMBER, NUMBER).ciphertext();
		byte[] sealedWithAes = TestKeys.personalData("aes-gcm", keys).seal(ID_NUMBER, NUMBER).ciphertext();

		assertThat(TestKeys.personalData("aes-gcm", keys).open(ID_NUMBER, sealedWithSm4)).isEqualTo(NUMBER);
		assertThat(TestKeys.personalData("sm4-gcm", keys).open(ID_NUMBER, sealedWithAes)).isEqualTo(NUMBER);
	}

	@ParameterizedTest
	@ValueSource(strings = { "aes-gcm", "sm4-gcm" })
	void theIndexIsDeterministicAndDiffersPerField(String cipher) {
		PersonalData data = TestKeys.personalData(cipher, keys);

		assertThat(data.index(ID_NUMBER, NUMBER)).isEqualTo(data.index(ID_NUMBER, NUMBER))
			.isEqualTo(TestKeys.personalData(cipher, keys).index(ID_NUMBER, NUMBER))
			.isNotEqualTo(data.index(MOBILE, NUMBER))
			.isNotEqualTo(data.index(ID_NUMBER, "110105194912310021"));
	}

	@Test
	void theIndexIgnoresSpellingsThatNormaliseAlike() {
		PersonalData data = TestKeys.personalData("aes-gcm", keys);

		assertThat(data.index(ID_NUMBER, " 11010519491231002x\u3000")).isEqualTo(data.index(ID_NUMBER, NUMBER));
		assertThat(data.index(MOBILE, fullWidth("13800000001"))).isEqualTo(data.index(MOBILE, "13800000001"));
	}

	@Test
	void theIndexNamesCipherAndIndexKeyAndNeverShowsTheValue() {
		String aes = TestKeys.personalData("aes-gcm", keys).index(ID_NUMBER, NUMBER);
		String sm4 = TestKeys.personalData("sm4-gcm", keys).index(ID_NUMBER, NUMBER);

		assertThat(aes).matches("1\\.%08x\\.[A-Za-z0-9_-]{43}".formatted(keys.indexId())).doesNotContain("19491231");
		assertThat(sm4).matches("2\\.%08x\\.[A-Za-z0-9_-]{43}".formatted(keys.indexId()));
		assertThat(aes.substring(11)).isNotEqualTo(sm4.substring(11));
	}

	@Test
	void theIndexDependsOnTheIndexKeyAloneNotOnTheSealingKey() {
		PrivacyKeys sameIndexKey = new PrivacyKeys(TestKeys.random(), keys.index());
		PrivacyKeys otherIndexKey = new PrivacyKeys(keys.sealing(), TestKeys.random());
		String index = TestKeys.personalData("aes-gcm", keys).index(ID_NUMBER, NUMBER);

		assertThat(TestKeys.personalData("aes-gcm", sameIndexKey).index(ID_NUMBER, NUMBER)).isEqualTo(index);
		assertThat(TestKeys.personalData("aes-gcm", otherIndexKey).index(ID_NUMBER, NUMBER)).isNotEqualTo(index);
	}

	@Test
	void sealSealsAndIndexesInOneGo() {
		PersonalData data = TestKeys.personalData("sm4-gcm", keys);

		Sealed sealed = data.seal(MOBILE, "13800000001");

		assertThat(sealed.index()).isEqualTo(data.index(MOBILE, "13800000001"));
		assertThat(data.open(MOBILE, sealed.ciphertext())).isEqualTo("13800000001");
		assertThat(sealed.toString()).doesNotContain("13800000001").contains(sealed.index());
	}

	@Test
	void storedDataUnderTheConfiguredKeysAndCipherIsAccepted() {
		Sealed stored = TestKeys.personalData("sm4-gcm", keys).seal(ID_NUMBER, NUMBER);

		assertThatNoException()
			.isThrownBy(() -> TestKeys.personalData("sm4-gcm", keys).requireConfiguredKeys(ID_NUMBER, stored));
	}

	@Test
	void storedDataIndexedWithAnotherCipherOrIndexKeyStopsStartUp() {
		Sealed underAes = TestKeys.personalData("aes-gcm", keys).seal(ID_NUMBER, NUMBER);
		Sealed underOtherIndexKey = TestKeys.personalData("sm4-gcm", new PrivacyKeys(keys.sealing(), TestKeys.random()))
			.seal(ID_NUMBER, NUMBER);
		PersonalData sm4 = TestKeys.personalData("sm4-gcm", keys);

		for (Sealed stored : java.util.List.of(underAes, underOtherIndexKey)) {
			PrivacyStartupException refused = catchThrowableOfType(PrivacyStartupException.class,
					() -> sm4.requireConfiguredKeys(ID_NUMBER, stored));
			assertThat(refused).hasMessage("The stored indexes of resident.id_number were made with another "
					+ "ANNING_PRIVACY_CIPHER or ANNING_PRIVACY_INDEX_KEY than the configured ones.");
			assertThat(refused.action()).startsWith("Set ANNING_PRIVACY_CIPHER and ANNING_PRIVACY_INDEX_KEY back");
		}
	}

	@Test
	void storedDataSealedWithAnotherKeyStopsStartUp() {
		Sealed stored = TestKeys.personalData("aes-gcm", new PrivacyKeys(TestKeys.random(), keys.index()))
			.seal(ID_NUMBER, NUMBER);

		assertThat(catchThrowableOfType(PrivacyStartupException.class,
				() -> TestKeys.personalData("aes-gcm", keys).requireConfiguredKeys(ID_NUMBER, stored)))
			.hasMessage("The stored values of resident.id_number were sealed with another ANNING_PRIVACY_KEY than the "
					+ "configured one.");
	}

	@Test
	void anUnknownCipherStopsStartUpNamingTheVariableAndTheChoices() {
		PrivacyStartupException refused = catchThrowableOfType(PrivacyStartupException.class,
				() -> TestKeys.personalData("des", keys));

		assertThat(refused).hasMessage("ANNING_PRIVACY_CIPHER names no cipher Anning knows: des.");
		assertThat(refused.action()).isEqualTo("Set ANNING_PRIVACY_CIPHER to one of: aes-gcm, sm4-gcm.");
	}

	@Test
	void masksIdentityNumbersToTheFirstFourAndLastFour() {
		assertThat(PersonalData.maskIdNumber("110105194912311234")).isEqualTo("1101**********1234");
		assertThat(PersonalData.maskIdNumber(NUMBER)).isEqualTo("1101**********002X");
		assertThat(PersonalData.maskIdNumber("1234567")).isEqualTo("*******");
		assertThat(PersonalData.maskIdNumber(null)).isNull();
	}

	@Test
	void masksMobileNumbersToTheFirstThreeAndLastFour() {
		assertThat(PersonalData.maskMobile("13812345678")).isEqualTo("138****5678");
		assertThat(PersonalData.maskMobile("1381234")).isEqualTo("*******");
		assertThat(PersonalData.maskMobile(null)).isNull();
	}

	/** The same digits as typed with a Chinese input method in full-width mode, e.g. １３８. */
	private static String fullWidth(String digits) {
		return digits.chars()
			.map(c -> c - '0' + '０')
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
	}

	private static byte[] nonce(Sealed sealed) {
		return java.util.Arrays.copyOfRange(sealed.ciphertext(), 6, 18);
	}
}
