package org.anning.cases;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.anning.AnningTest;
import org.anning.cases.CasesApiFixture.Resident;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

import static org.anning.cases.CasesApiFixture.FAKE_PDF;
import static org.anning.cases.CasesApiFixture.PDF;
import static org.anning.cases.CasesApiFixture.investmentFraud;
import static org.anning.cases.CasesApiFixture.json;
import static org.anning.cases.CasesApiFixture.raw;
import static org.anning.cases.CasesApiFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

@AnningTest
class MyReportsApiTests {

	static final String MINE = "/api/v1/me/reports";

	@Autowired
	MockMvcTester mvc;

	@Test
	void residentReportsAnInvestmentFraudWithALossAndAReceivingAccountAndGetsAReportNumber() {
		Resident resident = CasesApiFixture.resident(mvc);
		MvcTestResult created = mvc.post().uri(MINE).header("Authorization", resident.bearer())
			.contentType(MediaType.APPLICATION_JSON).content(write(investmentFraud())).exchange();
		assertThat(created).hasStatus(HttpStatus.CREATED);
		JsonNode report = json(created);
		String reference = report.get("reference").asString();
		assertThat(reference).matches("BA-\\d{4}-\\d{6}");
		assertThat(created.getResponse().getHeader("Location")).isEqualTo(MINE + "/" + reference);

		MvcTestResult got = mvc.get().uri(MINE + "/" + reference).header("Authorization", resident.bearer()).exchange();
		JsonNode read = json(got);
		assertThat(read.get("status").asString()).isEqualTo("RECEIVED");
		assertThat(read.get("kind").get("code").asString()).isEqualTo("TELECOM_FRAUD");
		assertThat(read.get("loss").decimalValue()).isEqualByComparingTo("12000.00");
		assertThat(raw(got)).contains("\"loss\":12000.00"); // amounts are numbers with two decimals
		assertThat(read.get("accounts").get(0).get("account").asString()).isEqualTo("6222020200112233445");
		assertThat(read.get("accounts").get(0).get("amount").decimalValue()).isEqualByComparingTo("12000");
		assertThat(read.get("unit").asString()).isEqualTo("AN-DC-01");
		assertThat(read.path("caseProgress").isMissingNode() || read.path("caseProgress").isNull()).isTrue();

		assertThat(mvc.get().uri(MINE).header("Authorization", resident.bearer())).hasStatusOk().bodyJson()
			.extractingPath("$[*].reference").asArray().containsExactly(reference);
	}

	@Test
	void aFraudReportWithoutAReceivingAccountAnswers422OnTheFirstAccount() {
		Resident resident = CasesApiFixture.resident(mvc);
		Map<String, Object> body = investmentFraud();
		body.put("accounts", List.of());
		MvcTestResult refused = mvc.post().uri(MINE).header("Authorization", resident.bearer())
			.contentType(MediaType.APPLICATION_JSON).content(write(body)).exchange();
		assertThat(refused).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().extractingPath("$.errors[*].field")
			.asArray().containsExactly("accounts[0].account");
		assertThat(mvc.get().uri(MINE).header("Authorization", resident.bearer())).hasStatusOk().bodyJson()
			.extractingPath("$.length()").isEqualTo(0);
	}

	@Test
	void aFakePdfIsRefusedOnItsFileAndNothingIsStored() {
		Resident resident = CasesApiFixture.resident(mvc);
		MvcTestResult refused = mvc.post().uri(MINE).header("Authorization", resident.bearer())
			.multipart()
			.file(new MockMultipartFile("report", "", MediaType.APPLICATION_JSON_VALUE,
					write(investmentFraud()).getBytes(StandardCharsets.UTF_8)))
			.file(new MockMultipartFile("files", "transfer.pdf", "application/pdf", PDF))
			.file(new MockMultipartFile("files", "chat.pdf", "application/pdf", FAKE_PDF))
			.exchange();
		assertThat(refused).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(refused).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly("files[1]");
		assertThat(refused).bodyJson().extractingPath("$.errors[0].message").asString().contains("chat.pdf");
		assertThat(mvc.get().uri(MINE).header("Authorization", resident.bearer())).hasStatusOk().bodyJson()
			.extractingPath("$.length()").isEqualTo(0);

		MvcTestResult created = mvc.post().uri(MINE).header("Authorization", resident.bearer())
			.multipart()
			.file(new MockMultipartFile("report", "", MediaType.APPLICATION_JSON_VALUE,
					write(investmentFraud()).getBytes(StandardCharsets.UTF_8)))
			.file(new MockMultipartFile("files", "transfer.pdf", "application/pdf", PDF))
			.exchange();
		assertThat(created).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.attachments[0].fileName")
			.isEqualTo("transfer.pdf");
	}

	@Test
	void anotherResidentsReportIsNotFound() {
		Resident owner = CasesApiFixture.resident(mvc);
		Resident other = CasesApiFixture.resident(mvc);
		String reference = json(mvc.post().uri(MINE).header("Authorization", owner.bearer())
			.contentType(MediaType.APPLICATION_JSON).content(write(investmentFraud())).exchange()).get("reference")
			.asString();
		assertThat(mvc.get().uri(MINE + "/" + reference).header("Authorization", other.bearer()))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri(MINE + "/" + reference).header("Authorization", owner.bearer())).hasStatusOk();
	}

	@Test
	void staffCannotUseTheResidentsReportEndpoints() {
		assertThat(mvc.get().uri(MINE).with(CasesApiFixture.caseOfficer())).hasStatus4xxClientError();
	}
}
