package org.anning.residents;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/** The portal takes every text from the bundles, and the Chinese and English bundles hold the same keys. */
class ResidentMessagesTests {

	private static final Pattern TEXT_AFTER_TAG = Pattern.compile("<([^>]*)>([^<]*)");

	private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)");

	@Test
	void chineseAndEnglishBundlesHoldTheSameKeys() throws IOException {
		assertThat(load("i18n/residents_en.properties").stringPropertyNames())
			.containsExactlyInAnyOrderElementsOf(load("i18n/residents.properties").stringPropertyNames());
	}

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

	@Test
	void everyMessageKeyOfTheTemplatesExistsInBothLanguages() throws IOException {
		Properties zh = load("messages.properties");
		zh.putAll(load("i18n/residents.properties"));
		Properties en = load("messages_en.properties");
		en.putAll(load("i18n/residents_en.properties"));
		for (Resource template : templates()) {
			Matcher keys = MESSAGE_KEY.matcher(template.getContentAsString(StandardCharsets.UTF_8));
			while (keys.find()) {
				assertThat(zh).as(template.getFilename()).containsKey(keys.group(1));
				assertThat(en).as(template.getFilename()).containsKey(keys.group(1));
			}
		}
	}

	@Test
	void templatesHoldNoTextOfTheirOwn() throws IOException {
		List<String> hardCoded = new ArrayList<>();
		for (Resource template : templates()) {
			String html = template.getContentAsString(StandardCharsets.UTF_8).replaceAll("(?s)<!--.*?-->", "");
			Matcher m = TEXT_AFTER_TAG.matcher(html);
			while (m.find()) {
				String tag = m.group(1);
				String text = m.group(2).strip();
				// Text inside an element whose content Thymeleaf replaces is only a preview for designers.
				boolean replaced = !tag.startsWith("/") && (tag.contains("th:text=") || tag.contains("th:utext=")
						|| tag.contains("th:errors="));
				if (!text.isEmpty() && !replaced) {
					hardCoded.add(template.getFilename() + ": " + text);
				}
			}
		}
		assertThat(hardCoded).isEmpty();
	}

	private static Resource[] templates() throws IOException {
		Resource[] templates = new PathMatchingResourcePatternResolver().getResources("classpath:templates/portal/*.html");
		assertThat(templates).hasSizeGreaterThanOrEqualTo(5);
		return templates;
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
