package org.anning.services;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

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

/** The service hall's gauges count what the staff worklists show, bureau-wide. */
@AnningTest
class ServiceMetersTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	Worklists worklists;

	@Autowired
	UnitScopes scopes;

	@Test
	void gaugesAgreeWithTheBureauWideWorklists() {
		MeterRegistry registry = new SimpleMeterRegistry();
		new ServiceMeters(jdbc, clock).bindTo(registry);
		Map<Queue, Integer> counts = worklists.counts(scopes.of(DemoStaff.principal("command", "AN", Role.COMMAND)),
				UUID.randomUUID());

		assertThat(waiting(registry, ApplicationStatus.SUBMITTED)).isEqualTo(counts.get(Queue.TO_ACCEPT));
		assertThat(waiting(registry, ApplicationStatus.ACCEPTED) + waiting(registry, ApplicationStatus.UNDER_REVIEW))
			.isEqualTo(counts.get(Queue.TO_REVIEW));
		assertThat(waiting(registry, ApplicationStatus.RETURNED)).isEqualTo(counts.get(Queue.RETURNED));
		assertThat(waiting(registry, ApplicationStatus.APPROVED) + waiting(registry, ApplicationStatus.DENIED)
				+ waiting(registry, ApplicationStatus.READY_FOR_COLLECTION) + waiting(registry, ApplicationStatus.DELIVERED))
			.isEqualTo(counts.get(Queue.TO_CLOSE));
		assertThat((int) registry.get("anning.services.applications.overdue").gauge().value())
			.isEqualTo(counts.get(Queue.OVERDUE));
		assertThat((int) registry.get("anning.services.applications.due.soon").gauge().value())
			.isEqualTo(counts.get(Queue.DUE_SOON));
		assertThat(counts.get(Queue.TO_ACCEPT) + counts.get(Queue.TO_REVIEW)).as("the demo data has open applications")
			.isPositive();
	}

	@Test
	void draftsAndEndedApplicationsAreNotWaiting() {
		MeterRegistry registry = new SimpleMeterRegistry();
		new ServiceMeters(jdbc, clock).bindTo(registry);

		assertThat(registry.find("anning.services.applications.waiting").gauges()).hasSize(ServiceMeters.OPEN.size());
		for (ApplicationStatus status : new ApplicationStatus[] { ApplicationStatus.DRAFT, ApplicationStatus.CLOSED,
				ApplicationStatus.REFUSED, ApplicationStatus.WITHDRAWN }) {
			assertThat(registry.find("anning.services.applications.waiting").tag("status", status.name()).gauge())
				.isNull();
		}
	}

	private static int waiting(MeterRegistry registry, ApplicationStatus status) {
		return (int) registry.get("anning.services.applications.waiting").tag("status", status.name()).gauge().value();
	}
}
