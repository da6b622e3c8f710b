package org.anning.indicators;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.anning.AnningTest;
import org.anning.DemoStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

@AnningTest
class SummaryTests {

	@Autowired
	Summary summary;

	@Autowired
	MockMvcTester mvc;

	static Indicators.Result result() {
		return new Indicators.Result("AN", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31),
				Comparison.of("previous-year", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)).orElseThrow(),
				List.of(Indicators.figure(Indicator.FRAUD_CLEARED, new BigDecimal("412"), new BigDecimal("308")),
						Indicators.figure(Indicator.FRAUD_APPREHENDED, new BigDecimal("710"), new BigDecimal("400")),
						Indicators.figure(Indicator.FRAUD_REGISTERED, new BigDecimal("900"), new BigDecimal("1000")),
						Indicators.figure(Indicator.CASES_CLEARANCE_RATE, Indicators.percent(1, 3), Indicators.percent(1, 4)),
						Indicators.figure(Indicator.SERVICES_ON_TIME_RATE, null, null)));
	}

	@Test
	void summarisesTheHeadlineFiguresInChinese() {
		assertThat(summary.sentences(result(), Locale.SIMPLIFIED_CHINESE)).containsExactly(
				"电信网络诈骗案件破案数同比上升33.77%（412）", "抓获电信网络诈骗犯罪嫌疑人数同比上升77.50%（710）",
				"电信网络诈骗案件立案数同比下降10.00%（900）", "刑事案件破案率为33.33%，同比上升8.33个百分点",
				"政务服务按时办结率：本期无数据");
	}

	@Test
	void summarisesTheHeadlineFiguresInEnglish() {
		assertThat(summary.sentences(result(), Locale.ENGLISH)).contains(
				"Telecom fraud cases cleared: up 33.77% year on year (412)",
				"Criminal case clearance rate: 33.33%, up 8.33 percentage points year on year");
	}

	@Test
	void theApiAnswersInTheRequestsLanguage() {
		assertThat(mvc.get().uri("/api/v1/indicators/summary?unit=AN&from=2025-01-01&to=2025-12-31")
			.header("Accept-Language", "en")
			.with(DemoStaff.command())).hasStatusOk().bodyText().contains("Telecom fraud cases cleared", "year on year");
	}

	@Test
	void theCsvExportCarriesDefinitionsAndPeriodsAndIsAudited() {
		var jdbc = org.springframework.jdbc.core.simple.JdbcClient.create(dataSource);
		long before = jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'EXPORT' AND object_type = 'indicators'")
			.query(Long.class).single();
		var result = mvc.get().uri("/desk/indicators/export.csv?unit=AN&from=2025-01-01&to=2025-12-31&compare=previous-year")
			.with(DemoStaff.command()).exchange();
		assertThat(result).hasStatusOk().hasContentType("text/csv;charset=UTF-8");
		String csv = new String(result.getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFF单位,AN").contains("统计期,2025-01-01 ~ 2025-12-31",
				"fraud.cleared,电信网络诈骗案件破案数,", "破案数 ÷ 立案数 × 100");
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'EXPORT' AND object_type = 'indicators'")
			.query(Long.class).single()).isEqualTo(before + 1);
	}

	@Autowired
	javax.sql.DataSource dataSource;
}
