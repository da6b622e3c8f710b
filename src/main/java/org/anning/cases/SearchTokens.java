package org.anning.cases;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The tokens full-text search matches on, the same for stored text and for queries: every Chinese character and
 * every pair of adjacent Chinese characters (Chinese has no spaces between words), and every run of other letters
 * or digits as one lower-case word. Stored as a text array with a GIN index and matched with {@code @>}, so it
 * works the same whatever the database's locale; a case number such as {@code AJ-2025-000123} becomes
 * {@code aj}, {@code 2025}, {@code 000123}, which SQL can reproduce with
 * {@code regexp_split_to_array(lower(number), '[^a-z0-9]+')} for imported numbers.
 */
public final class SearchTokens {

	/** More tokens than this from one text are dropped (the longest narratives). */
	static final int MAX_TOKENS = 4000;

	private SearchTokens() {
	}

	public static Set<String> of(String... texts) {
		Set<String> tokens = new LinkedHashSet<>();
		for (String text : texts) {
			if (text != null) {
				add(tokens, text);
			}
		}
		return tokens;
	}

	private static void add(Set<String> tokens, String text) {
		String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		int previousHan = -1;
		StringBuilder word = new StringBuilder();
		for (int i = 0; i < s.length() && tokens.size() < MAX_TOKENS;) {
			int cp = s.codePointAt(i);
			i += Character.charCount(cp);
			if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
				flush(tokens, word);
				tokens.add(new String(Character.toChars(cp)));
				if (previousHan >= 0) {
					tokens.add(new String(Character.toChars(previousHan)) + new String(Character.toChars(cp)));
				}
				previousHan = cp;
			}
			else if (Character.isLetterOrDigit(cp)) {
				previousHan = -1;
				word.appendCodePoint(cp);
			}
			else {
				previousHan = -1;
				flush(tokens, word);
			}
		}
		flush(tokens, word);
	}

	private static void flush(Set<String> tokens, StringBuilder word) {
		if (!word.isEmpty()) {
			tokens.add(word.length() > 60 ? word.substring(0, 60) : word.toString());
			word.setLength(0);
		}
	}
}
