package org.anning.database;

import java.net.ConnectException;
import java.nio.file.Path;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A database that cannot be used ends start-up with one sentence saying what to fix. */
class DatabaseStartupTests {

	static final DatabaseSettings EXTERNAL = new DatabaseSettings("jdbc:postgresql://db.example:5432/anning", "anning",
			"secret", null, false, 0, null, null);

	@Test
	void explainsAWrongPassword() {
		FailureAnalysis analysis = analyse(new RuntimeException(new SQLException("password authentication failed", "28P01")));
		assertThat(analysis.getDescription()).isEqualTo(
				"PostgreSQL at jdbc:postgresql://db.example:5432/anning refused the user name or password.");
		assertThat(analysis.getAction()).contains("ANNING_DB_USER").contains("ANNING_DB_PASSWORD");
	}

	@Test
	void explainsAnUnreachableServer() {
		FailureAnalysis analysis = analyse(
				new RuntimeException(new SQLException("Connection refused", "08001", new ConnectException("refused"))));
		assertThat(analysis.getDescription()).isEqualTo("PostgreSQL at jdbc:postgresql://db.example:5432/anning cannot be reached.");
		assertThat(analysis.getAction()).contains("ANNING_DB_URL");
	}

	@Test
	void explainsAMissingDatabase() {
		FailureAnalysis analysis = analyse(new RuntimeException(new SQLException("database does not exist", "3D000")));
		assertThat(analysis.getDescription()).contains("does not exist");
	}

	@Test
	void explainsAnUnwritableDataDirectory() {
		Path underAFile = Path.of("pom.xml").toAbsolutePath().resolve("data");
		assertThatThrownBy(() -> EmbeddedPostgresServer.start(underAFile, false, false))
			.isInstanceOfSatisfying(DatabaseStartupException.class, e -> {
				assertThat(e.getMessage()).isEqualTo("The data directory " + underAFile + " is not writable.");
				assertThat(e.action()).contains("ANNING_DATA_DIR");
			});
	}

	@Test
	void demoModeIsOnWithTheEmbeddedDatabaseAndOffWithAnExternalOneUnlessAskedFor() {
		var configuration = new DatabaseConfiguration();
		var embedded = new DatabaseSettings("", null, null, null, false, 0, null, null);
		assertThat(configuration.demoMode(embedded, "", true).on()).isTrue();
		assertThat(configuration.demoMode(EXTERNAL, "", true).on()).isFalse();
		assertThat(configuration.demoMode(EXTERNAL, "true", true).on()).isTrue();
		assertThat(configuration.demoMode(embedded, "false", true).on()).isFalse();
	}

	private static FailureAnalysis analyse(RuntimeException failure) {
		RuntimeException explained = DatabaseProblems.explain(failure, EXTERNAL);
		return new DatabaseFailureAnalyzer().analyze(explained);
	}
}
