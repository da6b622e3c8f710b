package org.anning.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * Where the data lives: {@code url} names an external PostgreSQL; without it an embedded PostgreSQL keeps
 * its files in {@code dataDir}. {@code temporary} (tests) uses a fresh directory removed at shutdown.
 */
@ConfigurationProperties("anning.database")
record DatabaseSettings(String url, String user, String password, Path dataDir, boolean temporary,
		int poolSize) {

	DatabaseSettings {
		dataDir = dataDir == null ? Path.of("data") : dataDir;
		poolSize = poolSize <= 0 ? 10 : poolSize;
	}

	boolean external() {
		return StringUtils.hasText(url);
	}
}
