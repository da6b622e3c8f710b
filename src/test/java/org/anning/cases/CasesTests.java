package org.anning.cases;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.anning.AnningTest;
import org.anning.DemoStaff;
import org.anning.units.UnitScope;
import org.anning.web.ConflictException;
import org.anning.web.InvalidInputException;
import org.anning.web.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@AnningTest
class CasesTests {

	static final UnitScope STATION = new UnitScope(Set.of(DemoStaff.unitId("AN-DC-01")));

	static final UnitScope SIBLING = new UnitScope(Set.of(DemoStaff.unitId("AN-DC-02")));

	@Autowired
	Cases cases;

	@Autowired
	Reports reports;

	@Autowired
	CaseSearch search;

	@Autowired
	Taxonomy taxonomy;

	CaseFile register(String category, String narrative) {
		LocalDate today = LocalDate.now();
		return cases.register(new NewCase("AN-DC-01", category, today.minusDays(3).toString(), today.minusDays(2).toString(),
				"和平路", narrative), null, STATION);
	}

	@Test
	void taxonomyCountsSubcodesUnderTheirParent() {
		assertThat(taxonomy.isUnder("FRAUD_INVESTMENT", Taxonomy.TELECOM_FRAUD)).isTrue();
		assertThat(taxonomy.isUnder("ARSON_CAUSING_DEATH", Taxonomy.HOMICIDE)).isTrue();
		assertThat(taxonomy.isUnder("THEFT", Taxonomy.TELECOM_FRAUD)).isFalse();
		assertThat(taxonomy.codesUnder(Taxonomy.HOMICIDE)).hasSize(9);
		assertThat(taxonomy.codesUnder(Taxonomy.TELECOM_FRAUD)).hasSize(8);
	}

	@Test
	void registeredCaseHasAReadableNumberAndASiblingStationCannotSeeIt() {
		CaseFile c = register("THEFT", "电动车在小区楼下被盗");
		assertThat(c.caseNumber()).matches("AJ-\\d{4}-\\d{6}");
		assertThat(c.status()).isEqualTo(CaseStatus.REGISTERED);
		assertThatThrownBy(() -> cases.get(c.caseNumber(), SIBLING)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> cases.clear(c.caseNumber(), null, "抓获", SIBLING)).isInstanceOf(NotFoundException.class);
	}

	@Test
	void statusChangesAreGuarded() {
		CaseFile c = register("ASSAULT", "两人在烧烤摊发生冲突");
		LocalDate registered = c.registeredOn();
		assertThatThrownBy(() -> cases.clear(c.caseNumber(), registered.minusDays(1).toString(), "抓获嫌疑人", STATION))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.problems()).extracting(InvalidInputException.FieldProblem::field).containsExactly("clearedOn"));
		assertThatThrownBy(() -> cases.clear(c.caseNumber(), LocalDate.now().plusDays(1).toString(), "抓获嫌疑人", STATION))
			.isInstanceOf(InvalidInputException.class);
		cases.close(c.caseNumber(), null, "当事人自行和解，不构成犯罪", STATION);
		assertThatThrownBy(() -> cases.clear(c.caseNumber(), null, "抓获嫌疑人", STATION)).isInstanceOf(ConflictException.class);
		assertThat(cases.get(c.caseNumber(), STATION).closedReason()).isEqualTo("当事人自行和解，不构成犯罪");
	}

	@Test
	void moneyAndPeopleAreDatedEventsAndTheSameEventIsNotRecordedTwice() {
		CaseFile c = register("FRAUD_INVESTMENT", "受害人通过虚假投资平台转账");
		Victim v = cases.addVictim(c.caseNumber(), "受害人甲", "50000", STATION);
		assertThat(cases.get(c.caseNumber(), STATION).loss()).isEqualByComparingTo("50000.00");
		String today = LocalDate.now().toString();
		cases.record(c.caseNumber(), "FREEZE", today, "30000", null, v.id().toString(), null, STATION);
		cases.record(c.caseNumber(), "RETURN", today, "20000.50", null, v.id().toString(), null, STATION);
		CaseEvent apprehension = cases.record(c.caseNumber(), "APPREHENSION", today, null, "2", null, "抓获 2 人", STATION);
		assertThat(apprehension.people()).isEqualTo(2);
		assertThat(apprehension.amount()).isNull();
		assertThatThrownBy(() -> cases.record(c.caseNumber(), "RETURN", today, "20000.50", null, v.id().toString(), null,
				STATION))
			.isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> cases.record(c.caseNumber(), "RETURN", today, "-5", null, null, null, STATION))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> cases.record(c.caseNumber(), "STOP_PAYMENT", today, "1.234", null, null, null, STATION))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> cases.record(c.caseNumber(), "APPREHENSION", today, null, "0", null, null, STATION))
			.isInstanceOf(InvalidInputException.class);
		assertThat(cases.returnedTo(cases.get(c.caseNumber(), STATION), v.id())).isEqualByComparingTo("20000.50");
	}

	@Test
	void anOnlineFraudReportBecomesACaseWithItsReporterAsVictim() {
		UUID resident = UUID.randomUUID();
		Report r = reports.reportOnline(resident, new NewReport("TELECOM_FRAUD", "AN-DC-01",
				"网友推荐一个投资平台，先后转账三次，后来无法提现", LocalDateTime.now().minusDays(1), "家中", "80000",
				"BANK", List.of(new ReceivingAccount(PaymentChannel.BANK, "某银行", "6222000011112222", "李某",
						new BigDecimal("80000"))), null, null), List.of());
		assertThat(r.reference()).matches("BA-\\d{4}-\\d{6}");
		CaseFile c = reports.toNewCase(r.reference(), new NewCase(null, "FRAUD_INVESTMENT", null, null, null, null), null,
				STATION);
		assertThat(c.loss()).isEqualByComparingTo("80000.00");
		assertThat(reports.mine(resident, r.reference()).status()).isEqualTo(ReportStatus.CASE_REGISTERED);
		assertThat(reports.caseProgress(reports.mine(resident, r.reference())).orElseThrow().caseNumber())
			.isEqualTo(c.caseNumber());
		assertThatThrownBy(() -> reports.nonCriminal(r.reference(), "不构成犯罪", STATION)).isInstanceOf(ConflictException.class);
	}

	@Test
	void anOnlineFraudReportWithoutAReceivingAccountIsRefusedOnThatField() {
		assertThatThrownBy(() -> reports.reportOnline(UUID.randomUUID(), new NewReport("TELECOM_FRAUD", "AN-DC-01",
				"冒充客服要求退款", LocalDateTime.now().minusHours(3), "家中", "3000", "ALIPAY", List.of(), null, null),
				List.of()))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
				.extracting(InvalidInputException.FieldProblem::field)
				.containsExactly("accounts[0].account"));
	}

	@Test
	void searchFindsChineseWordsAndNumbersWithinTheScopeOnly() {
		String marker = "翡翠" + Long.toHexString(System.nanoTime());
		CaseFile c = register("THEFT", "商场柜台" + marker + "手镯被盗");
		assertThat(search.search("手镯", STATION, 200)).extracting(CaseSearch.Hit::number).contains(c.caseNumber());
		assertThat(search.search(marker, STATION, 10)).extracting(CaseSearch.Hit::number).containsExactly(c.caseNumber());
		assertThat(search.search(c.caseNumber(), STATION, 10)).extracting(CaseSearch.Hit::number).contains(c.caseNumber());
		assertThat(search.search(marker, SIBLING, 10)).isEmpty();
		assertThat(search.search("   ", STATION, 10)).isEmpty();
	}

	@Test
	void tokensAreCharactersBigramsAndWords() {
		assertThat(SearchTokens.of("电信诈骗 AJ-2025-000123 Fraud"))
			.contains("电", "电信", "信诈", "诈骗", "aj", "2025", "000123", "fraud")
			.doesNotContain("电诈");
	}
}
