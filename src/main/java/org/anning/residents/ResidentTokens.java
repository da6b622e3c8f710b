package org.anning.residents;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.anning.audit.Actor;
import org.anning.audit.AuditAction;
import org.anning.audit.AuditEntry;
import org.anning.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens of residents, issued at a sign-in with identity or mobile number and password. Like staff tokens, a
 * token is shown once and only its SHA-256 hash is stored; unlike them it is short-lived and the resident revokes
 * it by signing out, so there is no list of tokens to manage.
 */
@Component
class ResidentTokens {

	static final String PREFIX = "anr_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final ResidentSettings settings;

	private final Clock clock;

	ResidentTokens(JdbcClient jdbc, AuditTrail audit, ResidentSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.settings = settings;
		this.clock = clock;
	}

	/** A freshly issued token: the only time its value is known. */
	record Issued(UUID id, String token, Instant expiresAt) {
	}

	/** The token a request was authenticated with, kept as the authentication's details. */
	record Used(UUID id) {
	}

	/** The resident a presented token stands for, and the token. */
	record Holder(ResidentPrincipal principal, Used token) {
	}

	/** Issues a token to a resident who has just signed in, and audits the issue in the same transaction. */
	@Transactional
	Issued issue(ResidentId resident) {
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		Instant expires = now.plus(settings.tokenLifetime());
		jdbc.sql("""
				INSERT INTO resident_token (id, resident_id, token_hash, created_at, expires_at)
				VALUES (?, ?, ?, ?, ?)
				""").params(id, resident.value(), hash(token), Timestamp.from(now), Timestamp.from(expires)).update();
		audit.record(AuditEntry.of(AuditAction.TOKEN_ISSUED, "resident-token", id)
			.detail("expires " + expires)
			.about(resident.value())
			.by(Actor.resident(resident.value())));
		return new Issued(id, token, expires);
	}

	/** Who a presented token stands for, if it is unexpired and unrevoked now. */
	@Transactional(readOnly = true)
	Optional<Holder> authenticate(String token) {
		if (token == null || !token.startsWith(PREFIX) || token.length() > 200) {
			return Optional.empty();
		}
		return jdbc.sql("""
				SELECT t.id, r.id AS resident_id, r.name FROM resident_token t JOIN resident r ON r.id = t.resident_id
				 WHERE t.token_hash = ? AND t.revoked_at IS NULL AND t.expires_at > ?
				""")
			.params(hash(token), Timestamp.from(clock.instant()))
			.query((rs, n) -> new Holder(
					new ResidentPrincipal(new ResidentId(rs.getObject("resident_id", UUID.class)), rs.getString("name")),
					new Used(rs.getObject("id", UUID.class))))
			.optional();
	}

	/** Revokes one of the resident's tokens (signing out of an app); false if it was not theirs or not usable. */
	@Transactional
	boolean revoke(ResidentId resident, Used token) {
		int changed = jdbc.sql("UPDATE resident_token SET revoked_at = ? WHERE id = ? AND resident_id = ? AND revoked_at IS NULL")
			.params(Timestamp.from(clock.instant()), token.id(), resident.value())
			.update();
		if (changed == 1) {
			audit.record(AuditEntry.of(AuditAction.TOKEN_REVOKED, "resident-token", token.id())
				.about(resident.value())
				.by(Actor.resident(resident.value())));
		}
		return changed == 1;
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
