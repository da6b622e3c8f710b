package org.anning.residents;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;

/** Keeps a resident's sign-in in the HTTP session, under its own attribute apart from a staff sign-in. */
record ResidentSessions(HttpSessionSecurityContextRepository repository, CsrfTokenRepository csrfTokens) {

	/**
	 * Signs a resident in without the sign-in form (right after registering), as the form would: a new session id
	 * and a new CSRF token.
	 */
	void signIn(ResidentPrincipal principal, HttpServletRequest request, HttpServletResponse response) {
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.authorities()));
		SecurityContextHolder.setContext(context);
		request.getSession();
		request.changeSessionId();
		csrfTokens.saveToken(null, request, response);
		repository.saveContext(context, request, response);
	}
}
