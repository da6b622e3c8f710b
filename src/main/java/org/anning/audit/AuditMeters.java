package org.anning.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.anning.operations.CachedReading;
import org.springframework.stereotype.Component;

/**
 * The audit witness for monitoring: how long ago the newest signed checkpoint was written to the witness
 * directory (which the nodes share), and how many audit events have been appended since. A checkpoint is
 * written only when the chain has grown, so an old checkpoint is a problem only while events wait unwitnessed.
 * Read at most every 30 seconds, however often it is scraped; the signature is the auditor's concern, not the
 * scraper's.
 */
@Component
class AuditMeters implements MeterBinder {

	private final CachedReading<Figures> figures;

	private final Clock clock;

	AuditMeters(AuditRepository events, Witness witness, Clock clock) {
		this.clock = clock;
		this.figures = CachedReading.of("audit.witness", () -> read(events, witness.directory()));
	}

	/** The chain's head, and the newest checkpoint's sequence and time (0 and null when there is none). */
	record Figures(long head, long witnessedSeq, Instant witnessedAt) {
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("anning.audit.checkpoint.age", figures, f -> f.value(this::age))
			.description("Time since the newest signed audit checkpoint; +Inf when there is none yet")
			.baseUnit("seconds")
			.strongReference(true)
			.register(registry);
		Gauge.builder("anning.audit.unwitnessed", figures,
				f -> f.value(x -> Math.max(0, x.head() - x.witnessedSeq())))
			.description("Audit events appended after the newest signed checkpoint")
			.strongReference(true)
			.register(registry);
	}

	private double age(Figures f) {
		return f.witnessedAt() == null ? Double.POSITIVE_INFINITY
				: Math.max(0, Duration.between(f.witnessedAt(), clock.instant()).toSeconds());
	}

	private static Figures read(AuditRepository events, Path directory) {
		long head = events.head().seq();
		Path newest = null;
		if (Files.isDirectory(directory)) {
			// Names carry the sequence zero-padded, so the greatest name is the newest checkpoint.
			try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "checkpoint-*.txt")) {
				for (Path file : files) {
					if (newest == null || file.getFileName().toString().compareTo(newest.getFileName().toString()) > 0) {
						newest = file;
					}
				}
			}
			catch (IOException e) {
				throw new IllegalStateException("Cannot list the witness directory " + directory, e);
			}
		}
		if (newest == null) {
			return new Figures(head, 0, null);
		}
		long seq = 0;
		Instant time = null;
		try {
			for (String line : Files.readAllLines(newest, StandardCharsets.UTF_8)) {
				if (line.startsWith("seq=")) {
					seq = Long.parseLong(line.substring(4).strip());
				}
				else if (line.startsWith("time=")) {
					time = Instant.parse(line.substring(5).strip());
				}
			}
		}
		catch (IOException | RuntimeException e) {
			throw new IllegalStateException("Cannot read the audit checkpoint " + newest, e);
		}
		return new Figures(head, seq, time);
	}
}
