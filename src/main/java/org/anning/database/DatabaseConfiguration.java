package org.anning.database;

import javax.sql.DataSource;

import java.util.Map;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The application's {@link DataSource}: an external PostgreSQL when {@code ANNING_DB_URL} is set, otherwise
 * the embedded server. The embedded server is a bean the data source depends on, so Spring closes the pool
 * before it stops the server.
 * <p>
 * Two roles: the schema's owner runs the migrations ({@link FlywayDataSource}); the application works as a
 * role that has only the privileges the migrations grant it ({@code ${appRole}} in the scripts), so that, for
 * example, it cannot change or delete audit rows. With the embedded server these are {@code postgres} and
 * {@code anning_app}; with an external one, {@code ANNING_DB_OWNER_USER} (optional: without it one role does
 * both) and {@code ANNING_DB_USER}.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedPostgresServer embeddedPostgresServer(DatabaseSettings settings,
			@Value("${anning.database.attach:false}") boolean attach) {
		return settings.external() ? null
				: EmbeddedPostgresServer.start(settings.dataDir(), settings.temporary(), attach);
	}

	@Bean
	@Primary
	HikariDataSource dataSource(DatabaseSettings settings, ObjectProvider<EmbeddedPostgresServer> embedded) {
		var config = new HikariConfig();
		config.setPoolName("anning");
		config.setMaximumPoolSize(settings.poolSize());
		if (settings.external()) {
			config.setJdbcUrl(settings.url());
			config.setUsername(settings.user());
			config.setPassword(settings.password());
		}
		else {
			config.setJdbcUrl(embedded.getObject().jdbcUrl());
			config.setUsername(EmbeddedPostgresServer.APP_ROLE);
		}
		// Fail at start-up, with a clear sentence, when the database cannot be reached.
		config.setInitializationFailTimeout(1);
		config.setConnectionTimeout(10_000);
		try {
			return new HikariDataSource(config);
		}
		catch (RuntimeException e) {
			throw DatabaseProblems.explain(e, settings);
		}
	}

	/** The schema owner's connection, for migrations, backup and restore only; never injected elsewhere. */
	@Bean(defaultCandidate = false)
	@FlywayDataSource
	DataSource ownerDataSource(DatabaseSettings settings, ObjectProvider<EmbeddedPostgresServer> embedded) {
		if (!settings.external()) {
			return new SimpleDriverDataSource(new org.postgresql.Driver(), embedded.getObject().jdbcUrl(),
					EmbeddedPostgresServer.OWNER_ROLE, "");
		}
		return settings.separateOwner()
				? new SimpleDriverDataSource(new org.postgresql.Driver(), settings.url(), settings.ownerUser(),
						settings.ownerPassword())
				: new SimpleDriverDataSource(new org.postgresql.Driver(), settings.url(), settings.user(),
						settings.password());
	}

	/** Migrations grant the application's role what it needs, by name. */
	@Bean
	FlywayConfigurationCustomizer applicationRolePlaceholder(DatabaseSettings settings) {
		String role = settings.external() ? settings.user() : EmbeddedPostgresServer.APP_ROLE;
		return configuration -> configuration.placeholders(Map.of("appRole", role));
	}

	/** The embedded server's directory (a temporary one in tests), or the configured one beside an external database. */
	@Bean
	DataDirectory dataDirectory(DatabaseSettings settings, ObjectProvider<EmbeddedPostgresServer> embedded) {
		return settings.external() ? new DataDirectory(settings.dataDir().toAbsolutePath().normalize(), false)
				: new DataDirectory(embedded.getObject().directory(), true);
	}

	@Bean
	DemoMode demoMode(DatabaseSettings settings, @Value("${anning.demo:}") String demo,
			@Value("${anning.demo.announce:true}") boolean announce) {
		return new DemoMode(demo.isBlank() ? !settings.external() : Boolean.parseBoolean(demo.trim()), announce);
	}
}
