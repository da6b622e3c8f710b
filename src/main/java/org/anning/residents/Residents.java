package org.anning.residents;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
