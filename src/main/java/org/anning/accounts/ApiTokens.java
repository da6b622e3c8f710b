package org.anning.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.anning.audit.Actor;
import org.anning.audit.ActorKind;
import org.anning.audit.AuditAction;
import org.anning.audit.AuditEntry;
import org.anning.audit.AuditTrail;
import org.anning.web.InvalidInputException;
import org.anning.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens for staff clients. A token is shown once when issued; only its SHA-256 hash is stored. A token
 * works while it is unexpired, unrevoked, and its account is active and unlocked.
 */
@Component
public class ApiTokens {

	static final String PREFIX = "ann_";

	static final int MAX_DAYS = 366;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final StaffAccountRepository accounts;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final AuditTrail audit;

	ApiTokens(JdbcClient jdbc, StaffAccountRepository accounts, ApplicationEventPublisher events, AuditTrail audit,
			Clock clock) {
		this.audit = audit;
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.events = events;
		this.clock = clock;
	}

	/** A freshly issued token: the only time its value is known. */
	public record IssuedToken(UUID id, String token, Instant expiresAt) {
	}

	/** What is known of a token afterwards. */
	public record TokenInfo(UUID id, String name, Instant createdAt, Instant expiresAt, Instant revokedAt,
			Instant lastUsedAt) {

		public boolean usable(Instant now) {
			return revokedAt == null && expiresAt.isAfter(now);
		}
	}

	@Transactional
	public IssuedToken issue(AccountId account, String name, int days, AccountId by) {
		if (days < 1 || days > MAX_DAYS) {
			throw new InvalidInputException("days", "accounts.token.days", MAX_DAYS);
		}
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		return store(account, name, PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random),
				Duration.ofDays(days), by);
	}

	/** Stores a known token value (the demo administrator's), unless it is already stored and usable. */
	@Transactional
	void ensure(AccountId account, String name, String token, Duration validity) {
		boolean usable = jdbc
			.sql("SELECT EXISTS (SELECT 1 FROM api_token WHERE token_hash = ? AND revoked_at IS NULL AND expires_at > ?)")
			.params(hash(token), Timestamp.from(clock.instant().plus(Duration.ofDays(1))))
			.query(Boolean.class)
			.single();
		if (!usable) {
			jdbc.sql("DELETE FROM api_token WHERE token_hash = ?").param(hash(token)).update();
			store(account, name, token, validity, account);
		}
	}

	private IssuedToken store(AccountId account, String name, String token, Duration validity, AccountId by) {
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		Instant expires = now.plus(validity);
		String label = name == null || name.isBlank() ? "API" : name.strip();
		jdbc.sql("""
				INSERT INTO api_token (id, account_id, name, token_hash, created_at, expires_at)
				VALUES (?, ?, ?, ?, ?, ?)
				""")
			.params(id, account.value(), label.length() > 100 ? label.substring(0, 100) : label, hash(token),
					Timestamp.from(now), Timestamp.from(expires))
			.update();
		audit.record(AuditEntry.of(AuditAction.TOKEN_ISSUED, "api-token", id)
			.detail("for account " + account + ", expires " + expires)
			.by(actorOf(by)));
		events.publishEvent(new AccountEvents.TokenIssued(account, id, by));
		return new IssuedToken(id, token, expires);
	}

	/** The staff principal a presented token stands for, if the token is valid now. */
	@Transactional
	public Optional<StaffPrincipal> authenticate(String token) {
		if (token == null || !token.startsWith(PREFIX) || token.length() > 200) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		Optional<TokenOwner> owner = jdbc.sql("""
				SELECT t.id, t.account_id FROM api_token t
				 WHERE t.token_hash = ? AND t.revoked_at IS NULL AND t.expires_at > ?
				""")
			.params(hash(token), Timestamp.from(now))
			.query((rs, n) -> new TokenOwner(rs.getObject(1, UUID.class), new AccountId(rs.getObject(2, UUID.class))))
			.optional();
		return owner.flatMap(o -> accounts.findById(o.account())
			.filter(a -> a.active() && !a.locked())
			.map(a -> {
				jdbc.sql("""
						UPDATE api_token SET last_used_at = ?
						 WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)
						""").params(Timestamp.from(now), o.token(), Timestamp.from(now.minusSeconds(60))).update();
				return a.principal();
			}));
	}

	private record TokenOwner(UUID token, AccountId account) {
	}

	@Transactional(readOnly = true)
	public List<TokenInfo> of(AccountId account) {
		return jdbc.sql("""
				SELECT id, name, created_at, expires_at, revoked_at, last_used_at FROM api_token
				 WHERE account_id = ? ORDER BY created_at DESC
				""").param(account.value()).query((rs, n) -> new TokenInfo(rs.getObject(1, UUID.class), rs.getString(2),
						rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant(), instant(rs.getTimestamp(5)),
						instant(rs.getTimestamp(6)))).list();
	}

	@Transactional
	public void revoke(AccountId account, UUID token, AccountId by) {
		int changed = jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE id = ? AND account_id = ? AND revoked_at IS NULL")
			.params(Timestamp.from(clock.instant()), token, account.value())
			.update();
		if (changed == 0) {
			throw new NotFoundException("token");
		}
		audit.record(AuditEntry.of(AuditAction.TOKEN_REVOKED, "api-token", token).detail("of account " + account));
		events.publishEvent(new AccountEvents.TokenRevoked(account, token, by));
	}

	/** The signed-in user, or (a command-line issue, demo data) the account named as issuer. */
	private Actor actorOf(AccountId by) {
		Actor current = Actor.current();
		if (current.kind() != ActorKind.ANONYMOUS) {
			return current;
		}
		return accounts.findById(by).map(a -> a.principal().actor()).orElse(Actor.SYSTEM);
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
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
