package org.anning.traffic;

import java.math.BigDecimal;

/**
 * The grade of an accident (事故等级), derived from its deaths, serious injuries and direct property loss in yuan,
 * never typed: the highest grade any of the three reaches wins. Ordered from the most to the least serious.
 */
public enum SeverityGrade {

	/** 特别重大: 30 deaths, 100 serious injuries or 100,000,000 yuan or more. */
	PARTICULARLY_SERIOUS(30, 100, new BigDecimal("100000000")),

	/** 重大: 10 to 29 deaths, 50 to 99 serious injuries, 50,000,000 to 99,999,999.99 yuan. */
	SERIOUS(10, 50, new BigDecimal("50000000")),

	/** 较大: 3 to 9 deaths, 10 to 49 serious injuries, 10,000,000 to 49,999,999.99 yuan. */
	RELATIVELY_SERIOUS(3, 10, new BigDecimal("10000000")),

	/** 一般: anything below. */
	ORDINARY(0, 0, BigDecimal.ZERO);

	private final int deaths;

	private final int seriousInjuries;

	private final BigDecimal directLoss;

	SeverityGrade(int deaths, int seriousInjuries, BigDecimal directLoss) {
		this.deaths = deaths;
		this.seriousInjuries = seriousInjuries;
		this.directLoss = directLoss;
	}

	/** The grade of an accident with these counts and loss (a null loss counts as none). */
	public static SeverityGrade of(int deaths, int seriousInjuries, BigDecimal directLoss) {
		BigDecimal loss = directLoss == null ? BigDecimal.ZERO : directLoss;
		for (SeverityGrade grade : values()) {
			if (deaths >= grade.deaths || seriousInjuries >= grade.seriousInjuries
					|| loss.compareTo(grade.directLoss) >= 0) {
				return grade;
			}
		}
		return ORDINARY;
	}

	/** Relatively serious or above: what traffic.majorAccidents counts. */
	public boolean major() {
		return this != ORDINARY;
	}

	/** The grades counted as major, for SQL. */
	public static String[] majorNames() {
		return java.util.Arrays.stream(values()).filter(SeverityGrade::major).map(Enum::name).toArray(String[]::new);
	}

	public String messageKey() {
		return "traffic.grade." + name();
	}
}
