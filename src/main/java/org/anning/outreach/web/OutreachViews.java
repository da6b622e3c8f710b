package org.anning.outreach.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.anning.outreach.Campaign;
import org.anning.outreach.HouseholdVisit;
import org.anning.outreach.Issue;
import org.anning.outreach.PublicityEvent;
import org.anning.outreach.ServiceVisit;
import org.anning.outreach.VisitPlan;
import org.anning.units.Organisation;
import org.anning.units.Unit;
import org.anning.units.UnitId;
import org.springframework.stereotype.Component;

/** The JSON shapes of the outreach API: unit codes rather than identifiers, no personal data of residents. */
@Component
class OutreachViews {

	private final Organisation organisation;

	OutreachViews(Organisation organisation) {
		this.organisation = organisation;
	}

	record VisitView(String id, String reference, String unit, String resident, String reason, boolean consent,
			String consentHow, LocalDate consentOn, List<String> services, String note, String place,
			LocalDate visitedOn, String officer, String applicationReference) {
	}

	record PlanView(String id, String unit, String resident, int everyWeeks, LocalDate nextDueOn, boolean active,
			String lastVisit) {
	}

	record PublicityView(String id, String reference, String unit, String topic, String title, String place,
			LocalDate heldOn, int attendance, int materialsCount, String materials, String partners) {
	}

	record CampaignView(String id, String reference, String unit, String name, LocalDate startsOn, LocalDate endsOn,
			int target, Long visited) {
	}

	record IssueView(String id, String householdVisit, String unit, String kind, String description,
			LocalDate raisedOn, String status, LocalDate referredOn, String referredReference, LocalDate resolvedOn,
			String resolution) {
	}

	record HouseholdView(String id, String campaign, String unit, String address, LocalDate visitedOn,
			List<IssueView> issues) {
	}

	record ResidentView(String resident, String name, String maskedIdNumber, String mobile) {
	}

	record FiguresView(long serviceVisits, long residentsServed, long publicityEvents, long attendance,
			long householdsVisited, BigDecimal campaignTarget, BigDecimal campaignCoverage, long issuesResolved) {
	}

	VisitView visit(ServiceVisit v) {
		return new VisitView(v.id().toString(), v.reference(), code(v.unit()), v.resident().toString(), v.reason().name(),
				v.consent(), v.consentHow() == null ? null : v.consentHow().name(), v.consentOn(),
				v.services().stream().map(Enum::name).toList(), v.note(), v.place(), v.visitedOn(), v.officer().toString(),
				v.applicationReference());
	}

	PlanView plan(VisitPlan p) {
		return new PlanView(p.id().toString(), code(p.unit()), p.resident().toString(), p.everyWeeks(), p.nextDueOn(),
				p.active(), p.lastVisit() == null ? null : p.lastVisit().toString());
	}

	PublicityView publicity(PublicityEvent e) {
		return new PublicityView(e.id().toString(), e.reference(), code(e.unit()), e.topic().name(), e.title(), e.place(),
				e.heldOn(), e.attendance(), e.materialsCount(), e.materials(), e.partners());
	}

	CampaignView campaign(Campaign c, Long visited) {
		return new CampaignView(c.id().toString(), c.reference(), code(c.unit()), c.name(), c.startsOn(), c.endsOn(),
				c.target(), visited);
	}

	IssueView issue(Issue i) {
		return new IssueView(i.id().toString(), i.householdVisit().toString(), code(i.unit()), i.kind().name(),
				i.description(), i.raisedOn(), i.status().name(), i.referredOn(), i.referredReference(), i.resolvedOn(),
				i.resolution());
	}

	HouseholdView household(HouseholdVisit h, String campaignReference) {
		return new HouseholdView(h.id().toString(), campaignReference, code(h.unit()), h.address(), h.visitedOn(),
				h.issues().stream().map(this::issue).toList());
	}

	private final Map<UUID, String> codes = new ConcurrentHashMap<>();

	String code(UUID unit) {
		return codes.computeIfAbsent(unit, u -> organisation.find(new UnitId(u)).map(Unit::code).orElse(u.toString()));
	}

	/** The unit's code and name in the language, for pages. */
	String unitName(UUID unit, Locale locale) {
		return organisation.find(new UnitId(unit)).map(u -> u.code() + " · " + u.name(locale)).orElse(unit.toString());
	}
}
