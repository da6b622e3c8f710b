package org.anning.outreach.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Hidden;

import org.anning.accounts.StaffPrincipal;
import org.anning.outreach.Campaigns;
import org.anning.outreach.HouseholdVisit;
import org.anning.outreach.NewHouseholdVisit;
import org.anning.outreach.ServiceVisit;
import org.anning.outreach.ServiceVisits;
import org.anning.outreach.web.OutreachViews.HouseholdView;
import org.anning.outreach.web.OutreachViews.VisitView;
import org.anning.units.UnitScopes;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the desk's offline forms send what was captured without a network: JSON with the signed-in session
 * cookie and the CSRF token the page carried, and the {@code Idempotency-Key} the browser generated when the form
 * was saved, so a form sent twice (an answer lost on a poor line) makes one record. The same checks and answers as
 * the API: 201 with the record, 422 with the fields.
 */
@Hidden
@RestController
@RequestMapping("/desk/outreach/sync")
@PreAuthorize(OutreachRoles.RECORD)
class OfflineSyncController {

	private final ServiceVisits visits;

	private final Campaigns campaigns;

	private final UnitScopes scopes;

	private final OutreachViews views;

	OfflineSyncController(ServiceVisits visits, Campaigns campaigns, UnitScopes scopes, OutreachViews views) {
		this.visits = visits;
		this.campaigns = campaigns;
		this.scopes = scopes;
		this.views = views;
	}

	record HouseholdBody(String campaign, String address, String visitedOn, List<NewHouseholdVisit.NewIssue> issues) {
	}

	@PostMapping("/household-visits")
	ResponseEntity<HouseholdView> household(@AuthenticationPrincipal StaffPrincipal me, @RequestBody HouseholdBody body,
			@RequestHeader(name = OutreachRoles.IDEMPOTENCY_KEY, required = false) String key) {
		HouseholdVisit h = campaigns.visit(new NewHouseholdVisit(body.campaign(), body.address(), body.visitedOn(),
				body.issues()), me.accountId().value(), scopes.current(), key);
		return ResponseEntity.created(URI.create("/desk/outreach/campaigns/" + campaigns.campaignOf(h).reference()))
			.body(views.household(h, campaigns.campaignOf(h).reference()));
	}

	@PostMapping("/service-visits")
	ResponseEntity<VisitView> visit(@AuthenticationPrincipal StaffPrincipal me, @RequestBody OutreachApi.VisitBody body,
			@RequestHeader(name = OutreachRoles.IDEMPOTENCY_KEY, required = false) String key) {
		ServiceVisit v = visits.record(body.draft(), me.accountId().value(), me.unitId().value(), scopes.current(), key);
		return ResponseEntity.created(URI.create("/desk/outreach/visits/" + v.reference())).body(views.visit(v));
	}
}
