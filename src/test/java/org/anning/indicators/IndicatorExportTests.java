package org.anning.indicators;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;
import org.anning.AnningTest;
import org.anning.DemoStaff;
import org.anning.units.Organisation;
import org.anning.units.Unit;
import org.anning.units.UnitScope;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The indicators as XLSX and PDF files, from the desk and the API: content, language, font, audit and scope. */
@AnningTest
class IndicatorExportTests {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	@Autowired
	MockMvc mvc;

	@Autowired
	Indicators indicators;

	@Autowired
	Organisation organisation;

	@Autowired
	Clock clock;

	@Autowired
	javax.sql.DataSource dataSource;

	LocalDate lastYearStart() {
		return LocalDate.now(clock).minusYears(1).withDayOfYear(1);
	}

	LocalDate lastYearEnd() {
		return lastYearStart().plusYears(1).minusDays(1);
	}

	List<Figure> figures(String unit) {
		UnitScope all = new UnitScope(organisation.all().stream().map(Unit::id).collect(Collectors.toSet()));
		return indicators.compute(unit, lastYearStart().toString(), lastYearEnd().toString(), "previous-year", null, all)
			.indicators();
	}

	MockHttpServletResponse download(String path, org.springframework.test.web.servlet.request.RequestPostProcessor who,
			String... params) throws Exception {
		var request = get(path).with(who);
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse();
	}

	static String text(byte[] pdf) throws Exception {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

	@Test
	void theChinesePdfShowsTheUnitTheIndicatorNamesAndEveryFigureInChinese() throws Exception {
		long started = System.nanoTime();
		MockHttpServletResponse response = download("/desk/indicators/export.pdf", DemoStaff.command(), "unit", "AN",
				"from", lastYearStart().toString(), "to", lastYearEnd().toString(), "compare", "previous-year");
		long millis = (System.nanoTime() - started) / 1_000_000;
		assertThat(response.getContentType()).isEqualTo("application/pdf");
		byte[] pdf = response.getContentAsByteArray();
		assertThat(pdf).startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII));
		String text = text(pdf);
		Unit bureau = organisation.findByCode("AN").orElseThrow();
		assertThat(text).contains("指标报表", bureau.nameZh(), "统计期", lastYearStart() + " 至 " + lastYearEnd(), "同比",
				"电信网络诈骗案件破案数", "现行命案破案率", "差评按期整改率", "破案数 ÷ 立案数 × 100", "导出时间", "第 1 页");
		List<Figure> figures = figures("AN");
		assertThat(figures).hasSize(Indicator.values().length);
		for (Figure f : figures) {
			if (f.value() != null) {
				assertThat(text).as(f.id()).contains(f.value().toPlainString());
			}
			if (f.relativeChangePercent() != null) {
				assertThat(text).as(f.id()).contains(f.relativeChangePercent().abs().toPlainString());
			}
		}
		assertThat(figures).anySatisfy(f -> assertThat(f.value()).isNotNull().isNotZero());
		// repeat once more: the font is parsed once, later exports only subset it
		started = System.nanoTime();
		download("/desk/indicators/export.pdf", DemoStaff.command(), "unit", "AN", "from", lastYearStart().toString(),
				"to", lastYearEnd().toString());
		System.out.printf("indicators PDF export: first %d ms, again %d ms, %d bytes%n", millis,
				(System.nanoTime() - started) / 1_000_000, pdf.length);
	}

	@Test
	void thePdfEmbedsASubsetOfTheChineseFontAndNoOtherFont() throws Exception {
		byte[] pdf = download("/desk/indicators/export.pdf", DemoStaff.command(), "unit", "AN", "from",
				lastYearStart().toString(), "to", lastYearEnd().toString())
			.getContentAsByteArray();
		List<String> names = new ArrayList<>();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getPage(0).getMediaBox().getWidth()).isCloseTo(595.28f,
					org.assertj.core.data.Offset.offset(0.5f));
			for (PDPage page : document.getPages()) {
				for (COSName name : page.getResources().getFontNames()) {
					PDFont font = page.getResources().getFont(name);
					names.add(font.getName());
					assertThat(font.isEmbedded()).as(font.getName()).isTrue();
					assertThat(font).isInstanceOf(PDType0Font.class);
					assertThat(((PDType0Font) font).getDescendantFont().getFontDescriptor().getFontFile2())
						.as("TrueType font file of " + font.getName())
						.isNotNull();
				}
			}
		}
		assertThat(names).isNotEmpty().allMatch(n -> n.matches("[A-Z]{6}\\+WenQuanYiMicroHei"));
		// a subset: far smaller than the 5 MB font file
		assertThat(pdf.length).isLessThan(400_000);
	}

	@Test
	void anEnglishRequestGetsAnEnglishPdfWithoutChinese() throws Exception {
		MockHttpServletResponse response = mvc
			.perform(get("/api/v1/indicators/export").param("format", "pdf")
				.param("unit", "AN")
				.param("from", lastYearStart().toString())
				.param("to", lastYearEnd().toString())
				.header("Accept-Language", "en")
				.with(DemoStaff.command()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		String text = text(response.getContentAsByteArray());
		Unit bureau = organisation.findByCode("AN").orElseThrow();
		assertThat(text).contains("Indicators report", bureau.nameEn(), "Year on year", "Telecom fraud cases cleared",
				"Relative change", "Definition", "Page 1 of");
		assertThat(text).doesNotContainPattern("\\p{IsHan}");
		assertThat(response.getHeader("Content-Disposition"))
			.startsWith("attachment; filename=\"indicators-AN-" + lastYearStart() + "-" + lastYearEnd() + ".pdf\"");
	}

	@Test
	void theWorkbookHoldsTheApisFiguresAsNumbersAndEveryDefinition() throws Exception {
		String json = mvc
			.perform(get("/api/v1/indicators").param("unit", "AN")
				.param("from", lastYearStart().toString())
				.param("to", lastYearEnd().toString())
				.with(DemoStaff.command()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<Map<String, Object>> api = JsonPath.read(json, "$.indicators");
		MockHttpServletResponse response = download("/api/v1/indicators/export", DemoStaff.command(), "format", "xlsx",
				"unit", "AN", "from", lastYearStart().toString(), "to", lastYearEnd().toString());
		assertThat(response.getContentType()).isEqualTo(XLSX);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
			assertThat(book.getNumberOfSheets()).isEqualTo(2);
			Sheet figures = book.getSheetAt(0);
			String header = rowsText(figures, 0, 7);
			Unit bureau = organisation.findByCode("AN").orElseThrow();
			assertThat(header).contains("AN " + bureau.nameZh(), lastYearStart() + " 至 " + lastYearEnd(), "同比",
					lastYearStart().minusYears(1) + " 至 " + lastYearEnd().minusYears(1), "导出时间");
			Map<String, Row> rows = new HashMap<>();
			for (Row row : figures) {
				Cell first = row.getCell(0);
				if (first != null && first.getCellType() == CellType.STRING
						&& Indicator.byId(first.getStringCellValue()).isPresent()) {
					rows.put(first.getStringCellValue(), row);
				}
			}
			assertThat(rows).hasSize(api.size());
			for (Map<String, Object> figure : api) {
				Row row = rows.get((String) figure.get("id"));
				assertThat(row).as((String) figure.get("id")).isNotNull();
				String[] fields = { "value", "comparisonValue", "relativeChangePercent", "percentagePointChange" };
				for (int i = 0; i < fields.length; i++) {
					Cell cell = row.getCell(2 + i);
					Object expected = figure.get(fields[i]);
					String what = figure.get("id") + " " + fields[i];
					if (expected == null) {
						assertThat(cell.getCellType()).as(what).isEqualTo(CellType.BLANK);
					}
					else {
						assertThat(cell.getCellType()).as(what).isEqualTo(CellType.NUMERIC);
						assertThat(BigDecimal.valueOf(cell.getNumericCellValue()))
							.as(what)
							.isEqualByComparingTo(new BigDecimal(expected.toString()));
					}
				}
			}
			assertThat(rows.get("cases.clearanceRate").getCell(2).getCellStyle().getDataFormatString()).contains("%");
			assertThat(rows.get("fraud.loss").getCell(2).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
			Sheet definitions = book.getSheetAt(1);
			assertThat(definitions.getSheetName()).isEqualTo("口径");
			String all = rowsText(definitions, 0, definitions.getLastRowNum());
			for (Indicator indicator : Indicator.values()) {
				assertThat(all).contains(indicator.id());
			}
			assertThat(all).contains("破案数 ÷ 立案数 × 100", "差评中在期限内完成整改的比例 × 100");
		}
	}

	@Test
	void everyExportWritesAnAuditEntry() throws Exception {
		// a period of its own, so that other tests' exports do not count here
		String from = lastYearStart().plusDays(17).toString();
		String to = lastYearStart().plusDays(48).toString();
		for (String format : new String[] { "xlsx", "pdf" }) {
			long before = exports(format, from, to);
			download("/desk/indicators/export." + format, DemoStaff.command(), "unit", "AN-DC-01", "from", from, "to", to,
					"compare", "previous-period");
			assertThat(exports(format, from, to)).as("desk " + format).isEqualTo(before + 1);
			download("/api/v1/indicators/export", DemoStaff.command(), "format", format, "unit", "AN-DC-01", "from", from,
					"to", to, "compare", "previous-period");
			assertThat(exports(format, from, to)).as("api " + format).isEqualTo(before + 2);
		}
		long before = exports("csv", from, to);
		download("/api/v1/indicators/export", DemoStaff.command(), "format", "csv", "unit", "AN-DC-01", "from", from, "to",
				to, "compare", "previous-period");
		assertThat(exports("csv", from, to)).isEqualTo(before + 1);
	}

	long exports(String format, String from, String to) {
		return JdbcClient.create(dataSource)
			.sql("SELECT count(*) FROM audit_event WHERE action = 'EXPORT' AND object_type = 'indicators'"
					+ " AND object_id = 'AN-DC-01' AND actor_id IS NOT NULL AND detail = ?")
			.param(format + " " + from + ".." + to + " vs previous-period")
			.query(Long.class)
			.single();
	}

	@Test
	void aStationChiefGetsTheirOwnStationButNotAnotherUnit() throws Exception {
		download("/desk/indicators/export.xlsx", DemoStaff.chief(), "unit", "AN-DC-01", "from", lastYearStart().toString(),
				"to", lastYearEnd().toString());
		for (String path : new String[] { "/desk/indicators/export.xlsx", "/desk/indicators/export.pdf" }) {
			mvc.perform(get(path).param("unit", "AN-DC-02")
				.param("from", lastYearStart().toString())
				.param("to", lastYearEnd().toString())
				.with(DemoStaff.chief())).andExpect(status().isNotFound());
		}
		for (String format : new String[] { "csv", "xlsx", "pdf" }) {
			mvc.perform(get("/api/v1/indicators/export").param("format", format)
				.param("unit", "AN")
				.param("from", lastYearStart().toString())
				.param("to", lastYearEnd().toString())
				.with(DemoStaff.chief())).andExpect(status().isNotFound());
		}
		mvc.perform(get("/desk/indicators/export.pdf").param("unit", "AN")
			.param("from", lastYearStart().toString())
			.param("to", lastYearEnd().toString())
			.with(DemoStaff.frontDesk())).andExpect(status().isForbidden());
	}

	@Test
	void aBadFormatUnitOrPeriodIsRefusedWithTheFieldsNamed() throws Exception {
		mvc.perform(get("/api/v1/indicators/export").param("format", "docx")
			.param("unit", "AN")
			.param("from", lastYearStart().toString())
			.param("to", lastYearEnd().toString())
			.with(DemoStaff.command()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("format"))
			.andExpect(jsonPath("$.errors[0].message").value("导出格式应为 csv、xlsx 或 pdf"));
		mvc.perform(get("/api/v1/indicators/export").param("unit", "NOPE")
			.param("from", lastYearEnd().toString())
			.param("to", lastYearStart().toString())
			.header("Accept-Language", "en")
			.with(DemoStaff.command()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("format", "unit", "to")))
			.andExpect(jsonPath("$.errors[?(@.field == 'format')].message")
				.value(org.hamcrest.Matchers.contains("The export format must be csv, xlsx or pdf")));
	}

	@Test
	void aReversedPeriodOnTheDeskGoesBackToTheDashboardWithWhatWasTyped() throws Exception {
		mvc.perform(get("/desk/indicators/export.pdf").param("unit", "AN")
			.param("from", "2025-12-31")
			.param("to", "2025-01-01")
			.with(DemoStaff.command()))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/desk/indicators?unit=AN&from=2025-12-31&to=2025-01-01"));
	}

	@Test
	void theFileNameKeepsTheChineseNameAndHasAnAsciiFallback() throws Exception {
		MockHttpServletResponse response = download("/desk/indicators/export.xlsx", DemoStaff.command(), "unit",
				"AN-DC-01", "from", lastYearStart().toString(), "to", lastYearEnd().toString());
		String disposition = response.getHeader("Content-Disposition");
		String ascii = "indicators-AN-DC-01-" + lastYearStart() + "-" + lastYearEnd() + ".xlsx";
		assertThat(disposition).startsWith("attachment; filename=\"" + ascii + "\"; filename*=UTF-8''");
		String encoded = disposition.substring(disposition.indexOf("UTF-8''") + 7);
		assertThat(encoded).matches("[A-Za-z0-9%._-]+");
		String name = URLDecoder.decode(encoded, StandardCharsets.UTF_8);
		assertThat(name).isEqualTo("指标报表_" + organisation.findByCode("AN-DC-01").orElseThrow().nameZh() + "_"
				+ lastYearStart() + "_" + lastYearEnd() + ".xlsx");
	}

	static String rowsText(Sheet sheet, int first, int last) {
		StringBuilder out = new StringBuilder();
		for (int r = first; r <= last; r++) {
			Row row = sheet.getRow(r);
			if (row == null) {
				continue;
			}
			for (Cell cell : row) {
				if (cell.getCellType() == CellType.STRING) {
					out.append(cell.getStringCellValue()).append(' ');
				}
			}
			out.append('\n');
		}
		return out.toString();
	}
}
