package org.anning.cases.imports;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How far one import has got, kept in memory while it runs and shortly after: bytes and lines read of the
 * file's total, the phase, and at the end the result. Read by the progress page from another thread.
 */
public final class ImportProgress {

	/** Reading and checking every line; storing the rows; finished one way or the other. */
	public enum Phase {
		CHECKING, STORING, DONE, REJECTED, FAILED;

		public boolean finished() {
			return this == DONE || this == REJECTED || this == FAILED;
		}

		public String messageKey() {
			return "cases.imports.phase." + name();
		}
	}

	private final UUID id;

	private final ImportKind kind;

	private final long totalBytes;

	private final String owner;

	private final Instant started;

	private final AtomicLong bytes = new AtomicLong();

	private final AtomicLong lines = new AtomicLong();

	private volatile Phase phase = Phase.CHECKING;

	private volatile ImportResult result;

	public ImportProgress(UUID id, ImportKind kind, long totalBytes, String owner, Instant started) {
		this.id = id;
		this.kind = kind;
		this.totalBytes = totalBytes;
		this.owner = owner;
		this.started = started;
	}

	public UUID id() {
		return id;
	}

	public ImportKind kind() {
		return kind;
	}

	/** The file's size, or -1 when the sender did not say. */
	public long totalBytes() {
		return totalBytes;
	}

	public long bytesRead() {
		return bytes.get();
	}

	public long linesRead() {
		return lines.get();
	}

	public String owner() {
		return owner;
	}

	public Instant started() {
		return started;
	}

	public Phase phase() {
		return phase;
	}

	public ImportResult result() {
		return result;
	}

	/** Per cent of the file read while checking; storing is shown as its own step. */
	public int percent() {
		if (phase.finished()) {
			return 100;
		}
		if (totalBytes <= 0) {
			return 0;
		}
		return (int) Math.min(99, bytes.get() * 100 / totalBytes);
	}

	void line(int line) {
		lines.set(line);
	}

	void phase(Phase next) {
		this.phase = next;
	}

	void finish(ImportResult outcome, Phase last) {
		this.result = outcome;
		this.phase = last;
	}

	void failed() {
		this.phase = Phase.FAILED;
	}

	/** The stream, counting the bytes read from it. */
	InputStream counting(InputStream in) {
		return new FilterInputStream(in) {
			@Override
			public int read() throws IOException {
				int b = super.read();
				if (b >= 0) {
					bytes.incrementAndGet();
				}
				return b;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) throws IOException {
				int n = super.read(buffer, offset, length);
				if (n > 0) {
					bytes.addAndGet(n);
				}
				return n;
			}
		};
	}
}
