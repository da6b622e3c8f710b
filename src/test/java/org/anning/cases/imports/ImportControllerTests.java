package org.anning.cases.imports;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.anning.AnningTest;
import org.anning.DemoStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

@AnningTest
class ImportControllerTests {

	static final String HEADER = "case_number,unit_code,category_code,occurred_on,registered_on,cleared_on,closed_on,loss_amount\n";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	final String p = "P" + UUID.randomUUID().toString().substring(0, 8).toUpperCase() + "-";

	@Test
	void theFormOffersBothKindsOfFile() {
		assertThat(mvc.get().uri("/desk/imports").with(DemoStaff.admin())).hasStatusOk()
			.bodyText()
			.contains("id=\"import-form\"", "enctype=\"multipart/form-data\"", "value=\"CASES\"", "value=\"EVENTS\"",
					"case_number,event_type,event_on,amount,people");
	}

	@Test
	void anUploadedFileIsImportedInTheBackgroundWhileThePageShowsProgress() {
		String file = HEADER + p + "1,AN-DC-01,THEFT,2024-03-01,2024-03-02,,,1\n" + p + "2,AN-DC-02,THEFT,2024-03-01,2024-03-02,,,2\n";
		String page = upload("CASES", file);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(mvc.get().uri(page).with(DemoStaff.admin()))
			.hasStatusOk()
			.bodyText()
			.contains("id=\"import-done\""));
		MvcTestResult done = mvc.get().uri(page).with(DemoStaff.admin()).exchange();
		assertThat(done).bodyText().contains("<progress id=\"import-bar\" max=\"100\" value=\"100\"").doesNotContain("hx-trigger");
		assertThat(jdbc.sql("SELECT count(*) FROM case_file WHERE case_number LIKE ?").param(p + "%").query(Long.class).single())
			.isEqualTo(2);
		assertThat(jdbc.sql("SELECT outcome FROM case_import WHERE id = ?")
			.param(UUID.fromString(page.substring(page.lastIndexOf('/') + 1)))
			.query(String.class)
			.single()).isEqualTo("DONE");
	}

	@Test
	void htmxGetsOnlyTheProgressFragment() {
		String page = upload("CASES", HEADER + p + "1,AN-DC-01,THEFT,2024-03-01,2024-03-02,,,1\n");
		MvcTestResult fragment = mvc.get().uri(page).header("HX-Request", "true").with(DemoStaff.admin()).exchange();
		assertThat(fragment).hasStatusOk().bodyText().startsWith("<div id=\"import-progress\"").doesNotContain("<html");
		MvcTestResult full = mvc.get().uri(page).with(DemoStaff.admin()).exchange();
		assertThat(full).hasStatusOk().bodyText().contains("<html", "id=\"import-progress\"");
	}

	@Test
	void aRejectedFileShowsEveryBadLineAndOffersTheReportAsCsv() {
		String page = upload("CASES", HEADER + p + "1,AN-DC-01,THEFT,2024-03-01,2024-03-02,,,1\n"
				+ p + "2,AN-DC-01,NO_SUCH_CATEGORY,2024-03-01,2024-03-02,,,1\n" + p + "3,AN-DC-01,THEFT,2024-03-01,2024-03-02,,,x\n");
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(mvc.get().uri(page).with(DemoStaff.admin()))
			.bodyText()
			.contains("id=\"import-rejected\""));
		assertThat(mvc.get().uri(page).with(DemoStaff.admin())).bodyText()
			.contains("id=\"import-errors\"", "<td>3</td>", "<td>4</td>", "category_code", "loss_amount", "NO_SUCH_CATEGORY");
		MvcTestResult report = mvc.get().uri(page + "/errors.csv").with(DemoStaff.admin()).exchange();
		assertThat(report).hasStatusOk().hasContentType("text/csv;charset=UTF-8");
		assertThat(report).bodyText().contains("line,field,message", "3,category_code,", "4,loss_amount,");
		assertThat(jdbc.sql("SELECT count(*) FROM case_file WHERE case_number LIKE ?").param(p + "%").query(Long.class).single())
			.isZero();
	}

	@Test
	void withoutAFileTheFormSaysSo() {
		assertThat(mvc.post().uri("/desk/imports").multipart().param("kind", "CASES").with(csrf()).with(DemoStaff.admin()))
			.hasStatusOk()
			.bodyText()
			.contains("id=\"file-error\"");
	}

	@Test
	void frontDeskStaffSeeNoImportPage() {
		assertThat(mvc.get().uri("/desk/imports").with(DemoStaff.frontDesk())).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/desk").with(DemoStaff.frontDesk())).bodyText().doesNotContain("/desk/imports");
	}

	@Test
	void anUnknownImportIsNotFound() {
		assertThat(mvc.get().uri("/desk/imports/" + UUID.randomUUID()).with(DemoStaff.admin())).hasStatus(HttpStatus.NOT_FOUND);
	}

	private String upload(String kind, String csv) {
		MvcTestResult posted = mvc.post()
			.uri("/desk/imports")
			.multipart()
			.file(new MockMultipartFile("file", "cases.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.param("kind", kind)
			.with(csrf())
			.with(DemoStaff.admin())
			.exchange();
		assertThat(posted).hasStatus(HttpStatus.FOUND);
		String location = posted.getResponse().getRedirectedUrl();
		assertThat(location).matches("/desk/imports/[0-9a-f-]{36}");
		return location;
	}
}
