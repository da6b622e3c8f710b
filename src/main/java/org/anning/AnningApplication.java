package org.anning;

import java.time.Clock;
import java.time.ZoneId;

import org.anning.operations.CommandLine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Anning (安宁): a public-safety service platform for a police bureau and its stations.
 * <p>
 * Run without arguments it serves the web application; with a command such as
 * {@code tokens issue --user admin --days 30} it runs that command against the same database and exits.
 */
@SpringBootApplication(excludeName = "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration")
@ConfigurationPropertiesScan
@EnableScheduling
public class AnningApplication {

	public static void main(String[] args) {
		if (CommandLine.isCommand(args)) {
			System.exit(CommandLine.run(args, AnningApplication::commandApplication));
		}
		SpringApplication.run(AnningApplication.class, args);
	}

	/** Time is a dependency: tests move it instead of sleeping. */
	@Bean
	Clock clock(@Value("${anning.zone:Asia/Shanghai}") ZoneId zone) {
		return Clock.system(zone);
	}

	/**
	 * The application for commands: the same beans (so that modules' commands find what they need), no open
	 * HTTP port ({@code server.port=-1} in the {@code command} profile) and a quiet console.
	 */
	static SpringApplication commandApplication() {
		var application = new SpringApplication(AnningApplication.class);
		application.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		application.setAdditionalProfiles("command");
		return application;
	}
}
