package org.anning.residents;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.anning.accounts.PasswordPolicy;
import org.anning.audit.Actor;
import org.anning.audit.AuditAction;
import org.anning.audit.AuditEntry;
import org.anning.audit.AuditTrail;
import org.anning.audit.DataAccess;
import org.anning.audit.DataAccessLog;
import org.anning.web.ConflictException;
import org.anning.web.InvalidInputException;
import org.anning.web.InvalidInputException.FieldProblem;
import org.anning.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Residents' accounts: one per identity number. Registration checks every field at once, so that a resident
 * fixes all mistakes in one go, and keeps no more than the portal needs: name, identity number, mobile.
 */
@Service
@Transactional
public class Residents {

	/** Longest name, in characters as a person counts them (rare characters outside the BMP count once). */
	public static final int NAME_MAX_LENGTH = 50;

	private final ResidentRepository residents;

	private final ResidentPasswords passwords;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	private final DataAccessLog accessLog;

	private final Clock clock;

	Residents(ResidentRepository residents, ResidentPasswords passwords, ApplicationEventPublisher events,
			AuditTrail audit, DataAccessLog accessLog, Clock clock) {
		this.residents = residents;
		this.passwords = passwords;
		this.events = events;
		this.audit = audit;
		this.accessLog = accessLog;
		this.clock = clock;
	}

	/**
	 * Registers a resident.
	 *
	 * @throws InvalidInputException with a problem for every invalid field
	 * @throws ConflictException {@code residents.idNumber.taken} if the identity number is registered already
	 */
	public Resident register(NewResident draft) {
		Checked checked = check(draft);
		ResidentId id = new ResidentId(UUID.randomUUID());
		// ON CONFLICT rather than a look-up first: two registrations of one number at once cannot both succeed.
		if (!residents.insert(id, checked.name(), checked.idNumber(), checked.mobile(), passwords.hash(draft.password()),
				clock.instant())) {
			throw new ConflictException("residents.idNumber.taken");
		}
		// The new resident is the actor: nobody is signed in while registering.
		audit.record(AuditEntry.of(AuditAction.CREATE, "resident", id).about(id.value()).by(Actor.resident(id.value())));
		events.publishEvent(new ResidentRegistered(id));
		return residents.findById(id).orElseThrow();
	}

	@Transactional(readOnly = true)
	public Optional<Resident> find(ResidentId id) {
		return residents.findById(id);
	}

	/** How many characters of the identity number confirm a resident's identity (the last six). */
	public static final int ID_NUMBER_SUFFIX_LENGTH = 6;

	/**
	 * Whether the resident exists and the last six characters of their identity number are {@code suffix}, with
	 * x and X alike; compared in constant time. Not audited: it reveals no more than what was typed.
	 */
	@Transactional(readOnly = true)
	public boolean idNumberEndsWith(ResidentId id, String suffix) {
		if (id == null || suffix == null || suffix.strip().length() != ID_NUMBER_SUFFIX_LENGTH) {
			return false;
		}
		byte[] typed = suffix.strip().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
		return residents.findById(id)
			.map(r -> MessageDigest.isEqual(r.idNumber().lastSix().getBytes(StandardCharsets.UTF_8), typed))
			.orElse(false);
	}

	/** The residents who registered first, oldest first: for demo data that needs some residents to act. */
	@Transactional(readOnly = true)
	public List<ResidentId> registeredFirst(int limit) {
		return residents.firstRegistered(limit);
	}

	/** The resident's name, for their own pages and for staff who have audited their read. */
	@Transactional(readOnly = true)
	public Optional<String> name(ResidentId id) {
		return residents.findById(id).map(Resident::name);
	}

	/** The resident's identity number masked (first four and last four characters). */
	@Transactional(readOnly = true)
	public Optional<String> maskedIdNumber(ResidentId id) {
		return residents.findById(id).map(r -> r.idNumber().masked());
	}

	/**
	 * An applicant as another module's staff pages show them, with full and masked numbers. <strong>Not
	 * audited:</strong> the caller must record the read in the audit trail, with its purpose and the reference of
	 * the record in hand, in the same transaction as this call, and show full numbers only where role and purpose
	 * need them (as the service hall does for an application).
	 *
	 * @throws NotFoundException if there is no such resident
	 */
	@Transactional(readOnly = true)
	public ApplicantView applicant(ResidentId id) {
		Resident resident = residents.findById(id).orElseThrow(() -> new NotFoundException("resident"));
		return new ApplicantView(resident.name(), resident.idNumber().masked(), resident.mobile().masked(),
				resident.idNumber().value(), resident.mobile().value());
	}

	/**
	 * Everything kept about a resident, for themselves: their record and the accesses to it they may see. The
	 * export is audited in the same transaction.
	 */
	public Export export(ResidentId id) {
		Resident resident = residents.findById(id).orElseThrow(() -> new NotFoundException("resident"));
		List<DataAccess> accesses = accessLog.of(id.value());
		audit.record(AuditEntry.of(AuditAction.EXPORT, "resident", id).about(id.value()));
		return new Export(resident, accesses);
	}

	/** A resident's record and the accesses to it that they may see. */
	public record Export(Resident resident, List<DataAccess> accesses) {
	}

	private record Checked(String name, IdentityNumber idNumber, MobileNumber mobile) {
	}

	private Checked check(NewResident draft) {
		List<FieldProblem> problems = new ArrayList<>();
		String name = draft.name() == null ? "" : draft.name().strip();
		if (name.isEmpty()) {
			problems.add(new FieldProblem("name", "residents.name.required"));
		}
		else if (name.codePointCount(0, name.length()) > NAME_MAX_LENGTH) {
			problems.add(new FieldProblem("name", "residents.name.tooLong", NAME_MAX_LENGTH));
		}
		IdentityNumber idNumber = null;
		try {
			idNumber = IdentityNumber.parse(draft.idNumber(), LocalDate.now(clock));
		}
		catch (IdentityNumber.Invalid e) {
			problems.add(new FieldProblem("idNumber", "residents.idNumber." + e.reason().name()));
		}
		Optional<MobileNumber> mobile = MobileNumber.parse(draft.mobile());
		if (draft.mobile() == null || draft.mobile().isBlank()) {
			problems.add(new FieldProblem("mobile", "residents.mobile.required"));
		}
		else if (mobile.isEmpty()) {
			problems.add(new FieldProblem("mobile", "residents.mobile.format"));
		}
		// The password is checked exactly as typed: no stripping, no truncation.
		PasswordPolicy.check(draft.password())
			.ifPresent(problem -> problems.add(new FieldProblem("password", "password." + problem.name(),
					PasswordPolicy.MIN_LENGTH, PasswordPolicy.MAX_LENGTH)));
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new Checked(name, idNumber, mobile.orElseThrow());
	}
}
