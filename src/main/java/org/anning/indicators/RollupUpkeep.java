package org.anning.indicators;

import org.anning.cases.Events.CaseAmended;
import org.anning.cases.Events.CaseEventRecorded;
import org.anning.cases.Events.CaseRegistered;
import org.anning.cases.Events.CaseStatusChanged;
import org.anning.cases.Events.CasesImported;
import org.anning.services.ApplicationRated;
import org.anning.services.ApplicationStatusChanged;
import org.anning.services.ApplicationsLoaded;
import org.anning.services.RectificationAnswered;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the rollups current from the events of the cases and the service hall: each event is handled after the
 * change it reports was committed, once, and again after a crash until it succeeds (the event publication log).
 */
@Component
class RollupUpkeep {

	private final Rollups rollups;

	RollupUpkeep(Rollups rollups) {
		this.rollups = rollups;
	}

	@ApplicationModuleListener
	void on(CaseRegistered event) {
		rollups.caseChanged(event.caseId());
	}

	@ApplicationModuleListener
	void on(CaseStatusChanged event) {
		rollups.caseChanged(event.caseId());
	}

	@ApplicationModuleListener
	void on(CaseEventRecorded event) {
		rollups.caseChanged(event.caseId());
	}

	@ApplicationModuleListener
	void on(CaseAmended event) {
		rollups.caseChanged(event.caseId());
	}

	@ApplicationModuleListener
	void on(CasesImported event) {
		rollups.casesLoaded(event.units(), event.from(), event.to());
	}

	@ApplicationModuleListener
	void on(ApplicationStatusChanged event) {
		rollups.applicationChanged(event.application());
	}

	@ApplicationModuleListener
	void on(ApplicationRated event) {
		rollups.applicationChanged(event.application());
	}

	@ApplicationModuleListener
	void on(RectificationAnswered event) {
		rollups.applicationChanged(event.application());
	}

	@ApplicationModuleListener
	void on(ApplicationsLoaded event) {
		rollups.applicationsLoaded(event.units(), event.from(), event.to());
	}
}
