package org.anning.accounts;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.validation.Validator;

import org.anning.units.Organisation;
import org.anning.units.Unit;
import org.anning.units.UnitScope;
import org.anning.units.UnitScopes;
import org.anning.web.ConflictException;
import org.anning.web.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.validation.BindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The desk's pages for staff accounts: a filtered list, opening an account, and one page per account with its
 * changes and API tokens. Everyone who may see accounts sees only those of their unit scope (others are not
 * found); only administrators change them. Every change is a POST to the account's resource URL that redirects
 * back, or shows the page again with the error.
 */
@Controller
@RequestMapping("/desk/accounts")
@PreAuthorize(AccountAccess.VIEW)
class AccountController {

	private static final String LIST = "desk/accounts/list";

	private static final String FORM = "desk/accounts/form";

	private static final String DETAILS = "desk/accounts/details";

	private final StaffAccounts accounts;

	private final ApiTokens tokens;

	private final Organisation organisation;

	private final UnitScopes scopes;

	private final SpringValidatorAdapter validator;

	private final Clock clock;

	AccountController(StaffAccounts accounts, ApiTokens tokens, Organisation organisation, UnitScopes scopes,
			Validator validator, Clock clock) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.organisation = organisation;
		this.scopes = scopes;
		this.validator = new SpringValidatorAdapter(validator);
		this.clock = clock;
	}

	@GetMapping
	String list(@RequestParam(required = false) String unit, @RequestParam(required = false) Role role,
			@RequestParam(required = false) String q, HtmxRequest htmx, Model model) {
		UnitScope scope = scopes.current();
		List<Unit> units = organisation.visible(scope);
		Optional<Unit> chosen = units.stream().filter(u -> u.code().equals(unit)).findFirst();
		// A unit the select does not offer (typed into the URL) matches nothing rather than widening the list.
		boolean unknownUnit = StringUtils.hasText(unit) && chosen.isEmpty();
		model.addAttribute("found", unknownUnit ? List.of()
				: AccountView.of(accounts.list(scope, chosen.map(Unit::id).orElse(null), role, q), units));
		model.addAttribute("unknownUnit", unknownUnit);
		model.addAttribute("units", units);
		model.addAttribute("roles", Role.values());
		model.addAttribute("unit", unit);
		model.addAttribute("role", role);
		model.addAttribute("q", q);
		// A history restore asks for the whole page even though htmx sends it.
		return htmx.isHtmxRequest() && !htmx.isHistoryRestoreRequest() ? LIST + " :: results" : LIST;
	}

	@GetMapping("/new")
	@PreAuthorize(AccountAccess.MANAGE)
	String initCreationForm(Model model) {
		model.addAttribute("account", new AccountForm());
		return creationForm(model);
	}

	@PostMapping("/new")
	@PreAuthorize(AccountAccess.MANAGE)
	String processCreationForm(@ModelAttribute("account") AccountForm form, BindingResult result,
			@AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect) {
		NewStaffAccount draft = form.draft();
		validator.validate(draft, result);
		if (!result.hasErrors()) {
			try {
				StaffAccount created = accounts.create(draft, me, scopes.current());
				redirect.addFlashAttribute("notice", "accounts.notice.created");
				return "redirect:/desk/accounts/" + created.id();
			}
			catch (InvalidInputException e) {
				e.applyTo(result);
			}
			catch (ConflictException e) {
				result.rejectValue("username", e.code(), e.args(), e.code());
			}
		}
		form.setPassword(null);
		return creationForm(model);
	}

	@GetMapping("/{id}")
	String show(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal me, Model model) {
		return details(new AccountId(id), me, model);
	}

	@PostMapping("/{id}/roles")
	@PreAuthorize(AccountAccess.MANAGE)
	String changeRoles(@PathVariable UUID id, @ModelAttribute("change") AccountChange change, BindingResult result,
			@AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect) {
		return change(id, result, me, model, redirect, "accounts.notice.rolesChanged",
				account -> accounts.changeRoles(account, change.getRoles(), me, scopes.current()));
	}

	@PostMapping("/{id}/unit")
	@PreAuthorize(AccountAccess.MANAGE)
	String moveToUnit(@PathVariable UUID id, @ModelAttribute("change") AccountChange change, BindingResult result,
			@AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect) {
		return change(id, result, me, model, redirect, "accounts.notice.moved",
				account -> accounts.moveToUnit(account, change.getUnitCode(), me, scopes.current()));
	}

	@PostMapping("/{id}/unlock")
	@PreAuthorize(AccountAccess.MANAGE)
	String unlock(@PathVariable UUID id, @ModelAttribute("change") AccountChange change, BindingResult result,
			@AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect) {
		return change(id, result, me, model, redirect, "accounts.notice.unlocked",
				account -> accounts.unlock(account, me, scopes.current()));
	}

	@PostMapping("/{id}/deactivate")
	@PreAuthorize(AccountAccess.MANAGE)
	String deactivate(@PathVariable UUID id, @ModelAttribute("change") AccountChange change, BindingResult result,
			@AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect) {
		return change(id, result, me, model, redirect, "accounts.notice.deactivated",
				account -> accounts.deactivate(account, me, scopes.current()));
	}

	@PostMapping("/{id}/reactivate")
	@PreAuthorize(AccountAccess.MANAGE)
	String reactivate(@PathVariable UUID id, @ModelAttribute("change") AccountChange change, BindingResult result,
			@AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect) {
		return change(id, result, me, model, redirect, "accounts.notice.reactivated",
				account -> accounts.reactivate(account, me, scopes.current()));
	}

	@PostMapping("/{id}/password")
	@PreAuthorize(AccountAccess.MANAGE)
	String resetPassword(@PathVariable UUID id, @ModelAttribute("change") AccountChange change, BindingResult result,
			@AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect) {
		return change(id, result, me, model, redirect, "accounts.notice.passwordReset",
				account -> accounts.resetPassword(account, change.getPassword(), me, scopes.current()));
	}

	@PostMapping("/{id}/second-factor/reset")
	@PreAuthorize(AccountAccess.MANAGE)
	String resetSecondFactor(@PathVariable UUID id, @ModelAttribute("change") AccountChange change,
			BindingResult result, @AuthenticationPrincipal StaffPrincipal me, Model model,
			RedirectAttributes redirect) {
		return change(id, result, me, model, redirect, "accounts.notice.secondFactorReset",
				account -> accounts.resetSecondFactor(account, me, scopes.current()));
	}

	@PostMapping("/{id}/tokens")
	@PreAuthorize(AccountAccess.MANAGE)
	String issueToken(@PathVariable UUID id, @ModelAttribute("change") AccountChange change, BindingResult result,
			@AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect) {
		return change(id, result, me, model, redirect, "accounts.notice.tokenIssued", account -> {
			accounts.get(account, scopes.current());
			// As the API's NewToken checks: a name that fits its column, instead of one cut short.
			if (change.getName() != null && change.getName().strip().length() > 100) {
				throw new InvalidInputException("name", "accounts.token.name.tooLong");
			}
			// The value is known only now: the database keeps its hash, and the session holds it for the next page only.
			redirect.addFlashAttribute("issued",
					tokens.issue(account, change.getName(), change.getDays() == null ? 0 : change.getDays(),
							me.accountId()));
		});
	}

	@PostMapping("/{id}/tokens/{tokenId}/revoke")
	@PreAuthorize(AccountAccess.MANAGE)
	String revokeToken(@PathVariable UUID id, @PathVariable UUID tokenId, @ModelAttribute("change") AccountChange change,
			BindingResult result, @AuthenticationPrincipal StaffPrincipal me, Model model,
			RedirectAttributes redirect) {
		return change(id, result, me, model, redirect, "accounts.notice.tokenRevoked", account -> {
			accounts.get(account, scopes.current());
			tokens.revoke(account, tokenId, me.accountId());
		});
	}

	/**
	 * Applies a change to an account and redirects to its page; a rule it breaks shows on the page again, beside
	 * the field or in the summary. An account outside the scope stays not found.
	 */
	private String change(UUID id, BindingResult result, StaffPrincipal me, Model model, RedirectAttributes redirect,
			String notice, Consumer<AccountId> change) {
		AccountId account = new AccountId(id);
		if (!result.hasErrors()) {
			try {
				change.accept(account);
				redirect.addFlashAttribute("notice", notice);
				return "redirect:/desk/accounts/" + id;
			}
			catch (InvalidInputException e) {
				e.applyTo(result);
			}
			catch (ConflictException e) {
				result.reject(e.code(), e.args(), e.code());
			}
		}
		return details(account, me, model);
	}

	private String details(AccountId id, StaffPrincipal me, Model model) {
		UnitScope scope = scopes.current();
		StaffAccount found = accounts.get(id, scope);
		AccountView account = AccountView.of(found, organisation.find(found.unitId()).orElse(null));
		model.addAttribute("account", account);
		if (me.has(Role.ADMINISTRATOR)) {
			AccountChange change = model.containsAttribute("change") ? (AccountChange) model.getAttribute("change")
					: new AccountChange();
			model.addAttribute("change", change.showing(account));
			model.addAttribute("units", activeUnits(scope));
			model.addAttribute("roles", Role.values());
			model.addAttribute("tokens", tokens.of(id));
			model.addAttribute("zone", clock.getZone());
		}
		return DETAILS;
	}

	private String creationForm(Model model) {
		model.addAttribute("units", activeUnits(scopes.current()));
		model.addAttribute("roles", Role.values());
		return FORM;
	}

	/** The units an account may be opened in or moved to. */
	private List<Unit> activeUnits(UnitScope scope) {
		return organisation.visible(scope).stream().filter(Unit::active).toList();
	}
}
