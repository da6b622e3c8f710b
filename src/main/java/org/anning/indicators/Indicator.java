package org.anning.indicators;

import java.util.Arrays;
import java.util.Optional;

/** Every indicator, by the id the API and tests use, and what kind of figure it is. */
public enum Indicator {

	CASES_REGISTERED("cases.registered", Kind.COUNT), CASES_CLEARED("cases.cleared", Kind.COUNT),
	CASES_CLEARANCE_RATE("cases.clearanceRate", Kind.RATE), FRAUD_REGISTERED("fraud.registered", Kind.COUNT),
	FRAUD_CLEARED("fraud.cleared", Kind.COUNT), FRAUD_CLEARANCE_RATE("fraud.clearanceRate", Kind.RATE),
	FRAUD_APPREHENDED("fraud.apprehended", Kind.COUNT), FRAUD_STOP_PAID("fraud.stopPaid", Kind.MONEY),
	FRAUD_FROZEN("fraud.frozen", Kind.MONEY), FRAUD_RETURNED("fraud.returned", Kind.MONEY),
	FRAUD_RECOVERED("fraud.recovered", Kind.MONEY), FRAUD_LOSS("fraud.loss", Kind.MONEY),
	HOMICIDE_REGISTERED("homicide.current.registered", Kind.COUNT),
	HOMICIDE_CLEARED("homicide.current.cleared", Kind.COUNT),
	HOMICIDE_CLEARANCE_RATE("homicide.current.clearanceRate", Kind.RATE),
	SERVICES_CLOSED("services.closed", Kind.COUNT), SERVICES_ON_TIME_RATE("services.onTimeRate", Kind.RATE),
	SERVICES_AVERAGE_WORKING_DAYS("services.averageWorkingDays", Kind.AVERAGE),
	SERVICES_SATISFACTION_RATE("services.satisfactionRate", Kind.RATE),
	SERVICES_POOR_RATINGS("services.poorRatings", Kind.COUNT),
	SERVICES_RECTIFIED_RATE("services.rectifiedRate", Kind.RATE),
	MEDIATION_RECEIVED("mediation.received", Kind.COUNT), MEDIATION_CLOSED("mediation.closed", Kind.COUNT),
	MEDIATION_AGREEMENT_RATE("mediation.agreementRate", Kind.RATE),
	MEDIATION_FOLLOWED_UP_RATE("mediation.followedUpRate", Kind.RATE),
	MEDIATION_ESCALATED("mediation.escalatedToCases", Kind.COUNT),
	MEDIATION_AVERAGE_DAYS("mediation.averageDays", Kind.AVERAGE),
	OUTREACH_SERVICE_VISITS("outreach.serviceVisits", Kind.COUNT),
	OUTREACH_RESIDENTS_SERVED("outreach.residentsServed", Kind.COUNT),
	OUTREACH_PUBLICITY_EVENTS("outreach.publicityEvents", Kind.COUNT),
	OUTREACH_ATTENDANCE("outreach.attendance", Kind.COUNT),
	OUTREACH_HOUSEHOLDS_VISITED("outreach.householdsVisited", Kind.COUNT),
	OUTREACH_CAMPAIGN_COVERAGE("outreach.campaignCoverage", Kind.RATE),
	OUTREACH_ISSUES_RESOLVED("outreach.issuesResolved", Kind.COUNT),
	TRAFFIC_ACCIDENTS("traffic.accidents", Kind.COUNT), TRAFFIC_FATAL_ACCIDENTS("traffic.fatalAccidents", Kind.COUNT),
	TRAFFIC_DEATHS("traffic.deaths", Kind.COUNT), TRAFFIC_INJURIES("traffic.injuries", Kind.COUNT),
	TRAFFIC_MAJOR_ACCIDENTS("traffic.majorAccidents", Kind.COUNT), TRAFFIC_DIRECT_LOSS("traffic.directLoss", Kind.MONEY);

	/** Counts are whole numbers; rates are percentages (with percentage-point changes); money is yuan. */
	public enum Kind {

		COUNT, RATE, MONEY, AVERAGE
	}

	private final String id;

	private final Kind kind;

	Indicator(String id, Kind kind) {
		this.id = id;
		this.kind = kind;
	}

	public String id() {
		return id;
	}

	public Kind kind() {
		return kind;
	}

	public String messageKey() {
		return "indicators.name." + id;
	}

	public static Optional<Indicator> byId(String id) {
		return Arrays.stream(values()).filter(i -> i.id.equals(id)).findFirst();
	}
}
