package org.anning.accounts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a Prometheus scraper in with the metrics token from the environment, sent as
 * {@code Authorization: Bearer <token>}. The comparison takes the same time however much of the token is right
 * (both sides are hashed first, so not even the length shows); any other bearer token is left to the staff
 * token filter that follows.
 */
class MetricsTokenFilter extends OncePerRequestFilter {

	/** The only authority the metrics token grants: reading the metrics, nothing else. */
	static final String SCRAPER = "METRICS_SCRAPER";

	/** The name the scraper has in the security context. */
	static final String PRINCIPAL = "metrics-scraper";

	private final byte[] expected;

	MetricsTokenFilter(MetricsSettings settings) {
		this.expected = settings.token().isEmpty() ? null : digest(settings.token());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (expected != null && header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
				&& MessageDigest.isEqual(expected, digest(header.substring(7).strip()))) {
			var context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(PRINCIPAL, null,
					List.of(new SimpleGrantedAuthority(SCRAPER))));
			SecurityContextHolder.setContext(context);
		}
		chain.doFilter(request, response);
	}

	private static byte[] digest(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
