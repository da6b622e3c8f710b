package org.anning.residents;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain PDF of lines of text, in Chinese and English, for the resident's copy of their data. It uses the
 * standard Adobe-GB1 font STSong-Light with the UniGB-UCS2-H encoding, which PDF readers supply themselves, so
 * no font file is shipped or embedded. A4 pages, one line after another, long lines wrapped.
 */
final class DataPdf {

	static final int FONT_SIZE = 11;

	static final int LEADING = 16;

	static final int MARGIN = 50;

	static final int WIDTH = 595;

	static final int HEIGHT = 842;

	private DataPdf() {
	}

	static byte[] of(List<String> lines) {
		List<List<String>> pages = paginate(wrap(lines));
		List<String> objects = new ArrayList<>();
		objects.add("<< /Type /Catalog /Pages 2 0 R >>");
		StringBuilder kids = new StringBuilder();
		for (int i = 0; i < pages.size(); i++) {
			kids.append(6 + 2 * i).append(" 0 R ");
		}
		objects.add("<< /Type /Pages /Kids [" + kids + "] /Count " + pages.size() + " >>");
		objects.add("<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
				+ "/DescendantFonts [4 0 R] >>");
		objects.add("<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
				+ "/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 5 0 R "
				+ "/DW 1000 /W [1 95 500] >>");
		objects.add("<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] "
				+ "/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>");
		for (int i = 0; i < pages.size(); i++) {
			objects.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + WIDTH + " " + HEIGHT + "] "
					+ "/Resources << /Font << /F1 3 0 R >> >> /Contents " + (7 + 2 * i) + " 0 R >>");
			String content = content(pages.get(i));
			objects.add("<< /Length " + content.getBytes(StandardCharsets.US_ASCII).length + " >>\nstream\n" + content
					+ "\nendstream");
		}
		return write(objects);
	}

	private static String content(List<String> lines) {
		StringBuilder text = new StringBuilder("BT /F1 " + FONT_SIZE + " Tf " + LEADING + " TL " + MARGIN + " "
				+ (HEIGHT - MARGIN) + " Td\n");
		for (String line : lines) {
			text.append('<').append(ucs2(line)).append("> Tj T*\n");
		}
		return text.append("ET").toString();
	}

	/** UCS-2 big-endian hex; characters beyond the basic plane become a question mark. */
	static String ucs2(String line) {
		StringBuilder hex = new StringBuilder();
		line.codePoints().forEach(c -> hex.append(String.format("%04X", c > 0xFFFF || Character.isISOControl(c) ? '?' : c)));
		return hex.toString();
	}

	/** Wraps at the page width: CJK characters are one em wide, the rest half. */
	private static List<String> wrap(List<String> lines) {
		double maxEm = (WIDTH - 2.0 * MARGIN) / FONT_SIZE;
		List<String> wrapped = new ArrayList<>();
		for (String line : lines) {
			StringBuilder current = new StringBuilder();
			double em = 0;
			for (int c : line.codePoints().toArray()) {
				double w = c < 0x2E80 ? 0.5 : 1.0;
				if (em + w > maxEm) {
					wrapped.add(current.toString());
					current.setLength(0);
					em = 0;
				}
				current.appendCodePoint(c);
				em += w;
			}
			wrapped.add(current.toString());
		}
		return wrapped;
	}

	private static List<List<String>> paginate(List<String> lines) {
		int perPage = (HEIGHT - 2 * MARGIN) / LEADING;
		List<List<String>> pages = new ArrayList<>();
		for (int i = 0; i < lines.size(); i += perPage) {
			pages.add(lines.subList(i, Math.min(lines.size(), i + perPage)));
		}
		if (pages.isEmpty()) {
			pages.add(List.of());
		}
		return pages;
	}

	private static byte[] write(List<String> objects) {
		var out = new ByteArrayOutputStream();
		write(out, "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
		List<Integer> offsets = new ArrayList<>();
		for (int i = 0; i < objects.size(); i++) {
			offsets.add(out.size());
			write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
		}
		int xref = out.size();
		StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
		offsets.forEach(o -> table.append(String.format("%010d 00000 n \n", o)));
		table.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref)
			.append("\n%%EOF\n");
		write(out, table.toString());
		return out.toByteArray();
	}

	private static void write(ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
	}
}
