package org.anning.services.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Counts public progress lookups per client address in fixed one-minute windows, in this node's memory. The map
 * keeps the most recently seen addresses only, so a flood of addresses cannot make it grow without limit; an
 * evicted address simply starts counting again. Several nodes each count their own share, which is enough to
 * stop guessing of identity number suffixes.
 */
@Component
class LookupLimiter {

	static final Duration WINDOW = Duration.ofMinutes(1);

	static final int MAX_ADDRESSES = 10_000;

	private final int perMinute;

	private final Clock clock;

	private final Map<String, Window> windows = new LinkedHashMap<>(256, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
			return size() > MAX_ADDRESSES;
		}
	};

	LookupLimiter(@Value("${anning.services.lookups-per-minute:20}") int perMinute, Clock clock) {
		this.perMinute = perMinute;
		this.clock = clock;
	}

	/**
	 * Counts one lookup from the address. Empty when it is allowed; otherwise the seconds until the address may
	 * look up again (for {@code Retry-After}).
	 */
	OptionalLong count(String address) {
		Instant now = clock.instant();
		String key = address == null ? "" : address;
		synchronized (windows) {
			Window window = windows.get(key);
			if (window == null || !now.isBefore(window.start.plus(WINDOW))) {
				window = new Window(now);
				windows.put(key, window);
			}
			window.count++;
			if (window.count <= perMinute) {
				return OptionalLong.empty();
			}
			long millis = Duration.between(now, window.start.plus(WINDOW)).toMillis();
			return OptionalLong.of(Math.max(1, (millis + 999) / 1000));
		}
	}

	int perMinute() {
		return perMinute;
	}

	/** How many addresses are being counted now (for tests). */
	int addresses() {
		synchronized (windows) {
			return windows.size();
		}
	}

	private static final class Window {

		final Instant start;

		int count;

		Window(Instant start) {
			this.start = start;
		}
	}
}
