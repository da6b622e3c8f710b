package org.anning.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.anning.units.UnitId;
import org.anning.units.UnitScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Staff accounts, their roles and their failed sign-ins, with plain SQL. */
@Repository
class StaffAccountRepository {

	private static final String SELECT = """
			SELECT a.id, a.username, a.display_name, a.unit_id, a.active, a.locked_at, a.totp_secret IS NOT NULL AS enrolled,
			       a.created_at, COALESCE((SELECT string_agg(r.role, ',') FROM staff_role r WHERE r.account_id = a.id), '') AS roles
			  FROM staff_account a
			""";

	private final JdbcClient jdbc;

	StaffAccountRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<StaffAccount> findById(AccountId id) {
		return jdbc.sql(SELECT + " WHERE a.id = ?").param(id.value()).query(StaffAccountRepository::map).optional();
	}

	Optional<StaffAccount> findByUsername(String username) {
		return jdbc.sql(SELECT + " WHERE lower(a.username) = lower(?)")
			.param(username)
			.query(StaffAccountRepository::map)
			.optional();
	}

	/** Accounts of the units in scope, optionally of one unit and one role, by username. */
	List<StaffAccount> findAll(UnitScope scope, UnitId unit, Role role, String text) {
		return jdbc.sql(SELECT + """
				 WHERE a.unit_id = ANY(:scope)
				   AND (CAST(:unit AS uuid) IS NULL OR a.unit_id = :unit)
				   AND (CAST(:role AS varchar) IS NULL OR EXISTS (SELECT 1 FROM staff_role r WHERE r.account_id = a.id AND r.role = :role))
				   AND (CAST(:text AS varchar) IS NULL OR a.username ILIKE :text OR a.display_name ILIKE :text)
				 ORDER BY a.username
				""")
			.param("scope", scope.ids())
			.param("unit", unit == null ? null : unit.value())
			.param("role", role == null ? null : role.name())
			.param("text", text == null || text.isBlank() ? null : "%" + text.strip() + "%")
			.query(StaffAccountRepository::map)
			.list();
	}

	Optional<String> passwordHash(AccountId id) {
		return jdbc.sql("SELECT password_hash FROM staff_account WHERE id = ?").param(id.value()).query(String.class).optional();
	}

	Optional<SecondFactorState> secondFactor(AccountId id) {
		return jdbc.sql("SELECT totp_secret, totp_last_step FROM staff_account WHERE id = ?")
			.param(id.value())
			.query((rs, n) -> new SecondFactorState(rs.getString(1), rs.getLong(2)))
			.optional();
	}

	record SecondFactorState(String secret, long lastStep) {
	}

	void insert(AccountId id, String username, String displayName, UnitId unit, String passwordHash, String totpSecret,
			Set<Role> roles, Instant now) {
		jdbc.sql("""
				INSERT INTO staff_account (id, username, display_name, unit_id, password_hash, totp_secret, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(id.value(), username, displayName, unit.value(), passwordHash, totpSecret, Timestamp.from(now),
					Timestamp.from(now))
			.update();
		setRoles(id, roles, now);
	}

	boolean usernameExists(String username) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM staff_account WHERE lower(username) = lower(?))")
			.param(username)
			.query(Boolean.class)
			.single();
	}

	void setRoles(AccountId id, Set<Role> roles, Instant now) {
		jdbc.sql("DELETE FROM staff_role WHERE account_id = ?").param(id.value()).update();
		for (Role role : roles) {
			jdbc.sql("INSERT INTO staff_role (account_id, role) VALUES (?, ?)").params(id.value(), role.name()).update();
		}
		touch(id, now);
	}

	void setUnit(AccountId id, UnitId unit, Instant now) {
		jdbc.sql("UPDATE staff_account SET unit_id = ?, updated_at = ? WHERE id = ?")
			.params(unit.value(), Timestamp.from(now), id.value())
			.update();
	}

	void setActive(AccountId id, boolean active, Instant now) {
		jdbc.sql("UPDATE staff_account SET active = ?, updated_at = ? WHERE id = ?")
			.params(active, Timestamp.from(now), id.value())
			.update();
	}

	void setPasswordHash(AccountId id, String hash, Instant now) {
		jdbc.sql("UPDATE staff_account SET password_hash = ?, updated_at = ? WHERE id = ?")
			.params(hash, Timestamp.from(now), id.value())
			.update();
	}

	void setSecondFactor(AccountId id, String secret, long lastStep, Instant now) {
		jdbc.sql("UPDATE staff_account SET totp_secret = ?, totp_last_step = ?, updated_at = ? WHERE id = ?")
			.params(secret, lastStep, Timestamp.from(now), id.value())
			.update();
	}

	/** Records a code's time step as used; false if that step (or a later one) was already used. */
	boolean useStep(AccountId id, long step) {
		return jdbc.sql("UPDATE staff_account SET totp_last_step = ? WHERE id = ? AND totp_last_step < ?")
			.params(step, id.value(), step)
			.update() == 1;
	}

	void recordFailure(AccountId id, Instant at) {
		jdbc.sql("INSERT INTO staff_sign_in_failure (account_id, failed_at) VALUES (?, ?)")
			.params(id.value(), Timestamp.from(at))
			.update();
	}

	int failuresSince(AccountId id, Instant since) {
		return jdbc.sql("SELECT count(*) FROM staff_sign_in_failure WHERE account_id = ? AND failed_at > ?")
			.params(id.value(), Timestamp.from(since))
			.query(Integer.class)
			.single();
	}

	void clearFailures(AccountId id) {
		jdbc.sql("DELETE FROM staff_sign_in_failure WHERE account_id = ?").param(id.value()).update();
	}

	/** Locks the account unless it is locked already; true if this call locked it. */
	boolean lock(AccountId id, Instant at) {
		return jdbc.sql("UPDATE staff_account SET locked_at = ? WHERE id = ? AND locked_at IS NULL")
			.params(Timestamp.from(at), id.value())
			.update() == 1;
	}

	void unlock(AccountId id, Instant now) {
		jdbc.sql("UPDATE staff_account SET locked_at = NULL, updated_at = ? WHERE id = ?")
			.params(Timestamp.from(now), id.value())
			.update();
		clearFailures(id);
	}

	long count() {
		return jdbc.sql("SELECT count(*) FROM staff_account").query(Long.class).single();
	}

	private void touch(AccountId id, Instant now) {
		jdbc.sql("UPDATE staff_account SET updated_at = ? WHERE id = ?").params(Timestamp.from(now), id.value()).update();
	}

	private static StaffAccount map(ResultSet rs, int row) throws SQLException {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String role : rs.getString("roles").split(",")) {
			if (!role.isEmpty()) {
				roles.add(Role.valueOf(role));
			}
		}
		Timestamp locked = rs.getTimestamp("locked_at");
		return new StaffAccount(new AccountId(rs.getObject("id", UUID.class)), rs.getString("username"),
				rs.getString("display_name"), new UnitId(rs.getObject("unit_id", UUID.class)), roles,
				rs.getBoolean("active"), locked == null ? null : locked.toInstant(), rs.getBoolean("enrolled"),
				rs.getTimestamp("created_at").toInstant());
	}
}
