package org.anning.operations;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.anning.AnningTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the scraper reads at {@code /actuator/prometheus}: request rates and latency histograms by route
 * template, and every module's queue, overdue, outbox and audit gauges, described and with a value.
 */
@AnningTest
class MetricsTests {

	/** Every gauge of ours, as Prometheus names it, with one of its tag sets where it has tags. */
	static final List<String> GAUGES = List.of("anning_services_applications_waiting{application=\"anning\",status=\"SUBMITTED\"}",
			"anning_services_applications_waiting{application=\"anning\",status=\"UNDER_REVIEW\"}",
			"anning_services_applications_due_soon{application=\"anning\"}",
			"anning_services_applications_overdue{application=\"anning\"}",
			"anning_mediation_disputes_open{application=\"anning\",risk=\"HIGH\"}",
			"anning_mediation_disputes_overdue{application=\"anning\"}",
			"anning_cases_reports_waiting{application=\"anning\",channel=\"ONLINE\"}",
			"anning_cases_reports_oldest_waiting_seconds{application=\"anning\"}",
			"anning_outbox_incomplete{application=\"anning\"}", "anning_outbox_failed{application=\"anning\"}",
			"anning_outbox_oldest_incomplete_seconds{application=\"anning\"}",
			"anning_audit_checkpoint_age_seconds{application=\"anning\"}",
			"anning_audit_unwitnessed{application=\"anning\"}");

	@Autowired
	MockMvc mvc;

	@Value("${anning.metrics.token}")
	String metricsToken;

	@Test
	void requestsAreCountedByRouteTemplateWithLatencyBuckets() throws Exception {
		mvc.perform(get("/api/v1/applications/AN-NOSUCH-4711/progress").param("idSuffix", "12345X"))
			.andExpect(status().isNotFound());

		String text = scrape();

		assertThat(text).contains("# TYPE http_server_requests_seconds histogram");
		assertThat(lines(text, "http_server_requests_seconds_count{"))
			.anyMatch(l -> l.contains("uri=\"/api/v1/applications/{reference}/progress\"") && l.contains("status=\"404\""));
		List<String> buckets = lines(text, "http_server_requests_seconds_bucket{").stream()
			.filter(l -> l.contains("uri=\"/api/v1/applications/{reference}/progress\"") && l.contains("status=\"404\""))
			.toList();
		assertThat(buckets).hasSizeGreaterThan(10).anyMatch(l -> l.contains("le=\"+Inf\""));
		assertThat(text).doesNotContain("AN-NOSUCH-4711");
	}

	@Test
	void everyGaugeIsDescribedAndHasAValue() throws Exception {
		String text = scrape();

		for (String gauge : GAUGES) {
			String name = gauge.substring(0, gauge.indexOf('{'));
			assertThat(text).as(name).containsPattern("# HELP " + Pattern.quote(name) + " \\S");
			Matcher value = Pattern.compile("(?m)^" + Pattern.quote(gauge) + " (\\S+)$").matcher(text);
			assertThat(value.find()).as(gauge + " in%n%s", text).isTrue();
			String figure = value.group(1);
			assertThat(figure).as(gauge).isNotEqualTo("NaN");
			if (!gauge.startsWith("anning_audit_checkpoint_age")) { // +Inf until the first checkpoint
				assertThat(Double.parseDouble(figure)).as(gauge).isFinite().isGreaterThanOrEqualTo(0);
			}
		}
	}

	@Test
	void queueGaugesCarryNoUnitOrPersonalTags() throws Exception {
		for (String line : lines(scrape(), "anning_")) {
			assertThat(line).doesNotContain("unit=").doesNotContain("resident").doesNotContain("reference=");
		}
	}

	private String scrape() throws Exception {
		return mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + metricsToken))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static List<String> lines(String text, String prefix) {
		return text.lines().filter(l -> l.startsWith(prefix)).toList();
	}
}
