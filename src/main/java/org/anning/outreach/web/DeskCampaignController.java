package org.anning.outreach.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;
import org.anning.accounts.StaffPrincipal;
import org.anning.mediation.Category;
import org.anning.mediation.NewParty;
import org.anning.mediation.PartyRole;
import org.anning.mediation.Risk;
import org.anning.outreach.Campaign;
import org.anning.outreach.Campaigns;
import org.anning.outreach.Issue;
import org.anning.outreach.IssueKind;
import org.anning.outreach.NewCampaign;
import org.anning.outreach.NewHouseholdVisit;
import org.anning.services.Catalogue;
import org.anning.services.ServiceItem;
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
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Household-visit campaigns on the desk: opening a campaign, its page with the households visited, the household
 * form (which also works offline), and an issue's page with its actions: resolve, hand to mediation, or open a
 * service-hall application.
 */
@Controller
@RequestMapping("/desk/outreach")
class DeskCampaignController {

	static final int HOUSEHOLDS_LIMIT = 200;

	private final Campaigns campaigns;

	private final Catalogue catalogue;

	private final Organisation organisation;

	private final UnitScopes scopes;

	private final OutreachViews views;

	private final Clock clock;

	DeskCampaignController(Campaigns campaigns, Catalogue catalogue, Organisation organisation, UnitScopes scopes,
			OutreachViews views, Clock clock) {
		this.campaigns = campaigns;
		this.catalogue = catalogue;
		this.organisation = organisation;
		this.scopes = scopes;
		this.views = views;
		this.clock = clock;
	}

	@InitBinder("campaign")
	void allowCampaignFields(WebDataBinder binder) {
		binder.setAllowedFields("unit", "name", "startsOn", "endsOn", "target");
	}

	@InitBinder("household")
	void allowHouseholdFields(WebDataBinder binder) {
		binder.setAllowedFields("campaign", "address", "visitedOn", "issues[*].kind", "issues[*].description");
	}

	@InitBinder("resolution")
	void allowResolutionFields(WebDataBinder binder) {
		binder.setAllowedFields("resolution");
	}

	@InitBinder("application")
	void allowApplicationFields(WebDataBinder binder) {
		binder.setAllowedFields("resident", "item", "unit", "note");
	}

	@InitBinder("mediation")
	void allowMediationFields(WebDataBinder binder) {
		binder.setAllowedFields("category", "risk", "riskReason", "parties[*].role", "parties[*].name",
				"parties[*].contact");
	}

	// ---- Campaigns

	@GetMapping("/campaigns/new")
	@PreAuthorize(OutreachRoles.RECORD)
	String initCampaignForm(Model model) {
		CampaignForm form = new CampaignForm();
		LocalDate today = LocalDate.now(clock);
		form.setStartsOn(today.withDayOfMonth(1).toString());
		form.setEndsOn(today.withDayOfMonth(today.lengthOfMonth()).toString());
		model.addAttribute("campaign", form);
		return campaignForm(model);
	}

	@PostMapping("/campaigns/new")
	@PreAuthorize(OutreachRoles.RECORD)
	String processCampaignForm(@ModelAttribute("campaign") CampaignForm form, BindingResult result,
			@AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect, Model model) {
		try {
			Campaign c = campaigns.open(new NewCampaign(form.getUnit(), form.getName(), form.getStartsOn(),
					form.getEndsOn(), form.getTarget()), me.unitId().value(), scopes.current());
			redirect.addFlashAttribute("notice", "outreach.desk.done.campaign");
			redirect.addAttribute("reference", c.reference());
			return "redirect:/desk/outreach/campaigns/{reference}";
		}
		catch (InvalidInputException e) {
			e.applyTo(result);
		}
		return campaignForm(model);
	}

	private String campaignForm(Model model) {
		model.addAttribute("unitChoices", organisation.visible(scopes.current()).stream().filter(Unit::active).toList());
		return "outreach/campaign-form";
	}

	@GetMapping("/campaigns/{reference}")
	@PreAuthorize(OutreachRoles.READ)
	String showCampaign(@PathVariable String reference, Model model, Locale locale) {
		Campaign c = campaigns.get(reference, scopes.current());
		model.addAttribute("c", c);
		model.addAttribute("unitName", views.unitName(c.unit(), locale));
		model.addAttribute("visited", campaigns.visited(c));
		model.addAttribute("households", campaigns.households(c, HOUSEHOLDS_LIMIT));
		model.addAttribute("runsToday", c.runsOn(LocalDate.now(clock)));
		return "outreach/campaign";
	}

	// ---- Households

	@GetMapping("/households/new")
	@PreAuthorize(OutreachRoles.RECORD)
	String initHouseholdForm(@RequestParam(required = false) String campaign, Model model) {
		HouseholdForm form = new HouseholdForm();
		form.setCampaign(campaign);
		form.setVisitedOn(LocalDate.now(clock).toString());
		model.addAttribute("household", form);
		return householdForm(model);
	}

	@PostMapping("/households/new")
	@PreAuthorize(OutreachRoles.RECORD)
	String processHouseholdForm(@ModelAttribute("household") HouseholdForm form, BindingResult result,
			@AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect, Model model) {
		try {
			List<NewHouseholdVisit.NewIssue> issues = form.getIssues()
				.stream()
				.map(i -> new NewHouseholdVisit.NewIssue(i.getKind(), i.getDescription()))
				.toList();
			var h = campaigns.visit(new NewHouseholdVisit(form.getCampaign(), form.getAddress(), form.getVisitedOn(),
					issues), me.accountId().value(), scopes.current(), null);
			redirect.addFlashAttribute("notice", "outreach.desk.done.household");
			redirect.addAttribute("campaign", campaigns.campaignOf(h).reference());
			return "redirect:/desk/outreach/households/new?campaign={campaign}";
		}
		catch (InvalidInputException e) {
			e.applyTo(result);
		}
		return householdForm(model);
	}

	private String householdForm(Model model) {
		model.addAttribute("campaignChoices", campaigns.running(scopes.current()));
		model.addAttribute("kinds", IssueKind.values());
		return "outreach/household-form";
	}

	// ---- Issues

	@GetMapping("/issues/{id}")
	@PreAuthorize(OutreachRoles.READ)
	String showIssue(@PathVariable UUID id, Model model, Locale locale) {
		return issuePage(id, model, locale);
	}

	@PostMapping("/issues/{id}/resolve")
	@PreAuthorize(OutreachRoles.RECORD)
	String resolve(@PathVariable UUID id, @ModelAttribute("resolution") ResolutionForm form, BindingResult result,
			RedirectAttributes redirect, Model model, Locale locale, HttpServletResponse response) {
		return act(id, "outreach.desk.done.resolved", s -> campaigns.resolve(id, form.getResolution(), s), result,
				redirect, model, locale, response);
	}

	@PostMapping("/issues/{id}/mediation")
	@PreAuthorize(OutreachRoles.RECORD)
	String mediation(@PathVariable UUID id, @ModelAttribute("mediation") MediationForm form, BindingResult result,
			RedirectAttributes redirect, Model model, Locale locale, HttpServletResponse response) {
		List<NewParty> parties = form.getParties()
			.stream()
			.map(p -> new NewParty(p.getRole(), p.getName(), p.getContact()))
			.toList();
		return act(id, "outreach.desk.done.mediation", s -> campaigns.referToMediation(id,
				new Campaigns.MediationReferral(form.getCategory(), form.getRisk(), form.getRiskReason(), parties), s),
				result, redirect, model, locale, response);
	}

	@PostMapping("/issues/{id}/application")
	@PreAuthorize(OutreachRoles.RECORD)
	String application(@PathVariable UUID id, @ModelAttribute("application") ApplicationForm form,
			BindingResult result, RedirectAttributes redirect, Model model, Locale locale,
			HttpServletResponse response) {
		return act(id, "outreach.desk.done.application", s -> campaigns.referToServiceHall(id, form.getResident(),
				form.getItem(), form.getUnit(), form.getNote(), s), result, redirect, model, locale, response);
	}

	private String act(UUID id, String notice, Function<UnitScope, Issue> action, BindingResult result,
			RedirectAttributes redirect, Model model, Locale locale, HttpServletResponse response) {
		try {
			action.apply(scopes.current());
			redirect.addFlashAttribute("notice", notice);
			redirect.addAttribute("id", id);
			return "redirect:/desk/outreach/issues/{id}";
		}
		catch (InvalidInputException e) {
			if (result == null) {
				throw e;
			}
			e.problems().forEach(p -> result.rejectValue(field(result.getTarget(), p.field()), p.code(), p.args(),
					p.code()));
		}
		catch (ConflictException e) {
			model.addAttribute("conflict", e);
			response.setStatus(HttpServletResponse.SC_CONFLICT);
		}
		return issuePage(id, model, locale);
	}

	/** The form field a problem belongs on; a problem of a field the form does not have goes on its first field. */
	private static String field(Object form, String field) {
		if (form instanceof ApplicationForm) {
			return List.of("resident", "item", "unit", "note").contains(field) ? field : "item";
		}
		if (form instanceof MediationForm) {
			boolean known = List.of("category", "risk", "riskReason").contains(field)
					|| field.matches("parties\\[[0-2]\\]\\.(role|name|contact)");
			return known ? field : "category";
		}
		return "resolution";
	}

	private String issuePage(UUID id, Model model, Locale locale) {
		Issue issue = campaigns.issue(id, scopes.current());
		var household = campaigns.household(issue.householdVisit(), scopes.current());
		model.addAttribute("issue", issue);
		model.addAttribute("household", household);
		model.addAttribute("campaign", campaigns.campaignOf(household));
		model.addAttribute("unitName", views.unitName(issue.unit(), locale));
		model.addAttribute("items", catalogue.items(true).stream().filter(ServiceItem::online).toList());
		if (!model.containsAttribute("resolution")) {
			model.addAttribute("resolution", new ResolutionForm());
		}
		if (!model.containsAttribute("application")) {
			model.addAttribute("application", new ApplicationForm());
		}
		if (!model.containsAttribute("mediation")) {
			model.addAttribute("mediation", new MediationForm());
		}
		model.addAttribute("categories", Category.values());
		model.addAttribute("risks", Risk.values());
		model.addAttribute("roles", PartyRole.values());
		return "outreach/issue";
	}
}
