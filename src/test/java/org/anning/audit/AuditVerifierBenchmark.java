package org.anning.audit;

import java.io.StringReader;
import java.sql.Connection;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import org.anning.AnningTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How long the verifier takes for a long chain, against the database's own limit measured in the same run: a
 * plain ordered scan of the same rows with nothing done to them. Run by {@code bench/audit-verify}; prints
 * figures, asserts nothing about time.
 */
@Tag("benchmark")
@AnningTest
class AuditVerifierBenchmark {

	@Autowired
	AuditRepository events;

	@Autowired
	ChainVerifier verifier;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Test
	void verifiesAMillionRows() throws Exception {
		int rows = Integer.getInteger("anning.bench.rows", 1_000_000);
		long loadStarted = System.nanoTime();
		append(rows);
		double loadSeconds = (System.nanoTime() - loadStarted) / 1e9;
		jdbc.sql("ANALYZE audit_event").update();
		long total = jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single();

		double scanSeconds = Double.MAX_VALUE;
		double verifySeconds = Double.MAX_VALUE;
		Verification result = null;
		for (int round = 0; round < 2; round++) { // the first round warms caches and the JIT
			long started = System.nanoTime();
			long[] seen = { 0 };
			events.each(r -> seen[0]++);
			scanSeconds = Math.min(scanSeconds, (System.nanoTime() - started) / 1e9);
			started = System.nanoTime();
			result = verifier.verify();
			verifySeconds = Math.min(verifySeconds, (System.nanoTime() - started) / 1e9);
		}
		System.out.printf("BENCH audit-verify rows=%d intact=%s%n", total, result.intact());
		System.out.printf("BENCH load %.1f s (%.0f rows/s, COPY with hashes computed in Java)%n", loadSeconds,
				rows / loadSeconds);
		System.out.printf("BENCH scan (database limit: ordered read of every row) %.2f s%n", scanSeconds);
		System.out.printf("BENCH verify %.2f s = %.2f x the scan; goal under 60 s%n", verifySeconds,
				verifySeconds / scanSeconds);
	}

	/** Appends valid chained rows after the current head with COPY, as a long-running system would have. */
	private void append(int rows) throws Exception {
		AuditRepository.Head head = events.head();
		long seq = head.seq();
		String previous = head.hash();
		Instant time = Instant.parse("2025-01-01T00:00:00Z");
		UUID unit = UUID.nameUUIDFromBytes("bench".getBytes());
		try (Connection connection = dataSource.getConnection()) {
			var copy = connection.unwrap(PGConnection.class).getCopyAPI();
			StringBuilder batch = new StringBuilder(1 << 20);
			for (int i = 0; i < rows; i++) {
				seq++;
				var row = new AuditRecord(seq, time.plusMillis(i * 37L), ActorKind.STAFF, UUID.randomUUID().toString(), unit,
						"FRONT_DESK", AuditAction.READ, "application", "SQ-2025-" + i, UUID.randomUUID(), Purpose.APPLICATION,
						"SQ-2025-" + i, Outcome.SUCCESS, UUID.randomUUID().toString(), "127.0.0.1", null, ChainHash.SHA_256,
						previous, null);
				String hash = ChainHash.of(row);
				batch.append(seq).append('\t').append(row.occurredAt()).append('\t').append("STAFF\t").append(row.actorId())
					.append('\t').append(unit).append("\tFRONT_DESK\tREAD\tapplication\t").append(row.objectId()).append('\t')
					.append(row.subjectResident()).append("\tAPPLICATION\t").append(row.purposeRef()).append("\tSUCCESS\t")
					.append(row.requestId()).append("\t127.0.0.1\t\\N\tSHA-256\t").append(previous).append('\t').append(hash)
					.append('\n');
				previous = hash;
				if (batch.length() > (1 << 20) - 1024 || i == rows - 1) {
					copy.copyIn("COPY audit_event (" + AuditRepository.COLUMNS + ") FROM STDIN",
							new StringReader(batch.toString()));
					batch.setLength(0);
				}
			}
		}
	}
}
