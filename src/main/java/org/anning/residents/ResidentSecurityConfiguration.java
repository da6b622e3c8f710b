package org.anning.residents;

import java.time.Clock;

import org.anning.web.Problems;
import org.anning.web.SecurityHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.support.SessionFlashMapManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may reach the residents' portal. Registration and sign-in through the API are public and keep no session;
 * the resident's own API ({@code /api/v1/me/…}) takes the bearer token issued at that sign-in; the portal
 * pages sign residents in with a form and keep the sign-in in the session under its own key, so that a staff
 * sign-in and a resident sign-in in one browser never mix. The staff desk and the rest of the API have chains
 * of their own that match first.
 */
@Configuration(proxyBeanMethods = false)
class ResidentSecurityConfiguration {

	/** The session attribute that holds a resident's sign-in, apart from a staff member's. */
	static final String RESIDENT_CONTEXT = "ANNING_RESIDENT_SECURITY_CONTEXT";

	/** The page a resident asked for before signing in, apart from the staff desk's. */
	static final String SAVED_REQUEST = "ANNING_RESIDENT_SAVED_REQUEST";

	/** The resident's own part of the API (but not {@code /api/v1/me} itself, which is staff's). */
	static final String API_ME = "/api/v1/me/**";

	/** The flash attribute that gives the sign-in page back what was typed as the username. */
	static final String TYPED_USERNAME = "username";

	@Bean
	ResidentSessions residentSessions() {
		var repository = new HttpSessionSecurityContextRepository();
		repository.setSpringSecurityContextKey(RESIDENT_CONTEXT);
		return new ResidentSessions(repository, new HttpSessionCsrfTokenRepository());
	}

	@Bean
	@Order(10)
	SecurityFilterChain residentRegistrationChain(HttpSecurity http) throws Exception {
		var paths = PathPatternRequestMatcher.withDefaults();
		http.securityMatcher(new OrRequestMatcher(paths.matcher(HttpMethod.POST, "/api/v1/residents"),
				paths.matcher(HttpMethod.POST, "/api/v1/residents/tokens")))
			.authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
			.securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable()) // no cookie is read: nothing a forged cross-site request could ride on
			.requestCache(cache -> cache.disable());
		SecurityHeaders.apply(http);
		return http.build();
	}

	/**
	 * A resident's own part of the API, with the token they got at sign-in. {@code GET /api/v1/me} itself is the
	 * staff member's own account and stays with the staff API chain; everything below it is the resident's.
	 */
	@Bean
	@Order(15)
	SecurityFilterChain residentApiChain(HttpSecurity http, ResidentTokens tokens, Problems problemDetails,
			LocaleResolver locales, JsonMapper json) throws Exception {
		var problems = new ResidentProblems(problemDetails, locales, json);
		var paths = PathPatternRequestMatcher.withDefaults();
		http.securityMatcher(new AndRequestMatcher(paths.matcher(API_ME),
				new NegatedRequestMatcher(paths.matcher("/api/v1/me"))))
			.authorizeHttpRequests(authorize -> authorize.anyRequest().hasAuthority(ResidentPrincipal.ROLE))
			.addFilterBefore(new ResidentTokenFilter(tokens), AnonymousAuthenticationFilter.class)
			.securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable()) // no cookies are read: a token must be sent explicitly
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
	@Order(40)
	SecurityFilterChain portalChain(HttpSecurity http, ResidentRepository residents, ResidentPasswords passwords,
			ResidentLockout lockout, ResidentSessions sessions, Clock clock) throws Exception {
		var savedRequests = new HttpSessionRequestCache();
		savedRequests.setSessionAttrName(SAVED_REQUEST);
		var flashMaps = new SessionFlashMapManager();
		http.securityMatcher("/**")
			.authorizeHttpRequests(authorize -> authorize.requestMatchers("/me", "/me/**")
				.hasAuthority(ResidentPrincipal.ROLE)
				.requestMatchers("/", "/register", "/signin", "/css/**", "/webjars/**", "/error", "/favicon.ico",
						"/api-docs.html", "/swagger-ui/**", "/v3/api-docs/**")
				.permitAll()
				.anyRequest()
				.permitAll()) // so that unknown pages answer 404, not a sign-in page
			.authenticationManager(new ProviderManager(new ResidentPasswordCheck(residents, passwords, lockout, clock)))
			.formLogin(form -> form.loginPage("/signin")
				.loginProcessingUrl("/signin")
				.defaultSuccessUrl("/me")
				.failureHandler((request, response, e) -> {
					// Redirect after POST, yet keep what was typed as the username (never the password).
					var flash = new FlashMap();
					String typed = request.getParameter("username");
					flash.put(TYPED_USERNAME, typed == null || typed.length() > 40 ? "" : typed);
					flash.setTargetRequestPath("/signin");
					flashMaps.saveOutputFlashMap(flash, request, response);
					response.sendRedirect(request.getContextPath() + "/signin?error");
				}))
			.logout(logout -> logout.logoutUrl("/signout")
				.logoutSuccessUrl("/signin?signedOut")
				.invalidateHttpSession(true)
				.deleteCookies("ANNING_SESSION"))
			.securityContext(context -> context.securityContextRepository(sessions.repository()))
			.csrf(csrf -> csrf.csrfTokenRepository(sessions.csrfTokens()))
			.requestCache(cache -> cache.requestCache(savedRequests))
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
			.exceptionHandling(errors -> errors.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/signin")));
		SecurityHeaders.apply(http);
		return http.build();
	}
}
