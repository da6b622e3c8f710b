package org.anning.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Writing PDF documents with Chinese text on any machine: the CJK font travels with the application
 * (WenQuanYi Micro Hei, {@code fonts/wqy-microhei.ttc} with its licence beside it, never a system font), and a
 * few helpers to measure, wrap and place text. The font file is parsed once and kept; each document gets its own
 * embedded subset, so a document carries only the glyphs it uses.
 */
public final class PdfDocuments {

	/** The font collection on the class path, and the face of it that documents use. */
	static final String FONT_RESOURCE = "fonts/wqy-microhei.ttc";

	static final String FACE = "WenQuanYiMicroHei";

	/** A4 portrait, in points. */
	public static final PDRectangle A4 = PDRectangle.A4;

	/** Written in place of a character the font has no glyph for. */
	static final String MISSING = "?";

	private static final Object LOCK = new Object();

	private static volatile TrueTypeFont face;

	private PdfDocuments() {
	}

	/**
	 * The CJK font for one document, embedded as a subset when the document is saved. Parses the font file on
	 * first use only; PDFBox needs a new font object per document for subsetting.
	 */
	public static PDFont font(PDDocument document) throws IOException {
		return PDType0Font.load(document, face(), true);
	}

	private static TrueTypeFont face() throws IOException {
		TrueTypeFont loaded = face;
		if (loaded == null) {
			synchronized (LOCK) {
				loaded = face;
				if (loaded == null) {
					loaded = load();
					face = loaded;
				}
			}
		}
		return loaded;
	}

	/** Kept open for the life of the application: the collection's fonts read their tables from it lazily. */
	private static TrueTypeFont load() throws IOException {
		ClassLoader loader = PdfDocuments.class.getClassLoader();
		try (InputStream in = loader.getResourceAsStream(FONT_RESOURCE)) {
			if (in == null) {
				throw new IOException("font missing from the class path: " + FONT_RESOURCE);
			}
			@SuppressWarnings("resource")
			TrueTypeCollection collection = new TrueTypeCollection(in);
			TrueTypeFont found = collection.getFontByName(FACE);
			if (found == null) {
				throw new IOException("no face " + FACE + " in " + FONT_RESOURCE);
			}
			return found;
		}
	}

	/**
	 * The text with every character the font cannot show replaced by a question mark, tabs and other control
	 * characters by spaces; line breaks are kept for {@link #wrap}.
	 */
	public static String printable(String text, PDFont font) {
		if (text == null || text.isEmpty()) {
			return "";
		}
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			i += Character.charCount(cp);
			if (cp == '\r') {
				if (i >= text.length() || text.charAt(i) != '\n') {
					out.append('\n');
				}
			}
			else if (cp == '\n') {
				out.append('\n');
			}
			else if (Character.isISOControl(cp) || Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
				out.append(' ');
			}
			else if (encodable(cp, font)) {
				out.appendCodePoint(cp);
			}
			else {
				out.append(MISSING);
			}
		}
		return out.toString();
	}

	private static boolean encodable(int codePoint, PDFont font) {
		try {
			font.encode(new String(Character.toChars(codePoint)));
			return true;
		}
		catch (IOException | IllegalArgumentException e) {
			return false;
		}
	}

	/** The width of the text in points at the given size. The text must be {@link #printable}. */
	public static float width(String text, PDFont font, float size) {
		try {
			return font.getStringWidth(text) / 1000f * size;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * The text broken into lines no wider than {@code width}: between any two Chinese characters, at spaces
	 * between Latin words (a word longer than a line is cut), and at every line break in the text. Closing
	 * punctuation never starts a line; it stays with the character before it. Characters the font lacks become
	 * question marks.
	 */
	public static List<String> wrap(String text, PDFont font, float size, float width) {
		List<String> lines = new ArrayList<>();
		for (String paragraph : printable(text, font).split("\n", -1)) {
			wrapParagraph(paragraph, font, size, width, lines);
		}
		return lines;
	}

	private static void wrapParagraph(String paragraph, PDFont font, float size, float width, List<String> lines) {
		StringBuilder line = new StringBuilder();
		for (String token : tokens(paragraph)) {
			boolean space = token.isBlank();
			if (line.isEmpty() && space) {
				continue;
			}
			String candidate = line + token;
			if (width(candidate.stripTrailing(), font, size) <= width || closing(token)) {
				line.append(token);
				continue;
			}
			if (!line.isEmpty()) {
				lines.add(line.toString().stripTrailing());
				line.setLength(0);
			}
			if (space) {
				continue;
			}
			if (width(token, font, size) <= width) {
				line.append(token);
				continue;
			}
			// a word longer than a whole line: cut it where it fills the line
			for (int i = 0; i < token.length();) {
				int cp = token.codePointAt(i);
				String next = new String(Character.toChars(cp));
				if (!line.isEmpty() && width(line + next, font, size) > width) {
					lines.add(line.toString());
					line.setLength(0);
				}
				line.append(next);
				i += Character.charCount(cp);
			}
		}
		lines.add(line.toString().stripTrailing());
	}

	/** Runs of spaces, runs of Latin letters and digits (words), and single characters of every other kind. */
	static List<String> tokens(String text) {
		List<String> tokens = new ArrayList<>();
		int i = 0;
		while (i < text.length()) {
			int cp = text.codePointAt(i);
			int end = i + Character.charCount(cp);
			if (cp == ' ') {
				while (end < text.length() && text.charAt(end) == ' ') {
					end++;
				}
			}
			else if (wordPart(cp)) {
				while (end < text.length() && wordPart(text.codePointAt(end))) {
					end += Character.charCount(text.codePointAt(end));
				}
			}
			tokens.add(text.substring(i, end));
			i = end;
		}
		return tokens;
	}

	/**
	 * Characters that belong to a word of an alphabetic script (letters, digits, and the punctuation inside
	 * numbers and dates): lines break between them only when a word is longer than a line.
	 */
	private static boolean wordPart(int cp) {
		return cp != ' ' && cp < 0x2E80 && "“”‘’—…".indexOf(cp) < 0;
	}

	private static boolean closing(String token) {
		return token.codePointCount(0, token.length()) == 1 && closing(token.codePointAt(0));
	}

	private static boolean closing(int cp) {
		return "，。、；：？！）》」』】〕”’％…—,.;:?!)]}%".indexOf(cp) >= 0;
	}

	/**
	 * Writes one line of text with its baseline at {@code (x, y)}. The text must be {@link #printable} and
	 * must not contain a line break.
	 */
	public static void text(PDPageContentStream content, PDFont font, float size, float x, float y, String text)
			throws IOException {
		content.beginText();
		content.setFont(font, size);
		content.newLineAtOffset(x, y);
		content.showText(text);
		content.endText();
	}

	/**
	 * Writes a page label (for example page 2 of 5) centred at the foot of every page, once the document is
	 * complete; {@code label} gets the page number (from 1) and the number of pages.
	 */
	public static void numberPages(PDDocument document, PDFont font, float size, float baseline,
			BiFunction<Integer, Integer, String> label) throws IOException {
		int count = document.getNumberOfPages();
		int number = 0;
		for (PDPage page : document.getPages()) {
			number++;
			String text = printable(label.apply(number, count), font).replace('\n', ' ');
			PDRectangle box = page.getMediaBox();
			float x = box.getLowerLeftX() + (box.getWidth() - width(text, font, size)) / 2;
			try (PDPageContentStream content = new PDPageContentStream(document, page,
					PDPageContentStream.AppendMode.APPEND, true, true)) {
				text(content, font, size, x, box.getLowerLeftY() + baseline, text);
			}
		}
	}

	/** The saved document; the fonts' subsets are made here. */
	public static byte[] bytes(PDDocument document) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		document.save(out);
		return out.toByteArray();
	}
}
