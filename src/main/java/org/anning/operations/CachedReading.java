package org.anning.operations;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One reading of the database shared by several gauges and taken at most once per interval on this node, so
 * that scrapes every few seconds from several scrapers do not each query the database. Between readings the
 * gauges show the last one. A reading that fails leaves the gauges at NaN (the value Prometheus reads as no
 * value) until the next one succeeds, rather than showing a stale figure as current.
 *
 * @param <T> what one reading holds, such as the counts of every worklist from one query
 */
public final class CachedReading<T> {

	/** How often a reading is taken at most, unless a module asks for another interval. */
	public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);

	private static final Logger log = LoggerFactory.getLogger(CachedReading.class);

	private final String name;

	private final Supplier<T> read;

	private final long intervalNanos;

	private final LongSupplier nanoTime;

	private T value;

	private boolean failed;

	private long takenAt;

	private boolean taken;

	CachedReading(String name, Duration interval, Supplier<T> read, LongSupplier nanoTime) {
		this.name = Objects.requireNonNull(name, "name");
		this.read = Objects.requireNonNull(read, "read");
		if (interval == null || interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException("A reading's interval must be positive: " + interval);
		}
		this.intervalNanos = interval.toNanos();
		this.nanoTime = nanoTime;
	}

	/** A reading named for the log (for example {@code services.applications}), taken at most every 30 s. */
	public static <T> CachedReading<T> of(String name, Supplier<T> read) {
		return new CachedReading<>(name, DEFAULT_INTERVAL, read, System::nanoTime);
	}

	/** The latest reading, taken now if the last one is older than the interval; null while readings fail. */
	public synchronized T get() {
		long now = nanoTime.getAsLong();
		if (!taken || now - takenAt >= intervalNanos) {
			takenAt = now;
			taken = true;
			try {
				value = read.get();
				if (failed) {
					log.info("Metrics reading {} works again", name);
				}
				failed = false;
			}
			catch (RuntimeException e) {
				if (!failed) {
					log.warn("Metrics reading {} failed; its gauges show no value until it works: {}", name,
							e.toString());
				}
				failed = true;
				value = null;
			}
		}
		return value;
	}

	/** A gauge function: one figure of the latest reading, or NaN while there is none. */
	public double value(ToDoubleFunction<T> figure) {
		T current = get();
		return current == null ? Double.NaN : figure.applyAsDouble(current);
	}
}
