package org.anning.cases.imports;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.anning.AnningTest;
import org.anning.DemoStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

@AnningTest
class CaseImportApiTests {

	static final String CASES = "/api/v1/imports/cases";

	static final String EVENTS = "/api/v1/imports/case-events";

	static final String BEARER = "Bearer " + DemoStaff.ADMIN_TOKEN;

	static final String CASE_HEADER = "case_number,unit_code,category_code,occurred_on,registered_on,cleared_on,closed_on,loss_amount\n";

	static final String EVENT_HEADER = "case_number,event_type,event_on,amount,people\n";

	@Autowired
	org.anning.cases.Cases cases;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	final String p = "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase() + "-";

	@Test
	void aFileWithThreeBadLinesAnswers422NamingExactlyThoseLinesAndStoresNothing() {
		long imports = jdbc.sql("SELECT count(*) FROM case_import WHERE outcome = 'DONE'").query(Long.class).single();
		String file = CASE_HEADER
				+ p + "1,AN-DC-01,FRAUD_INVESTMENT,2024-03-01,2024-03-02,,,1200.50\n"
				+ p + "2,NO-SUCH-UNIT,THEFT,2024-03-01,2024-03-02,,,\n"
				+ p + "3,AN-DC-02,THEFT,2024-03-01,2024-03-02,2024-04-01,,0\n"
				+ p + "4,AN-DC-01,THEFT,2024-03-05,2024-03-02,,,10\n"
				+ p + "5,AN-DC-01,BURGLARY,2024-03-01,2024-03-02,,2024-05-01,99\n"
				+ p + "6,AN-DC-01,FRAUD_LOAN,2024-03-01,2024-03-02,,,-5\n";
		MvcTestResult result = postCsv(CASES, file);
		assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(result).bodyJson().extractingPath("$.errors[*].line").asArray().containsExactly(3, 5, 7);
		assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray()
			.containsExactly("unit_code", "occurred_on", "loss_amount");
		assertThat(result).bodyJson().extractingPath("$.errors[0].message").asString().contains("NO-SUCH-UNIT");
		assertThat(result).bodyJson().extractingPath("$.errorLines").isEqualTo(3);
		assertThat(cases()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM case_import WHERE outcome = 'DONE'").query(Long.class).single())
			.isEqualTo(imports);
	}

	@Test
	void theCorrectedFileImportsAndImportingItAgainChangesNothing() {
		String file = CASE_HEADER
				+ p + "1,AN-DC-01,FRAUD_INVESTMENT,2024-03-01,2024-03-02,,,1200.50\n"
				+ p + "2,AN-DC-01,THEFT,2024-03-01,2024-03-02,,,\n"
				+ p + "3,AN-DC-02,THEFT,2024-03-01,2024-03-02,2024-04-01,,0\n"
				+ p + "4,AN-DC-01,THEFT,2024-03-01,2024-03-02,,,10\n"
				+ p + "5,AN-DC-01,BURGLARY,2024-03-01,2024-03-02,,2024-05-01,99\n"
				+ p + "6,AN-DC-01,FRAUD_LOAN,2024-03-01,2024-03-02,,,5.5\n";
		long audited = audited();
		assertThat(postCsv(CASES, file)).hasStatusOk().bodyJson().isStrictlyEqualTo("{\"imported\":6,\"updated\":0}");
		assertThat(audited()).isEqualTo(audited + 1);
		List<Map<String, Object>> before = rows();
		assertThat(before).hasSize(6);
		List<String> whole = wholeRows();
		assertThat(before.get(0)).containsEntry("status", "REGISTERED").containsEntry("source", "IMPORT")
			.containsEntry("loss_amount", new java.math.BigDecimal("1200.50"));
		assertThat(before.get(1).get("loss_amount")).isEqualTo(new java.math.BigDecimal("0.00"));
		assertThat(before.get(2)).containsEntry("status", "CLEARED");
		assertThat(before.get(4)).containsEntry("status", "CLOSED");
		assertThat(before.get(5).get("loss_amount")).isEqualTo(new java.math.BigDecimal("5.50"));
		assertThat(jdbc.sql("SELECT count(*) FROM case_file WHERE case_number = ? AND search_tokens @> ARRAY[?, '1']::text[]")
			.params(p + "1", p.substring(0, p.length() - 1).toLowerCase())
			.query(Long.class)
			.single()).isEqualTo(1);

		assertThat(postCsv(CASES, file)).hasStatusOk().bodyJson().isStrictlyEqualTo("{\"imported\":0,\"updated\":0}");
		assertThat(wholeRows()).isEqualTo(whole);
	}

	@Test
	void aCaseRegisteredAtTheDeskIsNotOverwrittenByAnImport() {
		var scope = new org.anning.units.UnitScope(java.util.Set.of(org.anning.DemoStaff.unitId("AN-DC-01")));
		var desk = cases.register(new org.anning.cases.NewCase("AN-DC-01", "THEFT", "2024-03-01", "2024-03-02", null,
				"柜台手机被盗"), null, scope);
		String file = CASE_HEADER + desk.caseNumber() + ",AN-DC-02,ROBBERY,2024-03-01,2024-03-02,2024-03-05,,0\n";
		assertThat(postCsv(CASES, file)).hasStatus(422).bodyText().contains("\"line\":2", "不能用导入覆盖",
				desk.caseNumber());
		var after = cases.get(desk.caseNumber(), scope);
		assertThat(after.category()).isEqualTo("THEFT");
		assertThat(after.status()).isEqualTo(org.anning.cases.CaseStatus.REGISTERED);
	}

	@Test
	void aCaseNumberThatCannotBeAnAddressIsRefused() {
		assertThat(postCsv(CASES, CASE_HEADER + p + "/9,AN-DC-01,THEFT,2024-03-01,2024-03-02,,,0\n")).hasStatus(422)
			.bodyText()
			.contains("\"line\":2", "\"field\":\"case_number\"");
	}

	@Test
	void importingAKnownCaseNumberWithAnotherLossUpdatesThatCase() {
		assertThat(postCsv(CASES, CASE_HEADER + p + "1,AN-DC-01,FRAUD_ROMANCE,2024-03-01,2024-03-02,,,100\n"))
			.hasStatusOk();
		assertThat(postCsv(CASES, CASE_HEADER + p + "1,AN-DC-01,FRAUD_ROMANCE,2024-03-01,2024-03-02,,,250.75\n"
				+ p + "2,AN-DC-01,FRAUD_ROMANCE,2024-03-01,2024-03-02,,,1\n"))
			.hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo("{\"imported\":1,\"updated\":1}");
		assertThat(jdbc.sql("SELECT loss_amount FROM case_file WHERE case_number = ?").param(p + "1")
			.query(java.math.BigDecimal.class).single()).isEqualByComparingTo("250.75");
	}

	@Test
	void lineNumbersCountTheLinesOfTheFileWithByteOrderMarkCrlfAndQuotedLineBreaks() {
		String file = "\uFEFF" + CASE_HEADER.replace("\n", "\r\n")
				+ "\"" + p + "1,\"\"A\"\"\",AN-DC-01,THEFT,2024-03-01,2024-03-02,,,1\r\n"
				+ "\r\n"
				+ "\"" + p + "2\r\nsecond line\",AN-DC-01,THEFT,2024-03-01,2024-03-02,,,1\r\n"
				+ p + "3,AN-DC-01,THEFT,2024-03-01,2024-03-02,,,1.234\r\n"
				+ p + "4,AN-DC-01,THEFT,2024-03-01,2024-03-02,,,\"1,5\"\r\n"
				+ p + "5,AN-DC-01,THEFT,2024-03-01,2024-03-02,,\r\n"
				+ p + "6,AN-DC-01,THEFT,20240301,2024-03-02,,,1\r\n"
				+ p + "7,AN-DC-01,THEFT,2024-03-01,2024-03-02,,,\"1\"x\r\n";
		MvcTestResult result = postCsv(CASES, file);
		assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		// 1 header, 2 good (quoted comma and quotes), 3 empty, 4-5 one record, 6 cents, 7 bad amount, 8 columns,
		// 9 date, 10 text after a quote
		assertThat(result).bodyJson().extractingPath("$.errors[*].line").asArray().containsExactly(4, 6, 7, 8, 9, 10);
		assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray()
			.containsExactly("case_number", "loss_amount", "loss_amount", "line", "occurred_on", "line");
		assertThat(cases()).isZero();
	}

	@Test
	void aQuotedCaseNumberWithCommaAndQuotesIsImportedAsWritten() {
		String file = "\uFEFF" + CASE_HEADER.replace("\n", "\r\n")
				+ "\"" + p + "1,\"\"A\"\"\",AN-DC-01,THEFT,2024-03-01,2024-03-02,,,1\r\n";
		assertThat(postCsv(CASES, file)).hasStatusOk().bodyJson().isStrictlyEqualTo("{\"imported\":1,\"updated\":0}");
		assertThat(jdbc.sql("SELECT count(*) FROM case_file WHERE case_number = ?").param(p + "1,\"A\"")
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aDuplicateCaseNumberInOneFileIsAnErrorOnItsSecondLine() {
		MvcTestResult result = postCsv(CASES, CASE_HEADER + p + "1,AN-DC-01,THEFT,2024-03-01,2024-03-02,,,1\n"
				+ p + "2,AN-DC-01,THEFT,2024-03-01,2024-03-02,,,1\n" + p + "1,AN-DC-01,THEFT,2024-03-01,2024-03-02,,,2\n");
		assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(result).bodyJson().extractingPath("$.errors[*].line").asArray().containsExactly(4);
		assertThat(result).bodyJson().extractingPath("$.errors[0].message").asString().contains("2");
		assertThat(cases()).isZero();
	}

	@Test
	void aWrongHeaderIsReportedOnLineOne() {
		MvcTestResult result = postCsv(CASES, "number,unit\n" + p + "1,AN-DC-01\n");
		assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(result).bodyJson().extractingPath("$.errors[*].line").asArray().containsExactly(1);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("header");
	}

	@Test
	void datesInTheFutureAndBothClearedAndClosedAreRejected() {
		MvcTestResult result = postCsv(CASES, CASE_HEADER + p + "1,AN-DC-01,THEFT,2024-03-01,2024-03-02,2999-01-01,,1\n"
				+ p + "2,AN-DC-01,THEFT,2024-03-01,2024-03-02,2024-03-05,2024-03-06,1\n"
				+ p + "3,AN-DC-01,THEFT,2024-03-01,2024-03-02,2024-03-01,,1\n");
		assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(result).bodyJson().extractingPath("$.errors[*].line").asArray().containsExactly(2, 3, 4);
		assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray()
			.containsExactly("cleared_on", "closed_on", "cleared_on");
	}

	@Test
	void messagesAreInTheRequestsLanguage() {
		MvcTestResult result = mvc.post().uri(CASES).header(HttpHeaders.AUTHORIZATION, BEARER)
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
			.contentType("text/csv")
			.content(CASE_HEADER + p + "1,AN-DC-01,THEFT,2024-03-01,2024-03-02,,,-1\n")
			.exchange();
		assertThat(result).bodyJson().extractingPath("$.errors[0].message").isEqualTo("An amount must not be negative");
	}

	@Test
	void eventsImportOnceAndImportingTheFileAgainAddsNothing() {
		assertThat(postCsv(CASES, CASE_HEADER + p + "1,AN-DC-01,FRAUD_INVESTMENT,2024-03-01,2024-03-02,,,5000\n"))
			.hasStatusOk();
		String file = EVENT_HEADER
				+ p + "1,STOP_PAYMENT,2024-03-02,3000,\n"
				+ p + "1,FREEZE,2024-03-03,2500.00,\n"
				+ p + "1,RETURN,2024-04-01,2000,\n"
				+ p + "1,APPREHENSION,2024-04-02,,2\n"
				+ p + "1,RETURN,2024-04-01,2000.00,\n";
		assertThat(postCsv(EVENTS, file)).hasStatusOk().bodyJson().isStrictlyEqualTo("{\"imported\":4,\"updated\":0}");
		long events = events();
		assertThat(events).isEqualTo(4);
		assertThat(postCsv(EVENTS, file)).hasStatusOk().bodyJson().isStrictlyEqualTo("{\"imported\":0,\"updated\":0}");
		assertThat(events()).isEqualTo(events);
		assertThat(jdbc.sql("SELECT people FROM case_event e JOIN case_file c ON c.id = e.case_id "
				+ "WHERE c.case_number = ? AND e.event_type = 'APPREHENSION'").param(p + "1").query(Integer.class).single())
			.isEqualTo(2);
	}

	@Test
	void eventsOfAnUnknownCaseOrWithTheWrongFiguresAnswer422AndStoreNothing() {
		assertThat(postCsv(CASES, CASE_HEADER + p + "1,AN-DC-01,FRAUD_INVESTMENT,2024-03-01,2024-03-02,,,5000\n"))
			.hasStatusOk();
		MvcTestResult result = postCsv(EVENTS, EVENT_HEADER
				+ p + "1,FREEZE,2024-03-03,100,\n"
				+ p + "404,FREEZE,2024-03-03,100,\n"
				+ p + "1,APPREHENSION,2024-03-03,100,\n"
				+ p + "1,APPREHENSION,2024-03-03,,0\n"
				+ p + "1,RETURN,2024-02-01,1,\n"
				+ p + "1,ARREST,2024-03-03,,1\n");
		assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(result).bodyJson().extractingPath("$.errors[*].line").asArray().containsExactly(3, 4, 4, 5, 6, 7);
		assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray()
			.containsExactly("case_number", "people", "amount", "people", "event_on", "event_type");
		assertThat(events()).isZero();
	}

	@Test
	void frontDeskStaffMayNotImport() {
		assertThat(mvc.post().uri(CASES).with(DemoStaff.frontDesk()).contentType("text/csv")
			.content(CASE_HEADER + p + "1,AN-DC-01,THEFT,2024-03-01,2024-03-02,,,1\n")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri(EVENTS).with(DemoStaff.chief()).contentType("text/csv")
			.content(EVENT_HEADER)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(cases()).isZero();
	}

	@Test
	void commandMayImport() {
		assertThat(mvc.post().uri(CASES).with(DemoStaff.command()).contentType("text/csv")
			.content(CASE_HEADER + p + "1,AN-DC-01,THEFT,2024-03-01,2024-03-02,,,1\n")).hasStatusOk();
		assertThat(cases()).isEqualTo(1);
	}

	@Test
	void withoutATokenTheAnswerIs401() {
		assertThat(mvc.post().uri(CASES).contentType("text/csv").content(CASE_HEADER)).hasStatus(HttpStatus.UNAUTHORIZED);
	}

	private MvcTestResult postCsv(String uri, String body) {
		return mvc.post().uri(uri).header(HttpHeaders.AUTHORIZATION, BEARER).contentType("text/csv")
			.content(body.getBytes(StandardCharsets.UTF_8)).exchange();
	}

	private long cases() {
		return jdbc.sql("SELECT count(*) FROM case_file WHERE case_number LIKE ?").param(p + "%").query(Long.class).single();
	}

	private long events() {
		return jdbc.sql("SELECT count(*) FROM case_event e JOIN case_file c ON c.id = e.case_id WHERE c.case_number LIKE ?")
			.param(p + "%").query(Long.class).single();
	}

	private long audited() {
		return jdbc.sql("SELECT count(*) FROM audit_event WHERE object_type = 'case-import'").query(Long.class).single();
	}

	private List<Map<String, Object>> rows() {
		return jdbc.sql("SELECT *, c::text AS whole FROM case_file c WHERE case_number LIKE ? ORDER BY case_number")
			.param(p + "%")
			.query()
			.listOfRows();
	}

	/** Every column of the cases, as text, for comparing before and after. */
	private List<String> wholeRows() {
		return jdbc.sql("SELECT c::text FROM case_file c WHERE case_number LIKE ? ORDER BY case_number").param(p + "%")
			.query(String.class)
			.list();
	}
}
