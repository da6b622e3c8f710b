package org.anning.traffic;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;

import org.anning.AnningTest;
import org.anning.DemoStaff;
import org.anning.accounts.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;

/** The traffic desk pages, which work without JavaScript. */
@AnningTest
class DeskTrafficTests {

	@Autowired
	MockMvcTester mvc;

	final Random random = new Random(System.nanoTime());

	final double latitude = 41 + random.nextDouble() * 3;

	final double longitude = 100 + random.nextDouble() * 5;

	final LocalDate day = LocalDate.of(2022, 1, 1).plusDays(random.nextInt(360));

	static RequestPostProcessor officer() {
		return DemoStaff.as("traffic1", "AN-DC-01", Role.TRAFFIC_OFFICER);
	}

	MvcTestResult recordForm(String occurredAt, String latitude, String deaths) {
		return mvc.post().uri("/desk/traffic/accidents/new").with(officer()).with(csrf())
			.param("lang", "en")
			.param("occurredAt", occurredAt).param("road", "解放路").param("latitude", latitude)
			.param("longitude", String.format(Locale.ROOT, "%.6f", longitude)).param("type", "PEDESTRIAN")
			.param("deaths", deaths).param("seriousInjuries", "1").param("minorInjuries", "0")
			.param("directLoss", "800").param("causes", "FAILURE_TO_YIELD").param("vehicles[CAR]", "1")
			.param("weather", "CLEAR").param("light", "DARK_LIT").param("surface", "DRY")
			.exchange();
	}

	static RequestPostProcessor csrf() {
		return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();
	}

	@Test
	void anAccidentRecordedAtTheDeskIsShownWithItsGradeAndDeathsCanBeUpdated() {
		MvcTestResult recorded = recordForm(day + "T19:45", String.format(Locale.ROOT, "%.6f", latitude), "1");
		assertThat(recorded).hasStatus3xxRedirection();
		String location = recorded.getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/desk/traffic/accidents/JT-" + day.getYear() + "-");
		MvcTestResult page = mvc.get().uri(location).with(officer()).param("lang", "en").exchange();
		assertThat(page).hasStatusOk().bodyText().contains("Ordinary", "解放路", day + " 19:45", "Failure to yield",
				"Car: 1", "Dark, street lights on");
		// the accident is long past: its deaths can no longer be updated, and the page says why, keeping the value
		MvcTestResult late = mvc.post().uri(location + "/deaths").with(officer()).with(csrf())
			.param("lang", "en").param("deaths", "2").exchange();
		assertThat(late).hasStatus(422).bodyText().contains("more than 30 days", "value=\"2\"");
		assertThat(mvc.get().uri("/desk/traffic").with(officer()).exchange()).hasStatusOk().bodyText()
			.contains(location.substring(location.lastIndexOf('/') + 1));
	}

	@Test
	void aBadFormIsShownAgainWithTheErrorsAndWhatWasTyped() {
		MvcTestResult result = recordForm("yesterday evening", "95.5", "two");
		assertThat(result).hasStatus(422).bodyText().contains("error-summary", "Enter the time as 2024-03-05T18:40",
				"value=\"yesterday evening\"", "value=\"95.5\"", "value=\"two\"", "Enter a whole number");
	}

	@Test
	void listsAndPagesAnswerForReadersAndNotForOtherRoles() {
		for (String page : new String[] { "/desk/traffic", "/desk/traffic/duplicates", "/desk/traffic/black-spots" }) {
			assertThat(mvc.get().uri(page).with(officer())).as(page).hasStatusOk();
			assertThat(mvc.get().uri(page).with(DemoStaff.command())).as(page).hasStatusOk();
			assertThat(mvc.get().uri(page).with(DemoStaff.frontDesk())).as(page).hasStatus(403);
		}
		assertThat(mvc.get().uri("/desk/traffic/accidents/new").with(officer())).hasStatusOk().bodyText()
			.contains("name=\"vehicles[CAR]\"", "name=\"causes\"");
		assertThat(mvc.get().uri("/desk/traffic/accidents/new").with(DemoStaff.command())).hasStatus(403);
	}

	@Test
	void theBlackSpotPageListsTheSpotsInATableAndCarriesTheChartData() {
		MvcTestResult page = mvc.get().uri("/desk/traffic/black-spots?radius=250&minAccidents=3")
			.with(DemoStaff.command()).exchange();
		assertThat(page).hasStatusOk().bodyText().contains("id=\"spots\"", "id=\"spots-data\"",
				"/js/traffic-spots.js", "\"tileUrl\":\"\"");
		assertThat(page).bodyText().doesNotContain("<script>");
		MvcTestResult bad = mvc.get().uri("/desk/traffic/black-spots?radius=9").with(DemoStaff.command())
			.param("lang", "en").exchange();
		assertThat(bad).hasStatus(422).bodyText().contains("Enter a whole number from 10 to 5,000", "value=\"9\"");
	}

	@Test
	void theDuplicateReviewShowsBothAccidentsSideBySideAndMerges() {
		String lat = String.format(Locale.ROOT, "%.6f", latitude + 0.5);
		String first = number(recordForm(day + "T07:00", lat, "0"));
		String second = number(recordForm(day + "T07:40", lat, "0"));
		MvcTestResult review = mvc.get().uri("/desk/traffic/duplicates/" + second).with(officer()).exchange();
		assertThat(review).hasStatusOk().bodyText().contains("side-by-side", first, second, "id=\"merge\"");
		assertThat(mvc.get().uri("/desk/traffic/duplicates").with(officer())).bodyText().contains(second);
		assertThat(mvc.post().uri("/desk/traffic/duplicates/" + second + "/merge").with(officer()).with(csrf()))
			.hasStatus3xxRedirection();
		assertThat(mvc.get().uri("/desk/traffic/duplicates/" + second).with(officer())).hasStatusOk().bodyText()
			.doesNotContain("id=\"merge\"");
		assertThat(mvc.get().uri("/desk/traffic/duplicates/" + second).with(DemoStaff.chief2())).hasStatus(404);
		assertThat(mvc.post().uri("/desk/traffic/duplicates/" + first + "/dismiss").with(officer()).with(csrf()))
			.hasStatus(404);
	}

	@Test
	void theImportPageListsEveryBadLineAndImportsAGoodFile() {
		String tag = Long.toString(System.nanoTime() % 10_000_000, 36).toUpperCase();
		String header = "accident_number,unit_code,occurred_at,latitude,longitude,road,km_marker,deaths,"
				+ "serious_injuries,minor_injuries,direct_loss,cause_code\n";
		String place = String.format(Locale.ROOT, "%.6f,%.6f", latitude + 1, longitude);
		String bad = header + "D" + tag + "-1,AN-DC-01,2023-05-01T10:00:00," + place + ",,,0,0,0,0,\n";
		MvcTestResult rejected = mvc.post().uri("/desk/traffic/imports").multipart()
			.file(new MockMultipartFile("file", "a.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8)))
			.with(DemoStaff.admin()).with(csrf()).param("lang", "en").exchange();
		assertThat(rejected).hasStatus(422).bodyText().contains("import-errors", "<td>2</td>", "occurred_at",
				"no zone offset");
		String good = header + "D" + tag + "-1,AN-DC-01,2023-05-01T10:00:00+08:00," + place + ",,,0,0,0,0,\n";
		MvcTestResult imported = mvc.post().uri("/desk/traffic/imports").multipart()
			.file(new MockMultipartFile("file", "a.csv", "text/csv", good.getBytes(StandardCharsets.UTF_8)))
			.with(DemoStaff.admin()).with(csrf()).exchange();
		assertThat(imported).hasStatus3xxRedirection();
		assertThat(mvc.get().uri("/desk/traffic/imports").with(DemoStaff.admin())).hasStatusOk();
		assertThat(mvc.get().uri("/desk/traffic/imports").with(officer())).hasStatus(403);
	}

	static String number(MvcTestResult result) {
		assertThat(result).hasStatus3xxRedirection();
		String location = result.getResponse().getRedirectedUrl();
		return location.substring(location.lastIndexOf('/') + 1);
	}
}
