package org.anning.accounts;

import java.util.List;
import java.util.Optional;

import org.anning.audit.AuditAction;
import org.anning.audit.AuditEntry;
import org.anning.audit.AuditTrail;
import org.anning.audit.Outcome;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The first factor: username and password. A success grants only {@link #PASSWORD_FACTOR}, which opens the
 * second-factor pages and nothing else. Unknown, locked, inactive and wrongly typed accounts all fail the same
 * way, after the same work.
 */
class StaffPasswordCheck implements AuthenticationProvider {

	static final String PASSWORD_FACTOR = "FACTOR_PASSWORD";

	private final StaffAccountRepository accounts;

	private final PasswordEncoder encoder;

	private final Lockout lockout;

	private final String unknownUserHash;

	private final AuditTrail audit;

	StaffPasswordCheck(StaffAccountRepository accounts, PasswordEncoder encoder, Lockout lockout, AuditTrail audit) {
		this.accounts = accounts;
		this.encoder = encoder;
		this.lockout = lockout;
		this.audit = audit;
		this.unknownUserHash = encoder.encode("no such account: spend the same time as for a real one");
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = String.valueOf(authentication.getPrincipal()).strip();
		String password = String.valueOf(authentication.getCredentials());
		Optional<StaffAccount> account = username.isEmpty() ? Optional.empty() : accounts.findByUsername(username);
		if (account.isEmpty()) {
			encoder.matches(password, unknownUserHash);
			// The typed name is not recorded: people type passwords into the wrong field.
			audit.record(AuditEntry.of(AuditAction.SIGN_IN_FAILED, "staff-account", null)
				.outcome(Outcome.FAILED)
				.detail("unknown username"));
			throw failed();
		}
		StaffAccount staff = account.get();
		boolean matches = encoder.matches(password, accounts.passwordHash(staff.id()).orElse(unknownUserHash));
		if (!staff.active() || staff.locked()) {
			audit.record(AuditEntry.of(AuditAction.SIGN_IN_FAILED, "staff-account", staff.id())
				.outcome(Outcome.DENIED)
				.detail(staff.locked() ? "account locked" : "account inactive")
				.by(staff.principal().actor()));
			throw failed();
		}
		if (!matches) {
			lockout.recordFailure(staff.principal(), "password");
			throw failed();
		}
		return UsernamePasswordAuthenticationToken.authenticated(staff.principal(), null,
				List.of(new SimpleGrantedAuthority(PASSWORD_FACTOR)));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private static BadCredentialsException failed() {
		return new BadCredentialsException("Sign-in failed");
	}
}
