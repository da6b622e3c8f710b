package org.anning.accounts;

import org.anning.audit.AuditTrail;
import org.anning.web.Problems;
import org.anning.web.SecurityHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may reach the staff desk and the API. The desk signs in with a password and then a TOTP code; the API
 * takes bearer tokens and keeps no session. The actuator has a chain of its own
 * ({@link ActuatorSecurityConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class StaffSecurityConfiguration {

	/** The session attribute that holds a staff sign-in, apart from a resident's. */
	static final String STAFF_CONTEXT = "ANNING_STAFF_SECURITY_CONTEXT";

	/**
	 * Argon2id for new hashes: unlike bcrypt it reads the whole password (bcrypt stops at 72 bytes, and a
	 * password may have 128 characters of up to four bytes). The delegating encoder still reads other formats.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		return new DelegatingPasswordEncoder("argon2@SpringSecurity_v5_8",
				java.util.Map.of("argon2@SpringSecurity_v5_8", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
						"bcrypt", new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder()));
	}

	@Bean
	StaffSessions staffSessions() {
		var repository = new HttpSessionSecurityContextRepository();
		repository.setSpringSecurityContextKey(STAFF_CONTEXT);
		return new StaffSessions(repository);
	}

	@Bean
	@Order(20)
	SecurityFilterChain apiChain(HttpSecurity http, ApiTokens tokens, Problems problemDetails, LocaleResolver locales,
			JsonMapper json) throws Exception {
		var problems = new ProblemResponses(problemDetails, locales, json);
		http.securityMatcher("/api/**")
			// The working-day calendar is public information: anyone may compute a deadline.
			.authorizeHttpRequests(authorize -> authorize
				.requestMatchers(org.springframework.http.HttpMethod.GET, "/api/v1/calendar/**")
				.permitAll()
				// So are the service catalogue and the progress lookup (which needs the reference and the suffix).
				.requestMatchers(org.springframework.http.HttpMethod.GET, "/api/v1/catalogue", "/api/v1/catalogue/**",
						"/api/v1/applications/*/progress")
				.permitAll()
				.anyRequest()
				.hasAuthority(Role.STAFF))
			.addFilterBefore(new ApiTokenFilter(tokens), AnonymousAuthenticationFilter.class)
			.securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable()) // no cookies are read on the API: a token must be sent explicitly
			.requestCache(cache -> cache.disable())
			.exceptionHandling(errors -> errors
				.authenticationEntryPoint((request, response, e) -> problems.write(request, response,
						HttpStatus.UNAUTHORIZED, "error.unauthorized"))
				.accessDeniedHandler((request, response, e) -> problems.write(request, response, HttpStatus.FORBIDDEN,
						"error.forbidden")));
		SecurityHeaders.apply(http);
		return http.build();
	}

	@Bean
	@Order(30)
	SecurityFilterChain deskChain(HttpSecurity http, StaffAccountRepository accounts, PasswordEncoder encoder,
			Lockout lockout, SecondFactor secondFactor, StaffSessions sessions, AuditTrail audit) throws Exception {
		http.securityMatcher("/desk/**")
			.authorizeHttpRequests(authorize -> authorize.requestMatchers("/desk/signin")
				.permitAll()
				.requestMatchers("/desk/signin/code", "/desk/signin/enrol")
				.hasAuthority(StaffPasswordCheck.PASSWORD_FACTOR)
				.anyRequest()
				.hasAuthority(Role.STAFF))
			.authenticationManager(new ProviderManager(new StaffPasswordCheck(accounts, encoder, lockout, audit)))
			.formLogin(form -> form.loginPage("/desk/signin")
				.loginProcessingUrl("/desk/signin")
				.successHandler((request, response, authentication) -> {
					var principal = (StaffPrincipal) authentication.getPrincipal();
					String next = secondFactor.enrolled(principal.accountId()) ? "code" : "enrol";
					response.sendRedirect(request.getContextPath() + "/desk/signin/" + next);
				})
				.failureUrl("/desk/signin?error"))
			.logout(logout -> logout.logoutUrl("/desk/signout")
				.logoutSuccessUrl("/desk/signin?signedOut")
				.invalidateHttpSession(true)
				.deleteCookies("ANNING_SESSION"))
			.securityContext(context -> context.securityContextRepository(sessions.repository()))
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
			.exceptionHandling(errors -> errors.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/desk/signin"))
				.accessDeniedHandler((request, response, e) -> {
					var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext()
						.getAuthentication();
					boolean halfway = authentication != null && authentication.getAuthorities()
						.stream()
						.noneMatch(a -> Role.STAFF.equals(a.getAuthority()));
					if (halfway) {
						response.sendRedirect(request.getContextPath() + "/desk/signin/code");
					}
					else {
						response.sendError(HttpStatus.FORBIDDEN.value());
					}
				}));
		SecurityHeaders.apply(http);
		return http.build();
	}
}
