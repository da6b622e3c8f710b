package org.anning.residents;

import java.time.Clock;

import org.anning.web.SecurityHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Who may reach the residents' portal. Registration through the API is public and keeps no session; the portal
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
		http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/v1/residents"))
			.authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
			.securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable()) // no cookie is read: nothing a forged cross-site request could ride on
			.requestCache(cache -> cache.disable());
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
				.deleteCookies("JSESSIONID"))
			.securityContext(context -> context.securityContextRepository(sessions.repository()))
			.csrf(csrf -> csrf.csrfTokenRepository(sessions.csrfTokens()))
			.requestCache(cache -> cache.requestCache(savedRequests))
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
			.exceptionHandling(errors -> errors.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/signin")));
		SecurityHeaders.apply(http);
		return http.build();
	}
}
