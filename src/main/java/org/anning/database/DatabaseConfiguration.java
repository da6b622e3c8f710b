package org.anning.database;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's one {@link DataSource}: an external PostgreSQL when {@code ANNING_DB_URL} is set, otherwise
 * the embedded server. The embedded server is a bean the data source depends on, so Spring closes the pool
 * before it stops the server.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedPostgresServer embeddedPostgresServer(DatabaseSettings settings,
			@Value("${anning.database.attach:false}") boolean attach) {
		return settings.external() ? null
				: EmbeddedPostgresServer.start(settings.dataDir(), settings.temporary(), attach);
	}

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(DatabaseSettings settings,
			org.springframework.beans.factory.ObjectProvider<EmbeddedPostgresServer> embedded) {
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
			config.setUsername("postgres");
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

	@Bean
	DemoMode demoMode(DatabaseSettings settings, @Value("${anning.demo:}") String demo) {
		return new DemoMode(demo.isBlank() ? !settings.external() : Boolean.parseBoolean(demo.trim()));
	}
}
