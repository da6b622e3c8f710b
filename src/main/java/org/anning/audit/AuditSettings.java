package org.anning.audit;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hash}: SHA-256 (default) or SM3. {@code witnessDir}: where signed checkpoints are written, outside the
 * database (default: {@code witness} in the data directory). {@code checkpointInterval}: how often.
 */
@ConfigurationProperties("anning.audit")
record AuditSettings(String hash, Path witnessDir, Duration checkpointInterval) {

	AuditSettings {
		hash = ChainHash.normalise(hash);
		witnessDir = witnessDir == null || witnessDir.toString().isBlank() ? null : witnessDir;
		checkpointInterval = checkpointInterval == null ? Duration.ofMinutes(5) : checkpointInterval;
	}
}
