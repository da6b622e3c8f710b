package org.anning.cases.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.anning.audit.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Imports started from the desk page, run in the background two at a time; their progress is kept in this
 * node's memory for an hour after they finish (the outcome itself is in {@code case_import} and the audit trail).
 */
@Component
class ImportRuns implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ImportRuns.class);

	private static final Duration KEPT = Duration.ofHours(1);

	private final CaseImports imports;

	private final Clock clock;

	private final Map<UUID, ImportProgress> runs = new ConcurrentHashMap<>();

	private final ExecutorService executor;

	ImportRuns(CaseImports imports, Clock clock) {
		this.imports = imports;
		this.clock = clock;
		AtomicInteger threads = new AtomicInteger();
		this.executor = new ThreadPoolExecutor(2, 2, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), task -> {
			Thread thread = new Thread(task, "case-import-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/** Starts importing {@code file} (which this takes over and deletes when done) and returns its progress. */
	ImportProgress start(ImportKind kind, Path file, Actor actor) throws IOException {
		forgetOld();
		var progress = new ImportProgress(UUID.randomUUID(), kind, Files.size(file), actor.id(), clock.instant());
		runs.put(progress.id(), progress);
		executor.execute(() -> {
			try (InputStream in = Files.newInputStream(file)) {
				imports.run(in, progress, actor);
			}
			catch (IOException | RuntimeException e) {
				log.error("Import {} failed", progress.id(), e);
				progress.failed();
			}
			finally {
				try {
					Files.deleteIfExists(file);
				}
				catch (IOException e) {
					log.warn("Could not delete {}", file);
				}
			}
		});
		return progress;
	}

	Optional<ImportProgress> find(UUID id) {
		return Optional.ofNullable(runs.get(id));
	}

	private void forgetOld() {
		var before = clock.instant().minus(KEPT);
		runs.values().removeIf(p -> p.phase().finished() && p.started().isBefore(before));
	}

	@Override
	public void destroy() {
		executor.shutdownNow();
	}
}
