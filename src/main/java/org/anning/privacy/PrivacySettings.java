package org.anning.privacy;

import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * How personal data is protected: {@code cipher} seals new values ({@code aes-gcm} by default, or
 * {@code sm4-gcm}); {@code key} and {@code indexKey} are 32 bytes each in base64 ({@code ANNING_PRIVACY_KEY},
 * {@code ANNING_PRIVACY_INDEX_KEY}). Without them, keys are generated into the data directory where that is
 * allowed (see {@link PrivacyKeys}).
 */
@ConfigurationProperties("anning.privacy")
record PrivacySettings(String cipher, String key, String indexKey) {

	static final String KEY_VARIABLE = "ANNING_PRIVACY_KEY";

	static final String INDEX_KEY_VARIABLE = "ANNING_PRIVACY_INDEX_KEY";

	static final String CIPHER_VARIABLE = "ANNING_PRIVACY_CIPHER";

	PrivacySettings {
		cipher = StringUtils.hasText(cipher) ? cipher.strip().toLowerCase(Locale.ROOT) : AesGcm.NAME;
	}

	boolean hasKey() {
		return StringUtils.hasText(key);
	}

	boolean hasIndexKey() {
		return StringUtils.hasText(indexKey);
	}

	/** Never shows the keys: settings end up in logs and failure reports. */
	@Override
	public String toString() {
		return "PrivacySettings[cipher=" + cipher + ", key=" + (hasKey() ? "(set)" : "(not set)") + ", indexKey="
				+ (hasIndexKey() ? "(set)" : "(not set)") + "]";
	}
}
