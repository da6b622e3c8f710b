package org.anning.mediation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.anning.AnningTest;
import org.anning.DemoStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.anning.mediation.MediationFixture.API;
import static org.anning.mediation.MediationFixture.mediator;
import static org.anning.mediation.MediationFixture.neighbours;
import static org.anning.mediation.MediationFixture.post;
import static org.anning.mediation.MediationFixture.receive;
import static org.assertj.core.api.Assertions.assertThat;

/** The figures of the indicators: each equals the number of its records, and each moves with the records it counts. */
@AnningTest
class MediationStatisticsTests {

	@Autowired
	MediationStatistics statistics;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Clock clock;

	final Set<UUID> station = Set.of(DemoStaff.unitId("AN-DC-01").value());

	@Test
	void everyFigureEqualsTheCountOfItsRecordsOverTheDemoYears() {
		LocalDate to = LocalDate.now(clock);
		Set<UUID> bureau = Set.of(DemoStaff.unitId("AN-DC-01").value(), DemoStaff.unitId("AN-DC-02").value(),
				DemoStaff.unitId("AN-XH-01").value());
		for (LocalDate from : List.of(to.minusYears(2), to.minusMonths(3), to.withDayOfMonth(1))) {
			MediationStatistics.Figures f = statistics.figures(bureau, from, to);
			assertThat(f.received()).isPositive();
			assertThat(total("received", bureau, from, to)).isEqualTo(f.received());
			assertThat(total("closed", bureau, from, to)).isEqualTo(f.closed());
			assertThat(total("agreements", bureau, from, to)).isEqualTo(f.agreements());
			assertThat(total("followUps.due", bureau, from, to)).isEqualTo(f.followUpsDue());
			assertThat(total("followUps.onTime", bureau, from, to)).isEqualTo(f.followedUpOnTime());
			assertThat(total("escalated", bureau, from, to)).isEqualTo(f.escalated());
			long days = statistics.records("closed", bureau, from, to, 0, 100_000).lines().stream()
				.mapToLong(l -> l.days()).sum();
			assertThat(days).isEqualTo(f.daysSum());
		}
		MediationStatistics.Figures two = statistics.figures(bureau, to.minusYears(2), to);
		assertThat(two.agreements()).isLessThanOrEqualTo(two.closed()).isPositive();
		assertThat(two.followedUpOnTime()).isLessThanOrEqualTo(two.followUpsDue()).isPositive();
		assertThat(two.escalated()).isPositive();
	}

	@Test
	void figuresMoveWithReceiptAgreementFollowUpAndEscalation() {
		LocalDate today = LocalDate.now(clock);
		LocalDate from = today.minusDays(20);
		MediationStatistics.Figures before = statistics.figures(station, from, today);
		String ref = receive(mvc, neighbours(today, 20, "MEDIUM"));
		post(mvc, API + "/" + ref + "/agreement", mediator(), Map.of("agreedOn", today.minusDays(15).toString(),
				"terms", List.of(Map.of("party", "李四海", "obligation", "赔礼道歉"))));
		post(mvc, API + "/" + ref + "/follow-up", mediator(), Map.of("followedUpOn", today.toString(), "carriedOut", true));
		MediationStatistics.Figures after = statistics.figures(station, from, today);
		assertThat(after.received()).isEqualTo(before.received() + 1);
		assertThat(after.closed()).isEqualTo(before.closed() + 1);
		assertThat(after.agreements()).isEqualTo(before.agreements() + 1);
		assertThat(after.followUpsDue()).isEqualTo(before.followUpsDue() + 1);
		assertThat(after.followedUpOnTime()).isEqualTo(before.followedUpOnTime() + 1);
		assertThat(after.daysSum()).isEqualTo(before.daysSum() + 5);
		assertThat(statistics.records("agreements", station, from, today, 0, 1000).lines())
			.anySatisfy(l -> assertThat(l.reference()).isEqualTo(ref));
	}

	private long total(String set, Set<UUID> units, LocalDate from, LocalDate to) {
		MediationStatistics.Page page = statistics.records(set, units, from, to, 0, 5);
		assertThat(page.lines().size()).isLessThanOrEqualTo(5);
		return page.total();
	}
}
