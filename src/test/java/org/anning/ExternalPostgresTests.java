package org.anning;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With ANNING_DB_URL the application migrates and runs on an external PostgreSQL (15 or newer), without demo
 * data. Runs where a server is given: {@code .ci/run} starts the machine's PostgreSQL 15 and sets
 * ANNING_TEST_EXTERNAL_DB_URL (an empty database), ANNING_TEST_EXTERNAL_DB_USER and _PASSWORD.
 */
@EnabledIfEnvironmentVariable(named = "ANNING_TEST_EXTERNAL_DB_URL", matches = ".+")
class ExternalPostgresTests {

	@Test
	void migratesAndStartsOnAnExternalPostgresWithoutDemoData() {
		var application = new SpringApplicationBuilder(AnningApplication.class);
		// Command-line arguments outrank the test configuration (which turns demo data on).
		try (var context = application.run("--anning.database.url=" + System.getenv("ANNING_TEST_EXTERNAL_DB_URL"),
				"--anning.database.user=" + System.getenv("ANNING_TEST_EXTERNAL_DB_USER"),
				"--anning.database.password=" + System.getenv("ANNING_TEST_EXTERNAL_DB_PASSWORD"), "--anning.demo=",
				"--server.port=0", "--anning.privacy.key=" + randomKey(), "--anning.privacy.index-key=" + randomKey())) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			String version = jdbc.sql("SHOW server_version_num").query(String.class).single();
			assertThat(Integer.parseInt(version)).isGreaterThanOrEqualTo(150000);
			assertThat(jdbc.sql("SELECT count(*) FROM flyway_schema_history_units WHERE success").query(Integer.class).single())
				.isPositive();
			assertThat(jdbc.sql("SELECT count(*) FROM staff_account").query(Integer.class).single()).isZero();
			assertThat(jdbc.sql("SELECT count(*) FROM unit").query(Integer.class).single()).isZero();
		}
	}

	/** An external database needs its encryption keys from configuration: never generated beside it. */
	private static String randomKey() {
		byte[] key = new byte[32];
		new java.security.SecureRandom().nextBytes(key);
		return java.util.Base64.getEncoder().encodeToString(key);
	}
}
