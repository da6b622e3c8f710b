package org.anning.privacy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/** Keys and a {@link PersonalData} for unit tests, without Spring. */
final class TestKeys {

	private TestKeys() {
	}

	static byte[] random() {
		byte[] key = new byte[PrivacyKeys.LENGTH];
		new SecureRandom().nextBytes(key);
		return key;
	}

	static String base64() {
		return Base64.getEncoder().encodeToString(random());
	}

	static PrivacyKeys keys() {
		return new PrivacyKeys(random(), random());
	}

	static PersonalData personalData(String cipher, PrivacyKeys keys) {
		return new PersonalData(new PrivacySettings(cipher, null, null), keys, List.of(new AesGcm(), new Sm4Gcm()));
	}
}
