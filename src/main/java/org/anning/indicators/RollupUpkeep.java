package org.anning.indicators;

import java.util.List;
import java.util.Set;

import org.anning.cases.Events.CaseAmended;
import org.anning.cases.Events.CaseEventRecorded;
import org.anning.cases.Events.CaseRegistered;
import org.anning.cases.Events.CaseStatusChanged;
import org.anning.cases.Events.CasesImported;
import org.anning.mediation.Events.AgreementReached;
import org.anning.mediation.Events.DisputeClosed;
import org.anning.mediation.Events.DisputeEscalated;
import org.anning.mediation.Events.DisputeReceived;
import org.anning.mediation.Events.DisputeReopened;
import org.anning.mediation.Events.FollowUpRecorded;
import org.anning.services.ApplicationRated;
import org.anning.services.ApplicationStatusChanged;
import org.anning.services.ApplicationsLoaded;
import org.anning.services.RectificationAnswered;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the rollups current from the events of the cases, the service hall and mediation: each event is handled
 * after the change it reports was committed, once, and again after a crash until it succeeds (the event
 * publication log).
 */
@Component
class RollupUpkeep {

	private final Rollups rollups;

	private final CaseSource cases;

	private final ServiceSource services;

	private final MediationSource mediation;

	private final OutreachSource outreach;

	private final TrafficSource traffic;

	RollupUpkeep(Rollups rollups, CaseSource cases, ServiceSource services, MediationSource mediation,
			OutreachSource outreach, TrafficSource traffic) {
		this.traffic = traffic;
		this.outreach = outreach;
		this.rollups = rollups;
		this.cases = cases;
		this.services = services;
		this.mediation = mediation;
	}

	// ---- Cases

	@ApplicationModuleListener
	void on(CaseRegistered event) {
		rollups.caseChanged(cases, event.caseId());
	}

	@ApplicationModuleListener
	void on(CaseStatusChanged event) {
		rollups.caseChanged(cases, event.caseId());
	}

	@ApplicationModuleListener
	void on(CaseEventRecorded event) {
		rollups.caseChanged(cases, event.caseId());
	}

	@ApplicationModuleListener
	void on(CaseAmended event) {
		rollups.caseChanged(cases, event.caseId());
	}

	@ApplicationModuleListener
	void on(CasesImported event) {
		rollups.loaded(cases, event.units(), event.from(), event.to());
	}

	// ---- Service hall

	@ApplicationModuleListener
	void on(ApplicationStatusChanged event) {
		rollups.changed(services, event.application(), null, Set.of());
	}

	@ApplicationModuleListener
	void on(ApplicationRated event) {
		rollups.changed(services, event.application(), null, Set.of());
	}

	@ApplicationModuleListener
	void on(RectificationAnswered event) {
		rollups.changed(services, event.application(), null, Set.of());
	}

	@ApplicationModuleListener
	void on(ApplicationsLoaded event) {
		rollups.loaded(services, event.units(), event.from(), event.to());
	}

	// ---- Mediation

	@ApplicationModuleListener
	void on(DisputeReceived event) {
		rollups.changed(mediation, event.dispute(), null, Set.of());
	}

	@ApplicationModuleListener
	void on(DisputeClosed event) {
		rollups.changed(mediation, event.dispute(), null, Set.of());
	}

	@ApplicationModuleListener
	void on(AgreementReached event) {
		rollups.changed(mediation, event.dispute(), null, Set.of());
	}

	@ApplicationModuleListener
	void on(FollowUpRecorded event) {
		rollups.changed(mediation, event.dispute(), null, Set.of());
	}

	/** Reopening takes the earlier close away from the day it was closed. */
	@ApplicationModuleListener
	void on(DisputeReopened event) {
		rollups.changed(mediation, event.dispute(), event.unit(),
				event.wasClosedOn() == null ? List.of() : List.of(event.wasClosedOn()));
	}

	@ApplicationModuleListener
	void on(DisputeEscalated event) {
		rollups.changed(mediation, event.dispute(), null, Set.of());
	}

	// ---- Community policing: each event names the unit and the day its record counts on

	@ApplicationModuleListener
	void on(org.anning.outreach.OutreachEvents.ServiceVisitRecorded event) {
		rollups.changed(outreach, null, event.unit(), List.of(event.on()));
	}

	@ApplicationModuleListener
	void on(org.anning.outreach.OutreachEvents.PublicityEventRecorded event) {
		rollups.changed(outreach, null, event.unit(), List.of(event.on()));
	}

	@ApplicationModuleListener
	void on(org.anning.outreach.OutreachEvents.HouseholdVisited event) {
		rollups.changed(outreach, null, event.unit(), List.of(event.on()));
	}

	@ApplicationModuleListener
	void on(org.anning.outreach.OutreachEvents.IssueResolved event) {
		rollups.changed(outreach, null, event.unit(), List.of(event.on()));
	}

	// ---- Road traffic

	@ApplicationModuleListener
	void on(org.anning.traffic.Events.AccidentRecorded event) {
		rollups.changed(traffic, event.accidentId(), null, Set.of());
	}

	@ApplicationModuleListener
	void on(org.anning.traffic.Events.AccidentChanged event) {
		rollups.changed(traffic, event.accidentId(), null, Set.of());
	}

	@ApplicationModuleListener
	void on(org.anning.traffic.Events.AccidentsImported event) {
		rollups.loaded(traffic, event.units(), event.from(), event.to());
	}
}
