package org.anning.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Graceful shutdown behind a load balancer. When the node is asked to stop (SIGTERM), it first drains: requests
 * already in progress run to their end, every new request is answered at once with 503 and {@code Retry-After}
 * (the readiness probe too, so the balancer sends the next request to another node), and only when nothing is in
 * flight any more (and at least {@code anning.shutdown.drain-delay} has passed, the time a balancer needs to see
 * the probe fail) does the web server stop and the database close. The wait is bounded by
 * {@code spring.lifecycle.timeout-per-shutdown-phase}.
 */
@Component
class Draining extends OncePerRequestFilter implements SmartLifecycle, Ordered {

	private static final Logger log = LoggerFactory.getLogger(Draining.class);

	private static final String RETRY_AFTER_SECONDS = "5";

	private final AtomicInteger inFlight = new AtomicInteger();

	private final Problems problems;

	private final ApplicationEventPublisher events;

	private final JsonMapper json;

	private final Duration drainDelay;

	private final Duration timeout;

	private volatile boolean running;

	private volatile boolean draining;

	Draining(Problems problems, ApplicationEventPublisher events, JsonMapper json,
			@Value("${anning.shutdown.drain-delay:0s}") Duration drainDelay,
			@Value("${spring.lifecycle.timeout-per-shutdown-phase:30s}") Duration timeout) {
		this.problems = problems;
		this.events = events;
		this.json = json;
		this.drainDelay = drainDelay;
		this.timeout = timeout;
	}

	/** Outermost filter: a draining node answers before sessions, security or the database are touched. */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (draining) {
			refuse(request, response);
			return;
		}
		inFlight.incrementAndGet();
		try {
			chain.doFilter(request, response);
		}
		finally {
			inFlight.decrementAndGet();
		}
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
		// Chinese unless the client asks for English (the language settings of the pages are not read here).
		Locale locale = request.getHeader("Accept-Language") != null && "en".equals(request.getLocale().getLanguage())
				? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
		var problem = problems.of(HttpStatus.SERVICE_UNAVAILABLE, "web.draining", locale);
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
		response.setHeader("Connection", "close");
		response.setHeader("Cache-Control", "no-store");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		String accept = request.getHeader("Accept");
		if (request.getRequestURI().startsWith("/api/") || accept == null || !accept.contains("text/html")) {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getWriter().write(json.writeValueAsString(problem));
		}
		else {
			response.setContentType(MediaType.TEXT_PLAIN_VALUE);
			response.getWriter().write(problem.getDetail());
		}
	}

	/** Requests being served right now. */
	int inFlight() {
		return inFlight.get();
	}

	boolean draining() {
		return draining;
	}

	@Override
	public void start() {
		draining = false;
		running = true;
	}

	@Override
	public void stop() {
		drain();
		running = false;
	}

	@Override
	public void stop(Runnable callback) {
		Thread thread = new Thread(() -> {
			try {
				drain();
			}
			finally {
				running = false;
				callback.run();
			}
		}, "anning-drain");
		thread.start();
	}

	private void drain() {
		draining = true;
		AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
		long start = System.nanoTime();
		long minimum = drainDelay.toNanos();
		long deadline = timeout.toNanos();
		log.info("Draining: {} requests in flight; new requests get 503", inFlight.get());
		try {
			while (System.nanoTime() - start < deadline && (inFlight.get() > 0 || System.nanoTime() - start < minimum)) {
				Thread.sleep(20);
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		if (inFlight.get() > 0) {
			log.warn("Stopping with {} requests still in flight after {}", inFlight.get(), timeout);
		}
		else {
			log.info("Drained: no request in flight");
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Stops first: before the web server's own graceful shutdown and before anything requests still need. */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}
}
