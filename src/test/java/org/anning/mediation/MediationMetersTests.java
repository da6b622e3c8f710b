package org.anning.mediation;

import java.time.Clock;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.anning.AnningTest;
import org.anning.DemoStaff;
import org.anning.accounts.Role;
import org.anning.units.UnitScopes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Mediation's gauges count what the mediation worklists show, bureau-wide. */
@AnningTest
class MediationMetersTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	MediationWorklists worklists;

	@Autowired
	UnitScopes scopes;

	@Test
	void gaugesAgreeWithTheBureauWideWorklists() {
		MeterRegistry registry = new SimpleMeterRegistry();
		new MediationMeters(jdbc, clock).bindTo(registry);
		Map<MediationQueue, Integer> counts = worklists
			.counts(scopes.of(DemoStaff.principal("command", "AN", Role.COMMAND)));

		int open = 0;
		for (Risk risk : Risk.values()) {
			open += open(registry, risk);
		}
		assertThat(open).isEqualTo(counts.get(MediationQueue.IN_MEDIATION)).as("the demo data has disputes in mediation")
			.isPositive();
		assertThat(open(registry, Risk.HIGH)).isEqualTo(counts.get(MediationQueue.HIGH_RISK));
		assertThat((int) registry.get("anning.mediation.disputes.overdue").gauge().value())
			.isEqualTo(counts.get(MediationQueue.OVERDUE));
	}

	private static int open(MeterRegistry registry, Risk risk) {
		return (int) registry.get("anning.mediation.disputes.open").tag("risk", risk.name()).gauge().value();
	}
}
