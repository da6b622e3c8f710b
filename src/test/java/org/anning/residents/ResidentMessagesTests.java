package org.anning.residents;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A resident whose identity number is refused learns exactly why, in both languages. */
class ResidentMessagesTests {

	@Test
	void everyReasonToRefuseAnIdentityNumberHasItsOwnMessage() throws IOException {
		Properties zh = load("i18n/residents.properties");
		Properties en = load("i18n/residents_en.properties");
		List<String> texts = new ArrayList<>();
		for (IdentityNumber.Reason reason : IdentityNumber.Reason.values()) {
			String key = "residents.idNumber." + reason.name();
			assertThat(zh).containsKey(key);
			assertThat(en).containsKey(key);
			texts.add(zh.getProperty(key));
		}
		assertThat(texts).doesNotHaveDuplicates();
	}

	private static Properties load(String path) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = ResidentMessagesTests.class.getClassLoader().getResourceAsStream(path)) {
			assertThat(in).as(path).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}
}
