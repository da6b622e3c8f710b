package org.anning.residents;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * A resident signs in with their identity number or mobile number and password. Unknown, locked and wrongly
 * typed sign-ins all fail the same way, after the same password hashing.
 * <p>
 * Family members may share one mobile number; a sign-in by mobile opens the one account whose password matches,
 * and fails if there are several (those residents sign in with their identity number).
 */
class ResidentPasswordCheck implements AuthenticationProvider {

	/** Far more than an identity or mobile number with separators; longer input is not worth parsing. */
	static final int MAX_USERNAME_LENGTH = 64;

	private final ResidentRepository residents;

	private final ResidentPasswords passwords;

	private final ResidentLockout lockout;

	private final Clock clock;

	ResidentPasswordCheck(ResidentRepository residents, ResidentPasswords passwords, ResidentLockout lockout,
			Clock clock) {
		this.residents = residents;
		this.passwords = passwords;
		this.lockout = lockout;
		this.clock = clock;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String password = String.valueOf(authentication.getCredentials());
		List<ResidentRepository.Credentials> candidates = candidates(String.valueOf(authentication.getPrincipal()));
		if (candidates.isEmpty()) {
			passwords.matches(password, null);
			lockout.recordUnknown("unknown resident");
			throw failed();
		}
		List<ResidentRepository.Credentials> matching = candidates.stream()
			.filter(c -> passwords.matches(password, c.passwordHash()))
			.toList();
		Instant now = clock.instant();
		if (matching.isEmpty()) {
			candidates.stream().filter(c -> !c.lockedAt(now)).forEach(c -> lockout.recordFailure(c.id()));
			throw failed();
		}
		if (matching.size() > 1) {
			lockout.recordUnknown("several residents match");
			throw failed();
		}
		if (matching.get(0).lockedAt(now)) {
			lockout.recordLockedAttempt(matching.get(0).id());
			throw failed();
		}
		ResidentRepository.Credentials resident = matching.get(0);
		lockout.recordSuccess(resident.id());
		return UsernamePasswordAuthenticationToken.authenticated(resident.principal(), null,
				resident.principal().authorities());
	}

	/** The residents a sign-in name may stand for: a mobile number first, else an identity number. */
	private List<ResidentRepository.Credentials> candidates(String username) {
		if (username.length() > MAX_USERNAME_LENGTH) {
			return List.of();
		}
		Optional<MobileNumber> mobile = MobileNumber.parse(username);
		if (mobile.isPresent()) {
			return residents.credentials(mobile.get());
		}
		try {
			return residents.credentials(IdentityNumber.parse(username, LocalDate.now(clock))).stream().toList();
		}
		catch (IdentityNumber.Invalid e) {
			return List.of();
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private static BadCredentialsException failed() {
		return new BadCredentialsException("Sign-in failed");
	}
}
