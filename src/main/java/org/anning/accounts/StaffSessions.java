package org.anning.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/** Keeps a staff sign-in in the HTTP session, under its own attribute. */
record StaffSessions(HttpSessionSecurityContextRepository repository) {

	/** Completes sign-in after the second factor: full authorities and a new session id. */
	void signIn(StaffPrincipal principal, HttpServletRequest request, HttpServletResponse response) {
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.authorities()));
		SecurityContextHolder.setContext(context);
		request.changeSessionId();
		repository.saveContext(context, request, response);
	}

	/** Ends a half-finished sign-in (the account locked during the second step). */
	void signOut(HttpServletRequest request, HttpServletResponse response) {
		SecurityContextHolder.clearContext();
		var session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
	}
}
