package org.anning.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text exists in Simplified Chinese and English, and templates take their text from the bundles.
 */
class MessageBundleTests {

	static final Path RESOURCES = Path.of("src/main/resources");

	@Test
	void everyChineseBundleHasAnEnglishTwinWithTheSameKeys() throws IOException {
		List<Path> chinese = bundles().filter(p -> !p.getFileName().toString().endsWith("_en.properties")).toList();
		assertThat(chinese).isNotEmpty();
		for (Path zh : chinese) {
			Path en = zh.resolveSibling(zh.getFileName().toString().replace(".properties", "_en.properties"));
			assertThat(en).as("English twin of " + zh).exists();
			assertThat(load(en).stringPropertyNames()).as("keys of " + en)
				.containsExactlyInAnyOrderElementsOf(load(zh).stringPropertyNames());
		}
	}

	@Test
	void noKeyIsDefinedInTwoBundles() throws IOException {
		List<String> seen = new ArrayList<>();
		for (Path zh : bundles().filter(p -> !p.getFileName().toString().endsWith("_en.properties")).toList()) {
			for (String key : load(zh).stringPropertyNames()) {
				assertThat(seen).as("key " + key + " again in " + zh).doesNotContain(key);
				seen.add(key);
			}
		}
	}

	@Test
	void englishBundlesContainNoChineseText() throws IOException {
		for (Path en : bundles().filter(p -> p.getFileName().toString().endsWith("_en.properties")).toList()) {
			Properties properties = load(en);
			for (String key : properties.stringPropertyNames()) {
				assertThat(properties.getProperty(key)).as(key + " in " + en).doesNotContainPattern("\\p{IsHan}");
			}
		}
	}

	@Test
	void everyMessageKeyInTheTemplatesExistsInBothLanguages() throws IOException {
		Properties zh = new Properties();
		Properties en = new Properties();
		for (Path bundle : bundles().toList()) {
			(bundle.getFileName().toString().endsWith("_en.properties") ? en : zh).putAll(load(bundle));
		}
		Pattern key = Pattern.compile("#\\{([A-Za-z0-9_.]+)[}(]");
		List<String> missing = new ArrayList<>();
		try (Stream<Path> templates = Files.walk(RESOURCES.resolve("templates"))) {
			for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
				Matcher keys = key.matcher(Files.readString(template));
				while (keys.find()) {
					if (!zh.containsKey(keys.group(1)) || !en.containsKey(keys.group(1))) {
						missing.add(template.getFileName() + ": " + keys.group(1));
					}
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	/** Text between tags must be replaced (th:text, th:utext, th:replace); a lang attribute marks a deliberate exception. */
	@Test
	void templatesHaveNoHardCodedText() throws IOException {
		Pattern afterOpeningTag = Pattern.compile("<([a-zA-Z][^>]*)>([^<]+)");
		Pattern afterClosingTag = Pattern.compile("</[^>]+>([^<]+)");
		List<String> offences = new ArrayList<>();
		try (Stream<Path> templates = Files.walk(RESOURCES.resolve("templates"))) {
			for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
				String html = Files.readString(template).replaceAll("(?s)<!--.*?-->", "");
				Matcher open = afterOpeningTag.matcher(html);
				while (open.find()) {
					String tag = open.group(1);
					if (hasWords(open.group(2)) && !tag.matches("(?s).*th:(text|utext|replace|errors)=.*")
							&& !tag.contains("lang=") && !tag.startsWith("script") && !tag.startsWith("style")) {
						offences.add(template.getFileName() + ": <" + tag + "> " + open.group(2).strip());
					}
				}
				Matcher close = afterClosingTag.matcher(html);
				while (close.find()) {
					if (hasWords(close.group(1))) {
						offences.add(template.getFileName() + ": after closing tag: " + close.group(1).strip());
					}
				}
			}
		}
		assertThat(offences).isEmpty();
	}

	private static boolean hasWords(String text) {
		return text.codePoints().anyMatch(Character::isLetter);
	}

	private static Stream<Path> bundles() throws IOException {
		List<Path> all = new ArrayList<>();
		try (Stream<Path> files = Files.walk(RESOURCES)) {
			files.filter(p -> p.toString().endsWith(".properties"))
				.filter(p -> p.getFileName().toString().startsWith("messages")
						|| p.getParent().getFileName().toString().equals("i18n"))
				.forEach(all::add);
		}
		return all.stream();
	}

	private static Properties load(Path path) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = Files.newInputStream(path)) {
			properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}
}
