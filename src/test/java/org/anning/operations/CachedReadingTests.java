package org.anning.operations;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Gauges share one database reading per interval, however often they are scraped. */
class CachedReadingTests {

	final AtomicLong nanos = new AtomicLong(1_000);

	final AtomicInteger reads = new AtomicInteger();

	@Test
	void readsOncePerIntervalWhateverTheNumberOfScrapes() {
		var reading = new CachedReading<>("test", Duration.ofSeconds(30), reads::incrementAndGet, nanos::get);

		for (int i = 0; i < 5; i++) {
			assertThat(reading.value(Integer::doubleValue)).isEqualTo(1.0);
			nanos.addAndGet(Duration.ofSeconds(5).toNanos());
		}
		assertThat(reads).hasValue(1);

		nanos.addAndGet(Duration.ofSeconds(5).toNanos()); // 30 s after the first reading
		assertThat(reading.value(Integer::doubleValue)).isEqualTo(2.0);
		assertThat(reading.get()).isEqualTo(2);
		assertThat(reads).hasValue(2);
	}

	@Test
	void aFailedReadingShowsNoValueUntilTheNextOneWorks() {
		AtomicInteger failures = new AtomicInteger(1);
		var reading = new CachedReading<>("test", Duration.ofSeconds(30), () -> {
			if (failures.getAndDecrement() > 0) {
				throw new IllegalStateException("database down");
			}
			return 7;
		}, nanos::get);

		assertThat(reading.value(Integer::doubleValue)).isNaN();
		nanos.addAndGet(Duration.ofSeconds(1).toNanos());
		assertThat(reading.value(Integer::doubleValue)).as("not retried within the interval").isNaN();

		nanos.addAndGet(Duration.ofSeconds(30).toNanos());
		assertThat(reading.value(Integer::doubleValue)).isEqualTo(7.0);
	}

	@Test
	void refusesAnIntervalThatIsNotPositive() {
		assertThatThrownBy(() -> new CachedReading<>("test", Duration.ZERO, () -> 1, nanos::get))
			.isInstanceOf(IllegalArgumentException.class);
	}
}
