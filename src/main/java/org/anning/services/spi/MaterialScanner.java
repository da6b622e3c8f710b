package org.anning.services.spi;

/**
 * Scans a file a resident sends before it is stored. A deployment provides its own bean (for example one that
 * asks a ClamAV daemon); the default only logs that no scanner is configured.
 */
public interface MaterialScanner {

	/** Whether the file may be stored. */
	Verdict scan(String sha256, byte[] content);

	enum Verdict {

		CLEAN, INFECTED
	}
}
