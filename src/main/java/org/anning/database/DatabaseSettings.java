package org.anning.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * Where the data lives: {@code url} names an external PostgreSQL; without it an embedded PostgreSQL keeps
 * its files in {@code dataDir}. {@code temporary} (tests) uses a fresh directory removed at shutdown.
 * {@code ownerUser} (optional) owns the schema and runs the migrations, so that {@code user}, the role the
 * application works with, can be denied changes to the audit trail.
 */
@ConfigurationProperties("anning.database")
record DatabaseSettings(String url, String user, String password, Path dataDir, boolean temporary,
		int poolSize, String ownerUser, String ownerPassword) {

	DatabaseSettings {
		dataDir = dataDir == null ? Path.of("data") : dataDir;
		poolSize = poolSize <= 0 ? 10 : poolSize;
	}

	boolean external() {
		return StringUtils.hasText(url);
	}

	boolean separateOwner() {
		return StringUtils.hasText(ownerUser);
	}
}
