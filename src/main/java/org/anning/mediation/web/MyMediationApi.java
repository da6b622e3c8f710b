package org.anning.mediation.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.anning.mediation.Dispute;
import org.anning.mediation.Disputes;
import org.anning.mediation.NewDispute;
import org.anning.mediation.NewParty;
import org.anning.mediation.web.MediationApiViews.MyDisputeLine;
import org.anning.mediation.web.MediationApiViews.MyDisputeView;
import org.anning.residents.ResidentPrincipal;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A resident's own requests for mediation, with the resident's bearer token: the same rules as the portal's pages.
 * Another resident's reference is not found.
 */
@RestController
@RequestMapping("/api/v1/me/mediation")
@PreAuthorize("hasRole('RESIDENT')")
@Tag(name = "Mediation: my requests", description = "A resident's own requests for mediation (resident token)")
class MyMediationApi {

	private final Disputes disputes;

	private final MediationApiViews views;

	MyMediationApi(Disputes disputes, MediationApiViews views) {
		this.disputes = disputes;
		this.views = views;
	}

	/** A party as sent: name and contact (a phone number). */
	record PartyBody(String name, String contact) {
	}

	/** A request: the resident first among the parties (applicant), then the other side, then anyone concerned. */
	record MediationRequest(String unit, String category, String account, PartyBody me, PartyBody otherSide,
			PartyBody concerned) {

		NewDispute toNewDispute() {
			return new NewDispute("ONLINE", unit, null, category, account, null, null, null,
					java.util.Arrays.asList(party("APPLICANT", me), party("RESPONDENT", otherSide),
							party("INTERESTED", concerned)));
		}

		private static NewParty party(String role, PartyBody p) {
			return p == null ? null : new NewParty(role, p.name(), p.contact());
		}
	}

	record WithdrawalBody(String reason) {
	}

	@GetMapping
	@Operation(summary = "My requests for mediation, newest first")
	List<MyDisputeLine> list(@AuthenticationPrincipal ResidentPrincipal me) {
		return disputes.mine(me.id().value()).stream().map(views::myLine).toList();
	}

	@PostMapping
	@Operation(summary = "Ask for mediation",
			description = "unit (code of a station or sub-bureau), category, account (what happened), me {name, "
					+ "contact} (required), otherSide {name, contact} (name required), concerned (optional). The "
					+ "field names in errors are parties[0] (me), parties[1] (otherSide), parties[2] (concerned).")
	@ApiResponse(responseCode = "201", description = "The request (reference TJ-YYYY-NNNNNN); Location names it")
	@ApiResponse(responseCode = "422", description = "Invalid fields, listed in errors [{field, message}]")
	ResponseEntity<MyDisputeView> request(@AuthenticationPrincipal ResidentPrincipal me,
			@RequestBody MediationRequest body) {
		Dispute d = disputes.request(me.id().value(), body.toNewDispute());
		return ResponseEntity.created(URI.create("/api/v1/me/mediation/" + d.reference())).body(views.mine(d));
	}

	@GetMapping("/{reference}")
	@Operation(summary = "One of my requests: status, outcome, session dates, agreement terms, follow-up, history")
	@ApiResponse(responseCode = "404", description = "No such request of mine")
	MyDisputeView get(@AuthenticationPrincipal ResidentPrincipal me, @PathVariable String reference) {
		return views.mine(disputes.mine(me.id().value(), reference));
	}

	@PostMapping("/{reference}/withdrawal")
	@Operation(summary = "Withdraw my request while it is in mediation: reason (optional)")
	@ApiResponse(responseCode = "409", description = "It is not in mediation any more")
	MyDisputeView withdraw(@AuthenticationPrincipal ResidentPrincipal me, @PathVariable String reference,
			@RequestBody(required = false) WithdrawalBody body) {
		return views.mine(disputes.withdrawMine(me.id().value(), reference, body == null ? null : body.reason()));
	}
}
