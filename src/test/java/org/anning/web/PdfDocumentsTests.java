package org.anning.web;

import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Chinese text in PDF documents: the embedded font, wrapping to a width, and page numbers. */
class PdfDocumentsTests {

	@Test
	void wrapsChineseBetweenCharactersAndLatinAtSpacesWithinTheWidth() throws Exception {
		try (PDDocument document = new PDDocument()) {
			PDFont font = PdfDocuments.font(document);
			String text = "调解协议：双方当事人自愿达成如下协议，并保证按期履行。The parties agree to settle the dispute amicably.";
			float width = 120;
			List<String> lines = PdfDocuments.wrap(text, font, 10, width);
			assertThat(lines).hasSizeGreaterThan(3);
			assertThat(String.join("", lines).replace(" ", "")).isEqualTo(text.replace(" ", ""));
			for (String line : lines) {
				// closing punctuation may hang one character past the width, never more
				float allowed = width + (line.isEmpty() ? 0 : PdfDocuments.width(line.substring(line.length() - 1), font, 10));
				assertThat(PdfDocuments.width(line, font, 10)).as(line).isLessThanOrEqualTo(allowed);
				assertThat(line).as("no line starts with closing punctuation").doesNotStartWith("，").doesNotStartWith("。");
			}
			List<String> words = lines.stream().flatMap(l -> java.util.Arrays.stream(l.split("[ 。]"))).toList();
			assertThat(words).as("no English word is cut").contains("parties", "agree", "settle", "dispute", "amicably.");
		}
	}

	@Test
	void keepsLineBreaksAndCutsAWordLongerThanALine() throws Exception {
		try (PDDocument document = new PDDocument()) {
			PDFont font = PdfDocuments.font(document);
			assertThat(PdfDocuments.wrap("第一行\r\n第二行\r第三行", font, 10, 300)).containsExactly("第一行", "第二行", "第三行");
			List<String> cut = PdfDocuments.wrap("x".repeat(200), font, 10, 100);
			assertThat(cut).hasSizeGreaterThan(1);
			assertThat(String.join("", cut)).isEqualTo("x".repeat(200));
		}
	}

	@Test
	void replacesCharactersTheFontCannotShow() throws Exception {
		try (PDDocument document = new PDDocument()) {
			PDFont font = PdfDocuments.font(document);
			// U+20000 (CJK extension B) and an emoji are not in the font; a tab becomes a space
			assertThat(PdfDocuments.printable("甲\uD840\uDC00乙\t\uD83D\uDE00", font)).isEqualTo("甲?乙 ?");
		}
	}

	@Test
	void aDocumentWithChineseTextAndPageNumbersReadsBackAndEmbedsTheFont() throws Exception {
		byte[] pdf;
		try (PDDocument document = new PDDocument()) {
			PDFont font = PdfDocuments.font(document);
			for (int i = 0; i < 2; i++) {
				PDPage page = new PDPage(PdfDocuments.A4);
				document.addPage(page);
				try (PDPageContentStream content = new PDPageContentStream(document, page)) {
					PdfDocuments.text(content, font, 12, 50, 700, "人民调解协议书");
				}
			}
			PdfDocuments.numberPages(document, font, 8, 20, (n, of) -> "第 " + n + " 页，共 " + of + " 页");
			pdf = PdfDocuments.bytes(document);
		}
		try (PDDocument read = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(read);
			assertThat(text).contains("人民调解协议书", "第 1 页，共 2 页", "第 2 页，共 2 页");
			PDFont font = read.getPage(0).getResources().getFont(read.getPage(0).getResources().getFontNames().iterator().next());
			assertThat(font.isEmbedded()).isTrue();
			assertThat(font.getName()).matches("[A-Z]{6}\\+WenQuanYiMicroHei");
		}
		assertThat(pdf.length).isLessThan(100_000);
	}

	/** The parsed font is shared between documents: documents written at the same time each get a correct subset. */
	@Test
	void documentsWrittenConcurrentlyEachReadBackTheirOwnText() throws Exception {
		String[] texts = { "人民调解协议书", "电信网络诈骗破案数", "群众满意率", "交通事故认定书", "社区民警走访记录", "按时办结率" };
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
		try {
			List<java.util.concurrent.Future<String>> done = new java.util.ArrayList<>();
			for (int round = 0; round < 4; round++) {
				for (String text : texts) {
					done.add(pool.submit(() -> {
						try (PDDocument document = new PDDocument()) {
							PDFont font = PdfDocuments.font(document);
							PDPage page = new PDPage(PdfDocuments.A4);
							document.addPage(page);
							try (PDPageContentStream content = new PDPageContentStream(document, page)) {
								PdfDocuments.text(content, font, 12, 50, 700, text);
							}
							try (PDDocument read = Loader.loadPDF(PdfDocuments.bytes(document))) {
								return new PDFTextStripper().getText(read).strip();
							}
						}
					}));
				}
			}
			for (int i = 0; i < done.size(); i++) {
				assertThat(done.get(i).get()).isEqualTo(texts[i % texts.length]);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}
}
