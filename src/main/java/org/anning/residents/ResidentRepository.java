package org.anning.residents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.anning.privacy.PersonalData;
import org.anning.privacy.Sealed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Residents and their failed sign-ins, with plain SQL. Identity and mobile numbers are stored only sealed, and
 * found through their keyed index; the names below bind each sealed value to its column.
 */
@Repository
class ResidentRepository {

	/** Residents who may share one mobile number and are tried at a sign-in by mobile, oldest first. */
	static final int MAX_PER_MOBILE = 5;

	static final String ID_NUMBER = "resident.id_number";

	static final String MOBILE = "resident.mobile";

	private final JdbcClient jdbc;

	private final PersonalData personalData;

	ResidentRepository(JdbcClient jdbc, PersonalData personalData) {
		this.jdbc = jdbc;
		this.personalData = personalData;
	}

	/** Stores a new resident; false if the identity number is registered already. */
	boolean insert(ResidentId id, String name, IdentityNumber idNumber, MobileNumber mobile, String passwordHash,
			Instant now) {
		Sealed sealedIdNumber = personalData.seal(ID_NUMBER, idNumber.value());
		Sealed sealedMobile = personalData.seal(MOBILE, mobile.value());
		return jdbc.sql("""
				INSERT INTO resident (id, name, id_number_sealed, id_number_index, mobile_sealed, mobile_index,
				                      password_hash, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (id_number_index) DO NOTHING
				""")
			.params(id.value(), name, sealedIdNumber.ciphertext(), sealedIdNumber.index(), sealedMobile.ciphertext(),
					sealedMobile.index(), passwordHash, Timestamp.from(now))
			.update() == 1;
	}

	Optional<Resident> findById(ResidentId id) {
		return jdbc.sql("SELECT id, name, id_number_sealed, mobile_sealed, created_at FROM resident WHERE id = ?")
			.param(id.value())
			.query(this::resident)
			.optional();
	}

	/** The resident with this identity number, found through its keyed index. */
	Optional<Resident> findByIdNumber(IdentityNumber idNumber) {
		return jdbc.sql("SELECT id, name, id_number_sealed, mobile_sealed, created_at FROM resident WHERE id_number_index = ?")
			.param(personalData.index(ID_NUMBER, idNumber.value()))
			.query(this::resident)
			.optional();
	}

	/** The residents who gave this mobile number, oldest first. */
	List<Resident> findByMobile(MobileNumber mobile) {
		return jdbc.sql("""
				SELECT id, name, id_number_sealed, mobile_sealed, created_at FROM resident
				 WHERE mobile_index = ? ORDER BY created_at, id
				""").param(personalData.index(MOBILE, mobile.value())).query(this::resident).list();
	}

	Optional<Credentials> credentials(IdentityNumber idNumber) {
		return jdbc.sql("SELECT id, name, password_hash, locked_until FROM resident WHERE id_number_index = ?")
			.param(personalData.index(ID_NUMBER, idNumber.value()))
			.query(ResidentRepository::credentials)
			.optional();
	}

	List<Credentials> credentials(MobileNumber mobile) {
		return jdbc.sql("""
				SELECT id, name, password_hash, locked_until FROM resident
				 WHERE mobile_index = ? ORDER BY created_at, id LIMIT ?
				""")
			.params(personalData.index(MOBILE, mobile.value()), MAX_PER_MOBILE)
			.query(ResidentRepository::credentials)
			.list();
	}

	/** What a sign-in checks. */
	record Credentials(ResidentId id, String name, String passwordHash, Instant lockedUntil) {

		boolean lockedAt(Instant now) {
			return lockedUntil != null && lockedUntil.isAfter(now);
		}

		ResidentPrincipal principal() {
			return new ResidentPrincipal(id, name);
		}
	}

	void recordFailure(ResidentId id, Instant at) {
		jdbc.sql("INSERT INTO resident_sign_in_failure (resident_id, failed_at) VALUES (?, ?)")
			.params(id.value(), Timestamp.from(at))
			.update();
	}

	int failuresSince(ResidentId id, Instant since) {
		return jdbc.sql("SELECT count(*) FROM resident_sign_in_failure WHERE resident_id = ? AND failed_at > ?")
			.params(id.value(), Timestamp.from(since))
			.query(Integer.class)
			.single();
	}

	void clearFailures(ResidentId id) {
		jdbc.sql("DELETE FROM resident_sign_in_failure WHERE resident_id = ?").param(id.value()).update();
	}

	/** Locks sign-in until the given time; the failures that caused it are spent. */
	void lockUntil(ResidentId id, Instant until) {
		jdbc.sql("UPDATE resident SET locked_until = ? WHERE id = ?").params(Timestamp.from(until), id.value()).update();
		clearFailures(id);
	}

	long count() {
		return jdbc.sql("SELECT count(*) FROM resident").query(Long.class).single();
	}

	private Resident resident(ResultSet rs, int row) throws SQLException {
		return new Resident(new ResidentId(rs.getObject("id", UUID.class)), rs.getString("name"),
				stored(personalData.open(ID_NUMBER, rs.getBytes("id_number_sealed"))),
				new MobileNumber(personalData.open(MOBILE, rs.getBytes("mobile_sealed"))),
				rs.getTimestamp("created_at").toInstant());
	}

	private static Credentials credentials(ResultSet rs, int row) throws SQLException {
		Timestamp locked = rs.getTimestamp("locked_until");
		return new Credentials(new ResidentId(rs.getObject("id", UUID.class)), rs.getString("name"),
				rs.getString("password_hash"), locked == null ? null : locked.toInstant());
	}

	/** A stored number was valid when registered, and its birth date cannot move into the future since. */
	private static IdentityNumber stored(String value) {
		return IdentityNumber.parse(value, LocalDate.MAX);
	}

	List<ResidentId> firstRegistered(int limit) {
		return jdbc.sql("SELECT id FROM resident ORDER BY created_at, id LIMIT ?").param(limit)
			.query((rs, n) -> new ResidentId(rs.getObject(1, java.util.UUID.class))).list();
	}
}
