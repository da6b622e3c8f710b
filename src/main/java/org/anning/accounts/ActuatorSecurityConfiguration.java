package org.anning.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.anning.web.Problems;
import org.anning.web.SecurityHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may reach the actuator. Health (with the liveness and readiness probes) is public, for load balancers;
 * the Prometheus metrics are for an administrator, signed in at the desk (the session is read, never created)
 * or with a staff API token, and for a scraper with the metrics token from the environment; every other
 * actuator endpoint is for administrators only. Without credentials the answer is 401, with credentials that
 * do not suffice 403, both as problem details.
 */
@Configuration(proxyBeanMethods = false)
class ActuatorSecurityConfiguration {

	@Bean
	@Order(18)
	SecurityFilterChain actuatorChain(HttpSecurity http, ApiTokens tokens, StaffSessions sessions,
			MetricsSettings metrics, Problems problemDetails, LocaleResolver locales, JsonMapper json) throws Exception {
		var problems = new ProblemResponses(problemDetails, locales, json);
		AuthorizationManager<RequestAuthorizationContext> administrator = AuthorizationManagers.allOf(
				AuthorityAuthorizationManager.hasAuthority(Role.STAFF),
				AuthorityAuthorizationManager.hasAuthority(Role.ADMINISTRATOR.authority().getAuthority()));
		http.securityMatcher("/actuator/**")
			.authorizeHttpRequests(authorize -> authorize.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.requestMatchers("/actuator/prometheus")
				.access(AuthorizationManagers.anyOf(administrator,
						AuthorityAuthorizationManager.hasAuthority(MetricsTokenFilter.SCRAPER)))
				.anyRequest()
				.access(administrator))
			.addFilterBefore(new ApiTokenFilter(tokens), AnonymousAuthenticationFilter.class)
			.addFilterBefore(new MetricsTokenFilter(metrics), ApiTokenFilter.class)
			.securityContext(context -> context.securityContextRepository(new ReadOnly(sessions.repository())))
			.requestCache(cache -> cache.disable())
			.exceptionHandling(errors -> errors
				.authenticationEntryPoint((request, response, e) -> problems.write(request, response,
						HttpStatus.UNAUTHORIZED, "error.unauthorized"))
				.accessDeniedHandler((request, response, e) -> problems.write(request, response, HttpStatus.FORBIDDEN,
						"error.forbidden")));
		SecurityHeaders.apply(http);
		return http.build();
	}

	/**
	 * Reads a desk sign-in from the session and never writes one, so that a request with a token neither opens a
	 * session nor leaves a sign-in behind that the desk would honour without the second factor.
	 */
	record ReadOnly(SecurityContextRepository sessions) implements SecurityContextRepository {

		@Override
		public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
			return sessions.loadDeferredContext(request);
		}

		@Override
		@Deprecated
		public SecurityContext loadContext(HttpRequestResponseHolder holder) {
			return sessions.loadDeferredContext(holder.getRequest()).get();
		}

		@Override
		public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
			// Never: sign-in happens at the desk.
		}

		@Override
		public boolean containsContext(HttpServletRequest request) {
			return sessions.containsContext(request);
		}
	}
}
