package org.anning.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

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
import static org.assertj.core.api.Assertions.within;

/** Intake's gauges count the reports waiting in the bureau-wide intake list, by channel. */
@AnningTest
class CaseMetersTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	Reports reports;

	@Autowired
	UnitScopes scopes;

	@Test
	void gaugesAgreeWithTheReportsWaitingForIntake() {
		MeterRegistry registry = new SimpleMeterRegistry();
		new CaseMeters(jdbc, clock).bindTo(registry);
		List<Report> waiting = reports.list(scopes.of(DemoStaff.principal("command", "AN", Role.COMMAND)),
				ReportStatus.RECEIVED, 500);
		assertThat(waiting).as("fewer than the list's limit, so the list is complete").hasSizeLessThan(500);

		for (Channel channel : Channel.values()) {
			assertThat((long) registry.get("anning.cases.reports.waiting").tag("channel", channel.name()).gauge().value())
				.as(channel.name())
				.isEqualTo(waiting.stream().filter(r -> r.channel() == channel).count());
		}
		double oldest = registry.get("anning.cases.reports.oldest.waiting").gauge().value();
		if (waiting.isEmpty()) {
			assertThat(oldest).isZero();
		}
		else {
			Instant first = waiting.stream().map(Report::createdAt).min(Comparator.naturalOrder()).orElseThrow();
			assertThat(oldest).isCloseTo(Duration.between(first, clock.instant()).toSeconds(), within(5.0));
		}
	}
}
