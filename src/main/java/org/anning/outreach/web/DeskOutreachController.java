package org.anning.outreach.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.anning.outreach.Campaign;
import org.anning.outreach.Campaigns;
import org.anning.outreach.OutreachStatistics;
import org.anning.outreach.Publicity;
import org.anning.outreach.ServiceVisits;
import org.anning.outreach.VisitPlan;
import org.anning.units.Organisation;
import org.anning.units.Unit;
import org.anning.units.UnitScope;
import org.anning.units.UnitScopes;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The community-policing desk: this month's figures for the scope, planned visits that are due, campaigns
 * running, issues not yet resolved, recent visits and events; and the service worker that keeps the field forms
 * working offline (served here so that its scope is {@code /desk/outreach/}).
 */
@Controller
@RequestMapping("/desk/outreach")
class DeskOutreachController {

	static final int LIMIT = 50;

	private final ServiceVisits visits;

	private final Publicity publicity;

	private final Campaigns campaigns;

	private final OutreachStatistics statistics;

	private final UnitScopes scopes;

	private final Organisation organisation;

	private final OutreachViews views;

	private final Clock clock;

	DeskOutreachController(ServiceVisits visits, Publicity publicity, Campaigns campaigns,
			OutreachStatistics statistics, UnitScopes scopes, Organisation organisation, OutreachViews views,
			Clock clock) {
		this.visits = visits;
		this.publicity = publicity;
		this.campaigns = campaigns;
		this.statistics = statistics;
		this.scopes = scopes;
		this.organisation = organisation;
		this.views = views;
		this.clock = clock;
	}

	@GetMapping
	@PreAuthorize(OutreachRoles.READ)
	String showHome(@RequestParam(required = false) String unit, Model model, java.util.Locale locale) {
		UnitScope full = scopes.current();
		Unit chosen = unit == null || unit.isBlank() ? null
				: organisation.findByCode(unit.strip()).filter(u -> full.covers(u.id())).orElse(null);
		// One unit and the units under it, within the user's scope: the due list (and everything else) per unit.
		UnitScope scope = chosen == null ? full
				: new UnitScope(organisation.subtree(chosen.id()).stream().filter(full::covers).collect(Collectors.toSet()));
		model.addAttribute("unitChoices", organisation.visible(full).stream().filter(Unit::active).toList());
		model.addAttribute("unit", chosen == null ? null : chosen.code());
		LocalDate today = LocalDate.now(clock);
		LocalDate monthStart = today.withDayOfMonth(1);
		List<VisitPlan> due = visits.due(scope, LIMIT);
		Map<UUID, String> lastVisits = new HashMap<>();
		due.forEach(p -> visits.lastVisit(p).ifPresent(v -> lastVisits.put(p.id(), v.reference())));
		List<Campaign> running = campaigns.running(scope);
		Map<UUID, Long> visited = new HashMap<>();
		running.forEach(c -> visited.put(c.id(), campaigns.visited(c)));
		Map<UUID, String> unitNames = new HashMap<>();
		model.addAttribute("figures", statistics.figures(scope.units().stream().map(u -> u.value()).toList(), monthStart,
				today));
		model.addAttribute("monthStart", monthStart);
		model.addAttribute("today", today);
		model.addAttribute("due", due);
		model.addAttribute("lastVisits", lastVisits);
		model.addAttribute("running", running);
		model.addAttribute("visited", visited);
		model.addAttribute("issues", campaigns.unresolved(scope, LIMIT));
		var recentVisits = visits.list(scope, today.minusDays(30), today, LIMIT);
		var recentEvents = publicity.list(scope, today.minusDays(90), today, LIMIT);
		var recentCampaigns = campaigns.list(scope, today.minusDays(365), today.plusDays(365), LIMIT);
		recentVisits.forEach(v -> unitNames.computeIfAbsent(v.unit(), u -> views.unitName(u, locale)));
		recentEvents.forEach(e -> unitNames.computeIfAbsent(e.unit(), u -> views.unitName(u, locale)));
		recentCampaigns.forEach(c -> unitNames.computeIfAbsent(c.unit(), u -> views.unitName(u, locale)));
		due.forEach(p -> unitNames.computeIfAbsent(p.unit(), u -> views.unitName(u, locale)));
		model.addAttribute("visits", recentVisits);
		model.addAttribute("events", recentEvents);
		model.addAttribute("campaigns", recentCampaigns);
		model.addAttribute("unitNames", unitNames);
		return "outreach/home";
	}

	@PostMapping("/plans/{id}/stop")
	@PreAuthorize(OutreachRoles.RECORD)
	String stopPlan(@PathVariable UUID id, RedirectAttributes redirect) {
		visits.stopPlan(id, scopes.current());
		redirect.addFlashAttribute("notice", "outreach.desk.done.planStopped");
		return "redirect:/desk/outreach";
	}

	/** The service worker script, from the static files, at a path whose scope covers the outreach desk. */
	@GetMapping(path = "/sw.js", produces = "text/javascript")
	@PreAuthorize(OutreachRoles.READ)
	ResponseEntity<String> serviceWorker() throws IOException {
		String script = new ClassPathResource("static/outreach/sw.js").getContentAsString(StandardCharsets.UTF_8);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("text/javascript;charset=UTF-8"))
			.cacheControl(CacheControl.noCache())
			.body(script);
	}
}
