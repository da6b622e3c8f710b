package org.anning.privacy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.stream.Stream;

import javax.crypto.AEADBadTagException;

import org.anning.privacy.spi.FieldCipher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The two providers compute what the standards say, and refuse what they did not seal. */
class FieldCipherTests {

	static final HexFormat HEX = HexFormat.of();

	static Stream<FieldCipher> ciphers() {
		return Stream.of(new AesGcm(), new Sm4Gcm());
	}

	@Test
	void aesGcmMatchesTheNistTestVectorForA256BitKey() {
		// GCM specification (McGrew and Viega), test case 14: zero key, zero nonce, one zero block.
		byte[] sealed = new AesGcm().encrypt(new byte[32], new byte[12], new byte[16], new byte[0]);

		assertThat(HEX.formatHex(sealed))
			.isEqualTo("cea7403d4d606b6e074ec5d3baf39d18" + "d0d1c8a799996bf0265b98b5d48ab919");
	}

	@Test
	void sm4GcmMatchesTheTestVectorOfRfc8998() {
		byte[] key = HEX.parseHex("0123456789abcdeffedcba9876543210");
		byte[] nonce = HEX.parseHex("00001234567800000000abcd");
		byte[] associatedData = HEX.parseHex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
		byte[] plaintext = HEX.parseHex("aaaaaaaaaaaaaaaabbbbbbbbbbbbbbbbccccccccccccccccdddddddddddddddd"
				+ "eeeeeeeeeeeeeeeeffffffffffffffffeeeeeeeeeeeeeeeeaaaaaaaaaaaaaaaa");

		byte[] sealed = new Sm4Gcm().encrypt(key, nonce, plaintext, associatedData);

		assertThat(HEX.formatHex(sealed)).isEqualTo("17f399f08c67d5ee19d0dc9969c4bb7d5fd46fd3756489069157b282bb200735"
				+ "d82710ca5c22f0ccfa7cbf93d496ac15a56834cbcf98c397b4024a2691233b8d" + "83de3541e4c2b58177e065a9bf7b62ec");
	}

	@Test
	void aesGcmIndexesWithHmacSha256() {
		// RFC 4231, test case 2.
		byte[] mac = new AesGcm().mac("Jefe".getBytes(StandardCharsets.US_ASCII),
				"what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII));

		assertThat(HEX.formatHex(mac)).isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
	}

	@Test
	void sm4GcmIndexesWithAnotherHashThanAesGcm() {
		byte[] key = new byte[32];
		byte[] message = "11010519491231002X".getBytes(StandardCharsets.US_ASCII);

		assertThat(new Sm4Gcm().mac(key, message)).hasSize(32).isNotEqualTo(new AesGcm().mac(key, message));
	}

	@Test
	void sm4UsesSixteenBytesDerivedFromTheConfiguredKeyNotCutFromIt() {
		byte[] configured = HEX.parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

		byte[] key = new Sm4Gcm().key(configured);

		assertThat(key).hasSize(16).isNotEqualTo(java.util.Arrays.copyOf(configured, 16));
		assertThat(new AesGcm().key(configured)).isEqualTo(configured);
	}

	@ParameterizedTest
	@MethodSource("ciphers")
	void opensWhatItSealed(FieldCipher cipher) throws AEADBadTagException {
		byte[] key = cipher.key(new byte[32]);
		byte[] sealed = cipher.encrypt(key, new byte[12], bytes("13800000001"), bytes("resident.mobile"));

		assertThat(new String(cipher.decrypt(key, new byte[12], sealed, bytes("resident.mobile")), StandardCharsets.UTF_8))
			.isEqualTo("13800000001");
	}

	@ParameterizedTest
	@MethodSource("ciphers")
	void refusesOtherAssociatedDataAndChangedCiphertext(FieldCipher cipher) {
		byte[] key = cipher.key(new byte[32]);
		byte[] sealed = cipher.encrypt(key, new byte[12], bytes("13800000001"), bytes("resident.mobile"));

		assertThatExceptionOfType(AEADBadTagException.class)
			.isThrownBy(() -> cipher.decrypt(key, new byte[12], sealed, bytes("resident.id_number")));
		sealed[0] ^= 1;
		assertThatExceptionOfType(AEADBadTagException.class)
			.isThrownBy(() -> cipher.decrypt(key, new byte[12], sealed, bytes("resident.mobile")));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}
}
