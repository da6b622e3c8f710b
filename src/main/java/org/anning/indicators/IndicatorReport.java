package org.anning.indicators;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.anning.web.PdfDocuments;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * The PDF export on A4 portrait: title, header block (unit, periods, comparison, time of export), a note on how
 * the changes are computed, then the figures table with each indicator's definition wrapped in its last column.
 * The table heading repeats on every page; every page is numbered. Chinese is drawn with the embedded font.
 */
final class IndicatorReport {

	static final float MARGIN = 40;

	/** Room at the foot of each page for the page number. */
	static final float FOOT = 56;

	static final float PAD = 3;

	static final float TEXT = 8.5f, SMALL = 6.5f, DEFINITION = 7.5f, HEADER = 9.5f, TITLE = 16;

	static final Color GREY = new Color(0x55, 0x55, 0x55), RULE = new Color(0xBB, 0xBB, 0xBB),
			FILL = new Color(0xEE, 0xEE, 0xEE);

	/** Column widths in points: name with id, value, comparison value, relative change, points, definition. */
	static final float[] WIDTHS = { 126, 74, 74, 54, 54, 0 };

	private final PDDocument document;

	private final PDFont font;

	private final float width;

	private final float[] widths = WIDTHS.clone();

	private PDPageContentStream content;

	private float y;

	private IndicatorReport(PDDocument document, PDFont font) {
		this.document = document;
		this.font = font;
		this.width = PdfDocuments.A4.getWidth() - 2 * MARGIN;
		float used = 0;
		for (float w : WIDTHS) {
			used += w;
		}
		widths[widths.length - 1] = width - used;
	}

	static byte[] write(IndicatorExport.Content report) throws IOException {
		try (PDDocument document = new PDDocument()) {
			document.getDocumentInformation().setTitle(report.title());
			document.getDocumentInformation().setProducer("Anning");
			document.getDocumentCatalog().setLanguage(report.locale().toLanguageTag());
			IndicatorReport writer = new IndicatorReport(document, PdfDocuments.font(document));
			writer.draw(report);
			PdfDocuments.numberPages(document, writer.font, 8, FOOT / 2, report.pageLabel());
			return PdfDocuments.bytes(document);
		}
	}

	private void draw(IndicatorExport.Content report) throws IOException {
		newPage();
		try {
			paragraph(report.title(), TITLE, Color.BLACK, 6);
			float label = 0;
			for (IndicatorExport.Field field : report.header()) {
				label = Math.max(label, PdfDocuments.width(PdfDocuments.printable(field.label(), font), font, HEADER));
			}
			for (IndicatorExport.Field field : report.header()) {
				List<String> values = PdfDocuments.wrap(field.value(), font, HEADER, width - label - 12);
				content.setNonStrokingColor(GREY);
				PdfDocuments.text(content, font, HEADER, MARGIN, y - HEADER,
						PdfDocuments.printable(field.label(), font));
				content.setNonStrokingColor(Color.BLACK);
				for (String line : values) {
					PdfDocuments.text(content, font, HEADER, MARGIN + label + 12, y - HEADER, line);
					y -= lineHeight(HEADER);
				}
			}
			y -= 4;
			paragraph(report.note(), SMALL + 1, GREY, 8);
			IndicatorExport.Columns c = report.columns();
			List<List<Line>> heading = List.of(cell(0, c.name(), TEXT), cell(1, c.value(), TEXT),
					cell(2, c.comparisonValue(), TEXT), cell(3, c.relativeChange(), TEXT), cell(4, c.pointChange(), TEXT),
					cell(5, c.definition(), TEXT));
			row(heading, true, null);
			for (IndicatorExport.Line line : report.lines()) {
				List<Line> name = new ArrayList<>(cell(0, line.name(), TEXT));
				name.addAll(cell(0, line.id(), SMALL, GREY));
				List<List<Line>> cells = List.of(name, cell(1, line.shownValue(), TEXT),
						cell(2, line.shownComparisonValue(), TEXT),
						cell(3, signed(line.relativeChangePercent(), report.empty()), TEXT),
						cell(4, signed(line.percentagePointChange(), report.empty()), TEXT),
						cell(5, line.definition(), DEFINITION));
				row(cells, false, heading);
			}
		}
		finally {
			content.close();
		}
	}

	/** One line of a cell: text, size and colour. */
	record Line(String text, float size, Color color) {
	}

	private List<Line> cell(int column, String text, float size) {
		return cell(column, text, size, Color.BLACK);
	}

	/** The text wrapped to the width of its column. */
	private List<Line> cell(int column, String text, float size, Color color) {
		return PdfDocuments.wrap(text, font, size, widths[column] - 2 * PAD)
			.stream()
			.map(t -> new Line(t, size, color))
			.toList();
	}

	/**
	 * Draws a table row, starting a new page (with the heading again) when it does not fit; numbers are right
	 * aligned, text left aligned.
	 */
	private void row(List<List<Line>> cells, boolean isHeading, List<List<Line>> heading) throws IOException {
		float height = height(cells);
		if (y - height < FOOT) {
			newPage();
			if (heading != null) {
				row(heading, true, null);
			}
		}
		float x = MARGIN;
		for (int i = 0; i < cells.size(); i++) {
			float w = widths[i];
			if (isHeading) {
				content.setNonStrokingColor(FILL);
				content.addRect(x, y - height, w, height);
				content.fill();
			}
			content.setStrokingColor(RULE);
			content.setLineWidth(0.5f);
			content.addRect(x, y - height, w, height);
			content.stroke();
			float top = y - PAD;
			boolean numeric = !isHeading && i > 0 && i < cells.size() - 1;
			for (Line line : cells.get(i)) {
				top -= line.size();
				float left = numeric ? x + w - PAD - PdfDocuments.width(line.text(), font, line.size()) : x + PAD;
				content.setNonStrokingColor(line.color());
				PdfDocuments.text(content, font, line.size(), left, top, line.text());
				top -= lineHeight(line.size()) - line.size();
			}
			x += w;
		}
		content.setNonStrokingColor(Color.BLACK);
		y -= height;
	}

	private static float height(List<List<Line>> cells) {
		float height = 0;
		for (List<Line> cell : cells) {
			float h = 0;
			for (Line line : cell) {
				h += lineHeight(line.size());
			}
			height = Math.max(height, h);
		}
		return height + 2 * PAD;
	}

	private void paragraph(String text, float size, Color color, float after) throws IOException {
		content.setNonStrokingColor(color);
		for (String line : PdfDocuments.wrap(text, font, size, width)) {
			if (y - lineHeight(size) < FOOT) {
				newPage();
			}
			PdfDocuments.text(content, font, size, MARGIN, y - size, line);
			y -= lineHeight(size);
		}
		content.setNonStrokingColor(Color.BLACK);
		y -= after;
	}

	private void newPage() throws IOException {
		if (content != null) {
			content.close();
		}
		PDPage page = new PDPage(PdfDocuments.A4);
		document.addPage(page);
		content = new PDPageContentStream(document, page);
		y = PdfDocuments.A4.getHeight() - MARGIN;
	}

	private static float lineHeight(float size) {
		return size * 1.4f;
	}

	private static String signed(java.math.BigDecimal value, String empty) {
		if (value == null) {
			return empty;
		}
		return value.signum() > 0 ? "+" + value.toPlainString() : value.toPlainString();
	}
}
