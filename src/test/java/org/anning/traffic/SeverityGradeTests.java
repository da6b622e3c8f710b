package org.anning.traffic;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SeverityGradeTests {

	@ParameterizedTest(name = "{0} deaths: {1}")
	@CsvSource({ "0, ORDINARY", "2, ORDINARY", "3, RELATIVELY_SERIOUS", "9, RELATIVELY_SERIOUS", "10, SERIOUS",
			"29, SERIOUS", "30, PARTICULARLY_SERIOUS", "31, PARTICULARLY_SERIOUS" })
	void deathsGradeAtEveryBoundary(int deaths, SeverityGrade grade) {
		assertThat(SeverityGrade.of(deaths, 0, BigDecimal.ZERO)).isEqualTo(grade);
	}

	@ParameterizedTest(name = "{0} serious injuries: {1}")
	@CsvSource({ "0, ORDINARY", "9, ORDINARY", "10, RELATIVELY_SERIOUS", "49, RELATIVELY_SERIOUS", "50, SERIOUS",
			"99, SERIOUS", "100, PARTICULARLY_SERIOUS" })
	void seriousInjuriesGradeAtEveryBoundary(int serious, SeverityGrade grade) {
		assertThat(SeverityGrade.of(0, serious, BigDecimal.ZERO)).isEqualTo(grade);
	}

	@ParameterizedTest(name = "{0} yuan: {1}")
	@CsvSource({ "0.00, ORDINARY", "9999999.99, ORDINARY", "10000000.00, RELATIVELY_SERIOUS",
			"49999999.99, RELATIVELY_SERIOUS", "50000000.00, SERIOUS", "99999999.99, SERIOUS",
			"100000000.00, PARTICULARLY_SERIOUS" })
	void directLossGradeAtEveryBoundary(BigDecimal loss, SeverityGrade grade) {
		assertThat(SeverityGrade.of(0, 0, loss)).isEqualTo(grade);
	}

	@ParameterizedTest(name = "{0} deaths, {1} serious, {2} yuan: {3}")
	@CsvSource({ "3, 0, 50000000.00, SERIOUS", "30, 9, 0.00, PARTICULARLY_SERIOUS", "2, 50, 10000000.00, SERIOUS",
			"9, 49, 49999999.99, RELATIVELY_SERIOUS", "2, 9, 100000000.00, PARTICULARLY_SERIOUS" })
	void theHighestGradeAnyThresholdReachesWins(int deaths, int serious, BigDecimal loss, SeverityGrade grade) {
		assertThat(SeverityGrade.of(deaths, serious, loss)).isEqualTo(grade);
	}

	@ParameterizedTest(name = "{0}: major {1}")
	@CsvSource({ "ORDINARY, false", "RELATIVELY_SERIOUS, true", "SERIOUS, true", "PARTICULARLY_SERIOUS, true" })
	void relativelySeriousAndAboveAreMajor(SeverityGrade grade, boolean major) {
		assertThat(grade.major()).isEqualTo(major);
	}
}
