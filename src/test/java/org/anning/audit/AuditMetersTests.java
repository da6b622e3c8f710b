package org.anning.audit;

import java.time.Clock;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.anning.AnningTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit gauges show how old the newest witness checkpoint is and how many events it does not cover. */
@AnningTest
class AuditMetersTests {

	@Autowired
	AuditRepository events;

	@Autowired
	Witness witness;

	@Autowired
	AuditTrail audit;

	@Autowired
	Clock clock;

	@Test
	void aFreshCheckpointIsYoungAndLaterEventsCountAsUnwitnessed() {
		audit.record(AuditEntry.of(AuditAction.READ, "metrics-test", UUID.randomUUID())); // a head not yet witnessed
		long witnessed = witness.checkpoint();
		MeterRegistry atCheckpoint = fresh();
		assertThat(atCheckpoint.get("anning.audit.checkpoint.age").gauge().value()).isBetween(0.0, 60.0);
		long unwitnessed = (long) atCheckpoint.get("anning.audit.unwitnessed").gauge().value();
		assertThat(unwitnessed).isBetween(0L, events.head().seq() - witnessed);

		audit.record(AuditEntry.of(AuditAction.READ, "metrics-test", UUID.randomUUID()));
		audit.record(AuditEntry.of(AuditAction.READ, "metrics-test", UUID.randomUUID()));

		MeterRegistry later = fresh();
		assertThat((long) later.get("anning.audit.unwitnessed").gauge().value())
			.isBetween(unwitnessed + 2, events.head().seq() - witnessed);
	}

	private MeterRegistry fresh() {
		MeterRegistry registry = new SimpleMeterRegistry();
		new AuditMeters(events, witness, clock).bindTo(registry);
		return registry;
	}
}
