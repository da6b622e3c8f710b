package org.anning.accounts;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.anning.units.Organisation;
import org.anning.units.Unit;
import org.anning.units.UnitScope;
import org.anning.units.UnitScopes;
import org.anning.web.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Staff accounts over the API, with the same rules as the desk pages: callers see the accounts of their unit
 * scope (any other is 404), and only administrators change them. No answer carries a password hash, a TOTP
 * secret or, after it was issued, a token.
 */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize(AccountAccess.VIEW)
@Tag(name = "Accounts", description = "Staff accounts, their roles and units, and their API tokens")
class AccountApi {

	private final StaffAccounts accounts;

	private final ApiTokens tokens;

	private final Organisation organisation;

	private final UnitScopes scopes;

	AccountApi(StaffAccounts accounts, ApiTokens tokens, Organisation organisation, UnitScopes scopes) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.organisation = organisation;
		this.scopes = scopes;
	}

	/** Request bodies, each named for what it gives; a token's name fits its column. */
	record NewRoles(Set<Role> roles) {
	}

	record AccountMove(String unitCode) {
	}

	record NewPassword(String password) {
	}

	record NewToken(@Size(max = 100, message = "{accounts.token.name.tooLong}") String name, Integer days) {
	}

	@GetMapping("/me")
	@PreAuthorize(AccountAccess.STAFF)
	@Operation(summary = "The caller's own account")
	AccountView me(@AuthenticationPrincipal StaffPrincipal me) {
		return view(accounts.get(me.accountId(), scopes.current()));
	}

	@GetMapping("/accounts")
	@Operation(summary = "Accounts in the caller's scope, optionally of one unit (by code), of one role, "
			+ "or whose username or name contains q")
	List<AccountView> list(@RequestParam(required = false) String unit, @RequestParam(required = false) Role role,
			@RequestParam(required = false) String q) {
		UnitScope scope = scopes.current();
		Unit chosen = null;
		if (StringUtils.hasText(unit)) {
			chosen = organisation.findByCode(unit.strip())
				.filter(u -> scope.covers(u.id()))
				.orElseThrow(() -> new InvalidInputException("unit", "accounts.unit.unknown"));
		}
		return AccountView.of(accounts.list(scope, chosen == null ? null : chosen.id(), role, q),
				organisation.visible(scope));
	}

	@GetMapping("/accounts/{id}")
	@Operation(summary = "One account")
	AccountView get(@PathVariable UUID id) {
		return view(accounts.get(new AccountId(id), scopes.current()));
	}

	@PostMapping("/accounts")
	@PreAuthorize(AccountAccess.MANAGE)
	@Operation(summary = "Opens an account; the user sets up the second factor at the first sign-in")
	ResponseEntity<AccountView> create(@Valid @RequestBody NewStaffAccount draft,
			@AuthenticationPrincipal StaffPrincipal me, UriComponentsBuilder uri) {
		StaffAccount created = accounts.create(draft, me, scopes.current());
		return ResponseEntity.created(uri.path("/api/v1/accounts/{id}").build(created.id().value()))
			.body(view(created));
	}

	@PutMapping("/accounts/{id}/roles")
	@PreAuthorize(AccountAccess.MANAGE)
	@Operation(summary = "Replaces the account's roles")
	AccountView changeRoles(@PathVariable UUID id, @RequestBody NewRoles roles,
			@AuthenticationPrincipal StaffPrincipal me) {
		return view(accounts.changeRoles(new AccountId(id), roles.roles(), me, scopes.current()));
	}

	@PutMapping("/accounts/{id}/unit")
	@PreAuthorize(AccountAccess.MANAGE)
	@Operation(summary = "Moves the account to another unit (by code)")
	AccountView moveToUnit(@PathVariable UUID id, @RequestBody AccountMove move,
			@AuthenticationPrincipal StaffPrincipal me) {
		return view(accounts.moveToUnit(new AccountId(id), move.unitCode(), me, scopes.current()));
	}

	@PutMapping("/accounts/{id}/password")
	@PreAuthorize(AccountAccess.MANAGE)
	@Operation(summary = "Sets a new password")
	ResponseEntity<Void> resetPassword(@PathVariable UUID id, @RequestBody NewPassword password,
			@AuthenticationPrincipal StaffPrincipal me) {
		accounts.resetPassword(new AccountId(id), password.password(), me, scopes.current());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/accounts/{id}/unlock")
	@PreAuthorize(AccountAccess.MANAGE)
	@Operation(summary = "Unlocks an account locked by failed sign-ins")
	AccountView unlock(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal me) {
		return view(accounts.unlock(new AccountId(id), me, scopes.current()));
	}

	@PostMapping("/accounts/{id}/deactivate")
	@PreAuthorize(AccountAccess.MANAGE)
	@Operation(summary = "Deactivates an account: it can no longer sign in, and its tokens stop working")
	AccountView deactivate(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal me) {
		return view(accounts.deactivate(new AccountId(id), me, scopes.current()));
	}

	@PostMapping("/accounts/{id}/reactivate")
	@PreAuthorize(AccountAccess.MANAGE)
	@Operation(summary = "Reactivates an account")
	AccountView reactivate(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal me) {
		return view(accounts.reactivate(new AccountId(id), me, scopes.current()));
	}

	@PostMapping("/accounts/{id}/second-factor/reset")
	@PreAuthorize(AccountAccess.MANAGE)
	@Operation(summary = "Clears the second factor; the user sets up a new one at the next sign-in")
	AccountView resetSecondFactor(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal me) {
		return view(accounts.resetSecondFactor(new AccountId(id), me, scopes.current()));
	}

	@GetMapping("/accounts/{id}/tokens")
	@PreAuthorize(AccountAccess.MANAGE)
	@Operation(summary = "The account's API tokens, without their values")
	List<ApiTokens.TokenInfo> tokens(@PathVariable UUID id) {
		return tokens.of(accounts.get(new AccountId(id), scopes.current()).id());
	}

	@PostMapping("/accounts/{id}/tokens")
	@PreAuthorize(AccountAccess.MANAGE)
	@Operation(summary = "Issues a token for 1 to 366 days; the answer is the only time its value is shown")
	ResponseEntity<ApiTokens.IssuedToken> issueToken(@PathVariable UUID id, @Valid @RequestBody NewToken token,
			@AuthenticationPrincipal StaffPrincipal me, UriComponentsBuilder uri) {
		AccountId account = accounts.get(new AccountId(id), scopes.current()).id();
		ApiTokens.IssuedToken issued = tokens.issue(account, token.name(),
				token.days() == null ? 0 : token.days(), me.accountId());
		return ResponseEntity.created(uri.path("/api/v1/accounts/{id}/tokens/{token}").build(id, issued.id()))
			.body(issued);
	}

	@DeleteMapping("/accounts/{id}/tokens/{tokenId}")
	@PreAuthorize(AccountAccess.MANAGE)
	@Operation(summary = "Revokes a token")
	ResponseEntity<Void> revokeToken(@PathVariable UUID id, @PathVariable UUID tokenId,
			@AuthenticationPrincipal StaffPrincipal me) {
		AccountId account = accounts.get(new AccountId(id), scopes.current()).id();
		tokens.revoke(account, tokenId, me.accountId());
		return ResponseEntity.noContent().build();
	}

	private AccountView view(StaffAccount account) {
		return AccountView.of(account, organisation.find(account.unitId()).orElse(null));
	}
}
