package org.anning.residents;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.anning.accounts.Role;
import org.anning.audit.AuditAction;
import org.anning.audit.AuditEntry;
import org.anning.audit.AuditTrail;
import org.anning.audit.Purpose;
import org.anning.web.InvalidInputException;
import org.anning.web.InvalidInputException.FieldProblem;
import org.anning.web.NotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Residents' records as staff see them. Finding residents shows masked numbers and is not a read of anyone's
 * personal data; opening one record needs a stated purpose and the reference of the record in hand, and is
 * audited in the same transaction as the read. Full numbers are shown only where the role and the purpose need
 * them.
 * <p>
 * Residents are people, not records of a unit: any unit may serve any resident, so unit scope does not limit
 * finding or opening them. The purpose, the audit event and the resident's own access log are the check instead.
 */
@Service
@Transactional
class ResidentRecords {

	/** Who may find and open residents' records, as a {@code @PreAuthorize} expression. */
	static final String OPEN = "hasAnyRole('FRONT_DESK','REVIEWER','CASE_OFFICER','MEDIATOR','TRAFFIC_OFFICER',"
			+ "'COMMUNITY_OFFICER','STATION_CHIEF','AUDITOR')";

	/** Longest reference of the record in hand, as the audit trail keeps it. */
	static final int REF_MAX_LENGTH = 100;

	/** The purposes for which a role needs full numbers; station chiefs and auditors need them for any. */
	private static final Map<Role, Set<Purpose>> FULL_VALUES = Map.of(Role.FRONT_DESK, EnumSet.of(Purpose.APPLICATION),
			Role.REVIEWER, EnumSet.of(Purpose.APPLICATION), Role.CASE_OFFICER, EnumSet.of(Purpose.CASE),
			Role.MEDIATOR, EnumSet.of(Purpose.DISPUTE), Role.TRAFFIC_OFFICER, EnumSet.of(Purpose.ACCIDENT),
			Role.COMMUNITY_OFFICER, EnumSet.of(Purpose.VISIT), Role.STATION_CHIEF, EnumSet.allOf(Purpose.class),
			Role.AUDITOR, EnumSet.allOf(Purpose.class));

	private final ResidentRepository residents;

	private final AuditTrail audit;

	private final Clock clock;

	ResidentRecords(ResidentRepository residents, AuditTrail audit, Clock clock) {
		this.residents = residents;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Residents with exactly this identity number or mobile number; the caller shows them masked. Nothing is found
	 * for a value that is not a valid number.
	 */
	@Transactional(readOnly = true)
	public List<Resident> find(String idNumber, String mobile) {
		if (StringUtils.hasText(idNumber)) {
			try {
				return residents.findByIdNumber(IdentityNumber.parse(idNumber, LocalDate.now(clock))).stream().toList();
			}
			catch (IdentityNumber.Invalid e) {
				return List.of();
			}
		}
		if (StringUtils.hasText(mobile)) {
			return MobileNumber.parse(mobile).map(residents::findByMobile).orElse(List.of());
		}
		return List.of();
	}

	/** Whether the resident exists; does not read their personal data. */
	@Transactional(readOnly = true)
	public boolean exists(ResidentId id) {
		return residents.findById(id).isPresent();
	}

	/**
	 * Opens a resident's record for the stated purpose and records the read in the same transaction: if the
	 * audit event cannot be written, nothing is returned.
	 *
	 * @throws InvalidInputException on {@code purpose} and {@code ref} when either is missing or invalid
	 * @throws NotFoundException if there is no such resident
	 */
	public OpenedRecord open(ResidentId id, String purpose, String ref) {
		Purpose why = checkPurpose(purpose, ref);
		Resident resident = residents.findById(id).orElseThrow(() -> new NotFoundException("resident"));
		audit.record(AuditEntry.of(AuditAction.READ, "resident", id.value())
			.about(id.value())
			.purpose(why, ref.strip()));
		return new OpenedRecord(resident, why, ref.strip(), needsFullValues(why),
				LocalDate.ofInstant(resident.registeredAt(), clock.getZone()));
	}

	/** The purpose as stated, or every problem with it and the reference. */
	static Purpose checkPurpose(String purpose, String ref) {
		List<FieldProblem> problems = new ArrayList<>();
		Purpose why = null;
		if (!StringUtils.hasText(purpose)) {
			problems.add(new FieldProblem("purpose", "residents.open.purpose.required"));
		}
		else {
			try {
				why = Purpose.valueOf(purpose.strip());
			}
			catch (IllegalArgumentException e) {
				problems.add(new FieldProblem("purpose", "residents.open.purpose.required"));
			}
		}
		if (!StringUtils.hasText(ref)) {
			problems.add(new FieldProblem("ref", "residents.open.ref.required"));
		}
		else if (ref.strip().length() > REF_MAX_LENGTH) {
			problems.add(new FieldProblem("ref", "residents.open.ref.tooLong", REF_MAX_LENGTH));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return why;
	}

	/** Whether one of the signed-in user's roles needs full numbers for this purpose. */
	static boolean needsFullValues(Purpose purpose) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null) {
			return false;
		}
		return authentication.getAuthorities()
			.stream()
			.map(a -> a.getAuthority())
			.filter(a -> a.startsWith("ROLE_"))
			.map(a -> role(a.substring(5)))
			.flatMap(Optional::stream)
			.anyMatch(role -> FULL_VALUES.getOrDefault(role, Set.of()).contains(purpose));
	}

	private static Optional<Role> role(String name) {
		try {
			return Optional.of(Role.valueOf(name));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}

	/** An opened record, with the numbers as this user may see them. */
	record OpenedRecord(Resident resident, Purpose purpose, String ref, boolean full, LocalDate registeredOn) {

		public String id() {
			return resident.id().toString();
		}

		public String name() {
			return resident.name();
		}

		public String idNumber() {
			return full ? resident.idNumber().value() : resident.idNumber().masked();
		}

		public String mobile() {
			return full ? resident.mobile().value() : resident.mobile().masked();
		}
	}
}
