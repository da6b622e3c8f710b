package org.anning.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.anning.AnningTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit chain detects a changed, deleted, reordered or cut-off row and names the first bad sequence number.
 * Tampering is done as the database owner (the application's own role cannot change audit rows); each test puts
 * the rows back afterwards, since all tests share one database.
 */
@AnningTest
class AuditChainTests {

	@Autowired
	AuditTrail trail;

	@Autowired
	ChainVerifier verifier;

	@Autowired
	Witness witness;

	@Autowired
	JdbcClient app;

	@Autowired
	@FlywayDataSource
	DataSource ownerDataSource;

	@Test
	void anUntouchedChainVerifies() {
		recordSome(5);
		Verification result = verifier.verify();
		assertThat(result.intact()).as(result.summary()).isTrue();
		assertThat(result.rows()).isGreaterThanOrEqualTo(5);
	}

	@Test
	void aChangedFieldIsNamedByItsSequenceNumber() {
		long seq = recordSome(5).get(2);
		asOwner(seq, owner -> owner.sql("UPDATE audit_event SET detail = 'nothing happened' WHERE seq = ?").param(seq).update());

		assertBrokenAt(seq, "audit.verify.changed");
	}

	@Test
	void aDeletedMiddleRowIsNamedByItsSequenceNumber() {
		long seq = recordSome(5).get(2);
		asOwner(seq, owner -> owner.sql("DELETE FROM audit_event WHERE seq = ?").param(seq).update());

		assertBrokenAt(seq, "audit.verify.missing");
	}

	@Test
	void twoSwappedRowsAreNamedByTheFirstOfThem() {
		List<Long> seqs = recordSome(5);
		long first = seqs.get(1);
		long second = seqs.get(2);
		asOwner(first, owner -> {
			owner.sql("UPDATE audit_event SET seq = ? WHERE seq = ?").params(first + 1_000_000_000L, first).update();
			owner.sql("UPDATE audit_event SET seq = ? WHERE seq = ?").params(first, second).update();
			owner.sql("UPDATE audit_event SET seq = ? WHERE seq = ?").params(second, first + 1_000_000_000L).update();
		});

		assertBrokenAt(first, "audit.verify.unlinked");
	}

	@Test
	void aCutTailIsNamedByTheFirstMissingSequenceNumber() {
		List<Long> seqs = recordSome(5);
		assertThat(witness.checkpoint()).isEqualTo(seqs.get(4));
		long firstCut = seqs.get(2);
		asOwner(firstCut, owner -> owner.sql("DELETE FROM audit_event WHERE seq >= ?").param(firstCut).update());

		Verification result = verifier.verify();
		restoreAndCheck();
		assertThat(result.intact()).isFalse();
		assertThat(result.firstBadSeq()).isEqualTo(firstCut);
		assertThat(result.problem()).isEqualTo("audit.verify.truncated");
	}

	@Test
	void theApplicationsRoleCannotChangeOrRemoveAuditRows() {
		long seq = recordSome(1).get(0);
		assertThatThrownBy(() -> app.sql("UPDATE audit_event SET detail = 'x' WHERE seq = ?").param(seq).update())
			.rootCause()
			.hasMessageContaining("permission denied");
		assertThatThrownBy(() -> app.sql("DELETE FROM audit_event WHERE seq = ?").param(seq).update())
			.rootCause()
			.hasMessageContaining("permission denied");
		assertThatThrownBy(() -> app.sql("TRUNCATE audit_event").update()).rootCause()
			.hasMessageContaining("permission denied");
	}

	@Test
	void evenTheOwnerIsStoppedByTheTriggerUnlessItDisablesIt() {
		long seq = recordSome(1).get(0);
		JdbcClient owner = JdbcClient.create(ownerDataSource);
		assertThatThrownBy(() -> owner.sql("DELETE FROM audit_event WHERE seq = ?").param(seq).update())
			.rootCause()
			.hasMessageContaining("append-only");
	}

	@Test
	void twoHundredConcurrentWritersLeaveOneChainWithoutGapOrFork() throws Exception {
		ExecutorService writers = Executors.newFixedThreadPool(200);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int w = 0; w < 200; w++) {
				String writer = "writer-" + w;
				done.add(writers.submit(() -> {
					for (int i = 0; i < 25; i++) {
						trail.record(AuditEntry.of(AuditAction.UPDATE, "concurrency-test", writer + "-" + i)
							.by(Actor.SYSTEM));
					}
				}));
			}
			for (Future<?> f : done) {
				f.get(5, TimeUnit.MINUTES);
			}
		}
		finally {
			writers.shutdownNow();
		}
		assertThat(app.sql("SELECT count(*) FROM audit_event WHERE object_type = 'concurrency-test'").query(Long.class).single())
			.isEqualTo(5_000L);
		assertThat(app.sql("SELECT max(seq) - min(seq) + 1 - count(*) FROM audit_event").query(Long.class).single())
			.as("gaps").isZero();
		assertThat(app.sql("SELECT count(*) - count(DISTINCT prev_hash) FROM audit_event").query(Long.class).single())
			.as("forks").isZero();
		Verification result = verifier.verify();
		assertThat(result.intact()).as(result.summary()).isTrue();
	}

	@Test
	void theSm3ChainHashIsAvailableByConfiguration() {
		assertThat(ChainHash.normalise("sm3")).isEqualTo(ChainHash.SM3);
		assertThat(ChainHash.of(ChainHash.SM3, "abc".getBytes()))
			// GB/T 32905-2016, example 1
			.isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
	}

	private List<Long> recordSome(int count) {
		List<Long> seqs = new ArrayList<>();
		UUID subject = UUID.randomUUID();
		for (int i = 0; i < count; i++) {
			seqs.add(trail.record(AuditEntry.of(AuditAction.READ, "test-record", "r-" + i)
				.about(subject)
				.purpose(Purpose.AUDIT, "chain test")
				.by(Actor.SYSTEM)));
		}
		return seqs;
	}

	private void assertBrokenAt(long seq, String problem) {
		Verification result = verifier.verify();
		restoreAndCheck();
		assertThat(result.intact()).isFalse();
		assertThat(result.firstBadSeq()).isEqualTo(seq);
		assertThat(result.problem()).isEqualTo(problem);
	}

	private List<AuditRecord> snapshot;

	private long restoreFrom;

	/**
	 * Runs the tampering as the owner with the append-only trigger off, after keeping a copy of the rows from
	 * {@code fromSeq} on (the test's own rows, at the end of the chain).
	 */
	private void asOwner(long fromSeq, Consumer<JdbcClient> tampering) {
		restoreFrom = fromSeq;
		JdbcClient owner = JdbcClient.create(ownerDataSource);
		snapshot = owner.sql("SELECT " + AuditRepository.COLUMNS + " FROM audit_event WHERE seq >= ? ORDER BY seq")
			.param(fromSeq)
			.query(AuditRepository::map)
			.list();
		withTriggerOff(tampering);
	}

	/** Puts the rows back as they were and checks that the chain verifies again. */
	private void restoreAndCheck() {
		withTriggerOff(owner -> {
			owner.sql("DELETE FROM audit_event WHERE seq >= ?").param(restoreFrom).update();
			snapshot.forEach(new AuditRepository(owner)::insert);
		});
		assertThat(verifier.verify().intact()).as("restored").isTrue();
	}

	/** One owner connection for the whole change, so that the trigger is off only there and only for it. */
	private void withTriggerOff(Consumer<JdbcClient> change) {
		try (var connection = ownerDataSource.getConnection()) {
			var single = new SingleConnectionDataSource(connection, true);
			JdbcClient owner = JdbcClient.create(single);
			owner.sql("ALTER TABLE audit_event DISABLE TRIGGER USER").update();
			try {
				change.accept(owner);
			}
			finally {
				owner.sql("ALTER TABLE audit_event ENABLE TRIGGER USER").update();
			}
		}
		catch (java.sql.SQLException e) {
			throw new IllegalStateException(e);
		}
	}
}
