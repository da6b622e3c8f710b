package org.anning.accounts;

import java.util.Set;

import org.anning.units.UnitId;

/** What happens to staff accounts and sign-ins, as events that carry identifiers. */
public final class AccountEvents {

	private AccountEvents() {
	}

	public record AccountCreated(AccountId account, UnitId unit, AccountId by) {
	}

	public record RolesChanged(AccountId account, Set<Role> roles, AccountId by) {
	}

	public record AccountMoved(AccountId account, UnitId from, UnitId to, AccountId by) {
	}

	public record AccountDeactivated(AccountId account, AccountId by) {
	}

	public record AccountReactivated(AccountId account, AccountId by) {
	}

	public record PasswordReset(AccountId account, AccountId by) {
	}

	public record SecondFactorReset(AccountId account, AccountId by) {
	}

	public record SecondFactorEnrolled(AccountId account) {
	}

	public record SignedIn(AccountId account) {
	}

	public record SignInFailed(AccountId account) {
	}

	public record AccountLocked(AccountId account) {
	}

	public record AccountUnlocked(AccountId account, AccountId by) {
	}

	public record TokenIssued(AccountId account, java.util.UUID token, AccountId by) {
	}

	public record TokenRevoked(AccountId account, java.util.UUID token, AccountId by) {
	}
}
