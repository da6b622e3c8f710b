package org.anning.accounts;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.anning.audit.AuditAction;
import org.anning.audit.AuditEntry;
import org.anning.audit.AuditTrail;
import org.anning.units.Organisation;
import org.anning.units.Unit;
import org.anning.units.UnitId;
import org.anning.units.UnitScope;
import org.anning.web.ConflictException;
import org.anning.web.InvalidInputException;
import org.anning.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff accounts as administrators manage them. Every action takes the acting user and their unit scope: an
 * account of a unit outside the scope is not found, and roles that see every unit can only be granted by an
 * administrator who sees every unit.
 */
@Service
@Transactional
public class StaffAccounts {

	private final StaffAccountRepository accounts;

	private final Organisation organisation;

	private final PasswordEncoder encoder;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final AuditTrail audit;

	StaffAccounts(StaffAccountRepository accounts, Organisation organisation, PasswordEncoder encoder,
			ApplicationEventPublisher events, AuditTrail audit, Clock clock) {
		this.audit = audit;
		this.accounts = accounts;
		this.organisation = organisation;
		this.encoder = encoder;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<StaffAccount> list(UnitScope scope, UnitId unit, Role role, String text) {
		return accounts.findAll(scope, unit, role, text);
	}

	/** An account whose unit the scope covers, or 404. */
	@Transactional(readOnly = true)
	public StaffAccount get(AccountId id, UnitScope scope) {
		return accounts.findById(id).filter(a -> scope.covers(a.unitId())).orElseThrow(() -> new NotFoundException("account"));
	}

	public StaffAccount create(NewStaffAccount draft, StaffPrincipal by, UnitScope scope) {
		Unit unit = unitInScope(draft.unitCode(), scope);
		checkGrantable(draft.roles(), scope);
		checkPassword(draft.password());
		String username = draft.username().strip();
		if (accounts.usernameExists(username)) {
			throw new ConflictException("accounts.username.taken", username);
		}
		AccountId id = new AccountId(UUID.randomUUID());
		accounts.insert(id, username, draft.displayName().strip(), unit.id(), encoder.encode(draft.password()), null,
				EnumSet.copyOf(draft.roles()), clock.instant());
		audit.record(AuditEntry.of(AuditAction.CREATE, "staff-account", id).detail("unit " + unit.code() + ", roles " + draft.roles()));
		events.publishEvent(new AccountEvents.AccountCreated(id, unit.id(), by.accountId()));
		return accounts.findById(id).orElseThrow();
	}

	public StaffAccount changeRoles(AccountId id, Set<Role> roles, StaffPrincipal by, UnitScope scope) {
		StaffAccount account = get(id, scope);
		if (roles == null || roles.isEmpty()) {
			throw new InvalidInputException("roles", "accounts.roles.required");
		}
		checkGrantable(roles, scope);
		if (id.equals(by.accountId()) && !roles.contains(Role.ADMINISTRATOR)) {
			throw new ConflictException("accounts.self.keepAdministrator");
		}
		accounts.setRoles(account.id(), EnumSet.copyOf(roles), clock.instant());
		audit.record(AuditEntry.of(AuditAction.ROLE_CHANGED, "staff-account", account.id()).detail("roles " + roles));
		events.publishEvent(new AccountEvents.RolesChanged(account.id(), Set.copyOf(roles), by.accountId()));
		return accounts.findById(id).orElseThrow();
	}

	public StaffAccount moveToUnit(AccountId id, String unitCode, StaffPrincipal by, UnitScope scope) {
		StaffAccount account = get(id, scope);
		Unit unit = unitInScope(unitCode, scope);
		accounts.setUnit(account.id(), unit.id(), clock.instant());
		audit.record(AuditEntry.of(AuditAction.UPDATE, "staff-account", account.id()).detail("moved to unit " + unit.code()));
		events.publishEvent(new AccountEvents.AccountMoved(account.id(), account.unitId(), unit.id(), by.accountId()));
		return accounts.findById(id).orElseThrow();
	}

	public StaffAccount unlock(AccountId id, StaffPrincipal by, UnitScope scope) {
		StaffAccount account = get(id, scope);
		accounts.unlock(account.id(), clock.instant());
		audit.record(AuditEntry.of(AuditAction.UNLOCKED, "staff-account", account.id()).detail(null));
		events.publishEvent(new AccountEvents.AccountUnlocked(account.id(), by.accountId()));
		return accounts.findById(id).orElseThrow();
	}

	public StaffAccount deactivate(AccountId id, StaffPrincipal by, UnitScope scope) {
		StaffAccount account = get(id, scope);
		if (id.equals(by.accountId())) {
			throw new ConflictException("accounts.self.deactivate");
		}
		accounts.setActive(account.id(), false, clock.instant());
		audit.record(AuditEntry.of(AuditAction.UPDATE, "staff-account", account.id()).detail("deactivated"));
		events.publishEvent(new AccountEvents.AccountDeactivated(account.id(), by.accountId()));
		return accounts.findById(id).orElseThrow();
	}

	public StaffAccount reactivate(AccountId id, StaffPrincipal by, UnitScope scope) {
		StaffAccount account = get(id, scope);
		accounts.setActive(account.id(), true, clock.instant());
		audit.record(AuditEntry.of(AuditAction.UPDATE, "staff-account", account.id()).detail("reactivated"));
		events.publishEvent(new AccountEvents.AccountReactivated(account.id(), by.accountId()));
		return accounts.findById(id).orElseThrow();
	}

	public StaffAccount resetPassword(AccountId id, String password, StaffPrincipal by, UnitScope scope) {
		StaffAccount account = get(id, scope);
		checkPassword(password);
		accounts.setPasswordHash(account.id(), encoder.encode(password), clock.instant());
		audit.record(AuditEntry.of(AuditAction.PASSWORD_CHANGED, "staff-account", account.id()).detail(null));
		events.publishEvent(new AccountEvents.PasswordReset(account.id(), by.accountId()));
		return account;
	}

	/** Clears the second factor so that the user enrols a new one at the next sign-in (a lost phone). */
	public StaffAccount resetSecondFactor(AccountId id, StaffPrincipal by, UnitScope scope) {
		StaffAccount account = get(id, scope);
		accounts.setSecondFactor(account.id(), null, 0, clock.instant());
		audit.record(AuditEntry.of(AuditAction.MFA_RESET, "staff-account", account.id()).detail(null));
		events.publishEvent(new AccountEvents.SecondFactorReset(account.id(), by.accountId()));
		return accounts.findById(id).orElseThrow();
	}

	private Unit unitInScope(String code, UnitScope scope) {
		if (code == null || code.isBlank()) {
			throw new InvalidInputException("unitCode", "accounts.unit.required");
		}
		Unit unit = organisation.findByCode(code.strip())
			.filter(u -> scope.covers(u.id()))
			.orElseThrow(() -> new InvalidInputException("unitCode", "accounts.unit.unknown"));
		if (!unit.active()) {
			throw new InvalidInputException("unitCode", "accounts.unit.inactive");
		}
		return unit;
	}

	private void checkGrantable(Set<Role> roles, UnitScope scope) {
		boolean seesAll = scope.units().size() >= organisation.count();
		if (!seesAll && roles.stream().anyMatch(Role::seesAllUnits)) {
			throw new InvalidInputException("roles", "accounts.roles.beyondScope");
		}
	}

	static void checkPassword(String password) {
		PasswordPolicy.check(password).ifPresent(problem -> {
			throw new InvalidInputException("password", "password." + problem.name(), PasswordPolicy.MIN_LENGTH,
					PasswordPolicy.MAX_LENGTH);
		});
	}
}
