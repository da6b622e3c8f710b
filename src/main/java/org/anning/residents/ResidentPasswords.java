package org.anning.residents;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Residents' passwords, hashed with the application's encoder (Argon2id, which reads every character). A check
 * for an unknown resident does the same work against a decoy, so that timing does not tell who is registered.
 */
@Component
class ResidentPasswords {

	private final PasswordEncoder encoder;

	private final String decoyHash;

	ResidentPasswords(PasswordEncoder encoder) {
		this.encoder = encoder;
		this.decoyHash = encoder.encode("no such resident: spend the same time as for a real one");
	}

	String hash(String password) {
		return encoder.encode(password);
	}

	/** Whether the password matches the hash; without a hash, the same work is done against a decoy. */
	boolean matches(String password, String hash) {
		boolean matches = encoder.matches(String.valueOf(password), hash == null ? decoyHash : hash);
		return hash != null && matches;
	}
}
