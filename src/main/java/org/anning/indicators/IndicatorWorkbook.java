package org.anning.indicators;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The XLSX export: a sheet with the header block and the figures (numeric cells with number formats, so they can
 * be summed and charted), and a sheet with every indicator's definition. Both print on A4 landscape, one page wide.
 */
final class IndicatorWorkbook {

	/** Columns of the figures sheet: id, name, value, comparison value, relative change, percentage points. */
	static final int ID = 0, NAME = 1, VALUE = 2, COMPARISON = 3, RELATIVE = 4, POINTS = 5;

	/** The first row of the figures table (its heading); the header block and the note come before it. */
	static final int TABLE_ROW = 8;

	private IndicatorWorkbook() {
	}

	static byte[] write(IndicatorExport.Content content) throws IOException {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Styles styles = new Styles(book);
			figures(book.createSheet(WorkbookUtil.createSafeSheetName(content.figuresSheet())), content, styles);
			definitions(book.createSheet(WorkbookUtil.createSafeSheetName(content.definitionsSheet())), content, styles);
			book.write(out);
			return out.toByteArray();
		}
	}

	private static void figures(Sheet sheet, IndicatorExport.Content content, Styles styles) {
		text(sheet.createRow(0), 0, content.title(), styles.title);
		int r = 1;
		for (IndicatorExport.Field field : content.header()) {
			Row row = sheet.createRow(r++);
			text(row, 0, field.label(), styles.label);
			text(row, 1, field.value(), styles.plain);
			sheet.addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), 1, POINTS));
		}
		Row note = sheet.createRow(r);
		note.setHeightInPoints(45);
		text(note, 0, content.note(), styles.note);
		sheet.addMergedRegion(new CellRangeAddress(r, r, 0, POINTS));

		IndicatorExport.Columns c = content.columns();
		Row heading = sheet.createRow(TABLE_ROW);
		heading.setHeightInPoints(30);
		String[] titles = { c.id(), c.name(), c.value(), c.comparisonValue(), c.relativeChange(), c.pointChange() };
		for (int i = 0; i < titles.length; i++) {
			text(heading, i, titles[i], styles.heading);
		}
		r = TABLE_ROW + 1;
		for (IndicatorExport.Line line : content.lines()) {
			Row row = sheet.createRow(r++);
			text(row, ID, line.id(), styles.cell);
			text(row, NAME, line.name(), styles.cell);
			CellStyle value = styles.value(line.kind());
			number(row, VALUE, line.value(), value);
			number(row, COMPARISON, line.comparisonValue(), value);
			number(row, RELATIVE, line.relativeChangePercent(), styles.relative);
			number(row, POINTS, line.percentagePointChange(), styles.points);
		}
		sheet.createFreezePane(0, TABLE_ROW + 1);
		int[] widths = { 30, 34, 16, 16, 16, 16 };
		for (int i = 0; i < widths.length; i++) {
			sheet.setColumnWidth(i, widths[i] * 256);
		}
		print(sheet);
	}

	private static void definitions(Sheet sheet, IndicatorExport.Content content, Styles styles) {
		text(sheet.createRow(0), 0, content.definitionsTitle(), styles.title);
		IndicatorExport.Columns c = content.columns();
		Row heading = sheet.createRow(1);
		text(heading, 0, c.id(), styles.heading);
		text(heading, 1, c.name(), styles.heading);
		text(heading, 2, c.definition(), styles.heading);
		int r = 2;
		for (IndicatorExport.Line line : content.lines()) {
			Row row = sheet.createRow(r++);
			text(row, 0, line.id(), styles.cell);
			text(row, 1, line.name(), styles.cell);
			text(row, 2, line.definition(), styles.cell);
		}
		sheet.createFreezePane(0, 2);
		sheet.setColumnWidth(0, 30 * 256);
		sheet.setColumnWidth(1, 34 * 256);
		sheet.setColumnWidth(2, 80 * 256);
		print(sheet);
	}

	private static void print(Sheet sheet) {
		PrintSetup setup = sheet.getPrintSetup();
		setup.setPaperSize(PrintSetup.A4_PAPERSIZE);
		setup.setLandscape(true);
		setup.setFitWidth((short) 1);
		setup.setFitHeight((short) 0);
		sheet.setFitToPage(true);
		sheet.setAutobreaks(true);
	}

	private static void text(Row row, int column, String value, CellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value);
		cell.setCellStyle(style);
	}

	/** A numeric cell; a figure without a value (nothing to divide by) stays an empty cell, not zero. */
	private static void number(Row row, int column, BigDecimal value, CellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellStyle(style);
		if (value != null) {
			cell.setCellValue(value.doubleValue());
		}
	}

	/** The few styles the workbook uses, created once per workbook. */
	private static final class Styles {

		final CellStyle title, label, plain, note, heading, cell, count, decimal, percent, relative, points;

		Styles(XSSFWorkbook book) {
			Font bold = book.createFont();
			bold.setBold(true);
			Font big = book.createFont();
			big.setBold(true);
			big.setFontHeightInPoints((short) 14);
			title = book.createCellStyle();
			title.setFont(big);
			label = book.createCellStyle();
			label.setFont(bold);
			plain = book.createCellStyle();
			note = book.createCellStyle();
			note.setWrapText(true);
			note.setVerticalAlignment(VerticalAlignment.TOP);
			heading = bordered(book);
			heading.setFont(bold);
			heading.setWrapText(true);
			heading.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
			heading.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			cell = bordered(book);
			cell.setWrapText(true);
			count = numeric(book, "#,##0");
			decimal = numeric(book, "#,##0.00");
			percent = numeric(book, "0.00\"%\"");
			relative = numeric(book, "+0.00\"%\";-0.00\"%\";0.00\"%\"");
			points = numeric(book, "+0.00;-0.00;0.00");
		}

		CellStyle value(Indicator.Kind kind) {
			return switch (kind) {
				case COUNT -> count;
				case RATE -> percent;
				case MONEY, AVERAGE -> decimal;
			};
		}

		private static CellStyle numeric(XSSFWorkbook book, String format) {
			CellStyle style = bordered(book);
			style.setDataFormat(book.createDataFormat().getFormat(format));
			return style;
		}

		private static CellStyle bordered(XSSFWorkbook book) {
			CellStyle style = book.createCellStyle();
			style.setBorderTop(BorderStyle.THIN);
			style.setBorderBottom(BorderStyle.THIN);
			style.setBorderLeft(BorderStyle.THIN);
			style.setBorderRight(BorderStyle.THIN);
			style.setVerticalAlignment(VerticalAlignment.TOP);
			return style;
		}
	}
}
