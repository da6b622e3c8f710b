package org.anning.residents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.anning.audit.Actor;
import org.anning.audit.AuditAction;
import org.anning.audit.AuditEntry;
import org.anning.audit.AuditTrail;
import org.anning.audit.Purpose;
import org.anning.privacy.PersonalData;
import org.anning.privacy.Sealed;
import org.anning.web.ConflictException;
import org.anning.web.InvalidInputException;
import org.anning.web.InvalidInputException.FieldProblem;
import org.anning.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Residents' requests to correct their name or mobile number, and staff's decisions on them. The values before
 * and after are kept with the request (mobile numbers sealed); every request and decision is audited.
 */
@Service
@Transactional
class Corrections {

	static final int REASON_MAX_LENGTH = 500;

	static final String MOBILE = "resident_correction.mobile";

	/** What a resident may ask to correct; the identity number is corrected at a service hall, with papers. */
	enum Field {

		NAME, MOBILE;

		public String messageKey() {
			return "residents.correction.field." + name();
		}
	}

	enum Status {

		OPEN, APPROVED, REJECTED
	}

	/** A request as staff review it; mobile numbers masked. */
	record Correction(UUID id, ResidentId resident, Field field, String before, String after, String reason,
			Status status, Instant requestedAt) {
	}

	private final JdbcClient jdbc;

	private final ResidentRepository residents;

	private final PersonalData personalData;

	private final AuditTrail audit;

	private final Clock clock;

	Corrections(JdbcClient jdbc, ResidentRepository residents, PersonalData personalData, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.residents = residents;
		this.personalData = personalData;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Asks for a correction of the resident's own data.
	 *
	 * @throws InvalidInputException on {@code field}, {@code value} and {@code reason}
	 */
	UUID request(ResidentId id, String field, String value, String reason) {
		Resident resident = residents.findById(id).orElseThrow(() -> new NotFoundException("resident"));
		List<FieldProblem> problems = new ArrayList<>();
		Field which = null;
		try {
			which = field == null ? null : Field.valueOf(field);
		}
		catch (IllegalArgumentException e) {
			// reported below
		}
		if (which == null) {
			problems.add(new FieldProblem("field", "residents.correction.field.required"));
		}
		String name = null;
		MobileNumber mobile = null;
		String typed = value == null ? "" : value.strip();
		if (typed.isEmpty()) {
			problems.add(new FieldProblem("value", "residents.correction.value.required"));
		}
		else if (which == Field.NAME) {
			if (typed.codePointCount(0, typed.length()) > Residents.NAME_MAX_LENGTH) {
				problems.add(new FieldProblem("value", "residents.name.tooLong", Residents.NAME_MAX_LENGTH));
			}
			name = typed;
		}
		else if (which == Field.MOBILE) {
			mobile = MobileNumber.parse(typed).orElse(null);
			if (mobile == null) {
				problems.add(new FieldProblem("value", "residents.mobile.format"));
			}
		}
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty() || why.length() > REASON_MAX_LENGTH) {
			problems.add(new FieldProblem("reason", "residents.correction.reason.required", REASON_MAX_LENGTH));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		UUID correction = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO resident_correction (id, resident_id, field, before_name, after_name, before_mobile_sealed,
				                                 after_mobile_sealed, reason, status, requested_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)
				""")
			.params(correction, id.value(), which.name(), which == Field.NAME ? resident.name() : null, name,
					which == Field.MOBILE ? seal(resident.mobile().value()) : null,
					mobile == null ? null : seal(mobile.value()), why, Timestamp.from(clock.instant()))
			.update();
		audit.record(AuditEntry.of(AuditAction.CREATE, "resident-correction", correction)
			.about(id.value())
			.detail("field " + which)
			.by(Actor.resident(id.value())));
		return correction;
	}

	/** Open requests, oldest first. */
	@Transactional(readOnly = true)
	List<Correction> open() {
		return jdbc.sql("SELECT * FROM resident_correction WHERE status = 'OPEN' ORDER BY requested_at, id")
			.query(this::correction)
			.list();
	}

	/** Applies the new value and keeps the request with its decision. */
	void approve(UUID id) {
		Correction correction = openRequest(id);
		if (correction.field() == Field.NAME) {
			jdbc.sql("UPDATE resident SET name = ? WHERE id = ?")
				.params(correction.after(), correction.resident().value())
				.update();
		}
		else {
			String after = personalData.open(MOBILE, jdbc.sql("SELECT after_mobile_sealed FROM resident_correction WHERE id = ?")
				.param(id)
				.query(byte[].class)
				.single());
			Sealed sealed = personalData.seal(ResidentRepository.MOBILE, after);
			jdbc.sql("UPDATE resident SET mobile_sealed = ?, mobile_index = ? WHERE id = ?")
				.params(sealed.ciphertext(), sealed.index(), correction.resident().value())
				.update();
		}
		decide(correction, Status.APPROVED);
	}

	void reject(UUID id) {
		decide(openRequest(id), Status.REJECTED);
	}

	private void decide(Correction correction, Status status) {
		jdbc.sql("UPDATE resident_correction SET status = ?, decided_at = ?, decided_by = ? WHERE id = ?")
			.params(status.name(), Timestamp.from(clock.instant()), Actor.current().id(), correction.id())
			.update();
		audit.record(AuditEntry.of(AuditAction.UPDATE, "resident-correction", correction.id())
			.about(correction.resident().value())
			.purpose(Purpose.DATA_RIGHTS, correction.id().toString())
			.detail(status + " field " + correction.field()));
	}

	private Correction openRequest(UUID id) {
		Optional<Correction> found = jdbc.sql("SELECT * FROM resident_correction WHERE id = ? FOR UPDATE")
			.param(id)
			.query(this::correction)
			.optional();
		Correction correction = found.orElseThrow(() -> new NotFoundException("correction"));
		if (correction.status() != Status.OPEN) {
			throw new ConflictException("residents.correction.decided");
		}
		return correction;
	}

	private byte[] seal(String mobile) {
		return personalData.seal(MOBILE, mobile).ciphertext();
	}

	private Correction correction(ResultSet rs, int row) throws SQLException {
		Field field = Field.valueOf(rs.getString("field"));
		String before = field == Field.NAME ? rs.getString("before_name")
				: PersonalData.maskMobile(personalData.open(MOBILE, rs.getBytes("before_mobile_sealed")));
		String after = field == Field.NAME ? rs.getString("after_name")
				: PersonalData.maskMobile(personalData.open(MOBILE, rs.getBytes("after_mobile_sealed")));
		return new Correction(rs.getObject("id", UUID.class), new ResidentId(rs.getObject("resident_id", UUID.class)),
				field, before, after, rs.getString("reason"), Status.valueOf(rs.getString("status")),
				rs.getTimestamp("requested_at").toInstant());
	}
}
