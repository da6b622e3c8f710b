package org.anning.privacy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The environment variables the README names reach the settings. */
class PrivacySettingsTests {

	@Test
	void environmentVariablesChooseTheCipherAndGiveTheKeys() {
		String key = TestKeys.base64();
		String indexKey = TestKeys.base64();

		PrivacySettings settings = bind(Map.of("ANNING_PRIVACY_CIPHER", "SM4-GCM", "ANNING_PRIVACY_KEY", key,
				"ANNING_PRIVACY_INDEX_KEY", indexKey));

		assertThat(settings.cipher()).isEqualTo("sm4-gcm");
		assertThat(settings.key()).isEqualTo(key);
		assertThat(settings.indexKey()).isEqualTo(indexKey);
	}

	@Test
	void withoutConfigurationTheCipherIsAesGcmAndNoKeyIsSet() {
		PrivacySettings settings = bind(Map.of());

		assertThat(settings.cipher()).isEqualTo("aes-gcm");
		assertThat(settings.hasKey()).isFalse();
		assertThat(settings.hasIndexKey()).isFalse();
	}

	@Test
	void theConfiguredCipherSealsNewValues() {
		PrivacySettings settings = bind(Map.of("ANNING_PRIVACY_CIPHER", "sm4-gcm"));
		PersonalData data = TestKeys.personalData(settings.cipher(), TestKeys.keys());

		byte[] sealed = data.seal("resident.mobile", "13800000001").ciphertext();

		assertThat(sealed[1]).as("cipher id in the header").isEqualTo((byte) new Sm4Gcm().id());
		assertThat(data.open("resident.mobile", sealed)).isEqualTo("13800000001");
		assertThat(data.index("resident.mobile", "13800000001")).startsWith("2.");
	}

	private static PrivacySettings bind(Map<String, Object> environment) {
		var source = new SystemEnvironmentPropertySource("environment", environment);
		return new Binder(ConfigurationPropertySources.from(source)).bindOrCreate("anning.privacy",
				PrivacySettings.class);
	}
}
