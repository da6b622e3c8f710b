package org.anning.residents;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.anning.web.NotFoundException;
import org.anning.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Residents' sign-in for apps and kiosks: a token for the identity or mobile number and password, checked exactly
 * as the portal checks them (so failures count towards the same lockout), and the resident's own account with it.
 */
@RestController
@Tag(name = "Residents", description = "Residents' accounts on the online portal")
class ResidentTokenController {

	/** The filter chain already demands it for /api/v1/me/…; said again where the endpoint is. */
	static final String RESIDENT = "hasRole('RESIDENT')";

	private final ResidentPasswordCheck check;

	private final ResidentTokens tokens;

	private final Residents residents;

	private final Problems problems;

	ResidentTokenController(ResidentRepository repository, ResidentPasswords passwords, ResidentLockout lockout,
			ResidentTokens tokens, Residents residents, Problems problems, Clock clock) {
		this.check = new ResidentPasswordCheck(repository, passwords, lockout, clock);
		this.tokens = tokens;
		this.residents = residents;
		this.problems = problems;
	}

	@PostMapping(path = "/api/v1/residents/tokens", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Sign a resident in and issue a token",
			description = "Public: the username is the identity number or the mobile number. The token goes in "
					+ "Authorization: Bearer for /api/v1/me/…; it is shown only now. Five failures within 15 minutes "
					+ "pause sign-in for 15 minutes, shared with the portal's sign-in page.")
	@ApiResponse(responseCode = "201", description = "Signed in: {token, expiresAt}")
	@ApiResponse(responseCode = "401",
			description = "Unknown resident, wrong password or sign-in paused: one answer for all three")
	ResponseEntity<?> signIn(@RequestBody SignIn request, Locale locale) {
		ResidentPrincipal principal;
		try {
			Authentication authentication = check.authenticate(UsernamePasswordAuthenticationToken
				.unauthenticated(request.username() == null ? "" : request.username(),
						request.password() == null ? "" : request.password()));
			principal = (ResidentPrincipal) authentication.getPrincipal();
		}
		catch (BadCredentialsException e) {
			ProblemDetail problem = problems.of(HttpStatus.UNAUTHORIZED, "residents.token.signInFailed", locale);
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
		}
		ResidentTokens.Issued issued = tokens.issue(principal.id());
		return ResponseEntity.status(HttpStatus.CREATED).body(new Token(issued.token(), issued.expiresAt()));
	}

	@DeleteMapping("/api/v1/me/tokens/current")
	@PreAuthorize(RESIDENT)
	@Operation(summary = "Sign out: revoke the token of this request")
	@ApiResponse(responseCode = "204", description = "Revoked; the token no longer works")
	ResponseEntity<Void> signOut(@AuthenticationPrincipal ResidentPrincipal principal,
			@Parameter(hidden = true) Authentication authentication) {
		if (!(authentication.getDetails() instanceof ResidentTokens.Used used)
				|| !tokens.revoke(principal.id(), used)) {
			throw new NotFoundException("token");
		}
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/me/account")
	@PreAuthorize(RESIDENT)
	@Operation(summary = "The signed-in resident's account, with masked numbers")
	Account account(@AuthenticationPrincipal ResidentPrincipal principal) {
		Resident resident = residents.find(principal.id()).orElseThrow(() -> new NotFoundException("resident"));
		return new Account(resident.id().toString(), resident.name(), resident.idNumber().masked(),
				resident.mobile().masked());
	}

	/** What an app sends to sign a resident in. */
	record SignIn(String username, String password) {

		/** Never the password, should a request be logged. */
		@Override
		public String toString() {
			return "SignIn[…]";
		}
	}

	/** A freshly issued token: the only time it is shown. */
	record Token(String token, Instant expiresAt) {
	}

	/** The resident's account as their app shows it: numbers masked. */
	record Account(String id, String name, String maskedIdNumber, String maskedMobile) {
	}
}
