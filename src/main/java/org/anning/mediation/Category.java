package org.anning.mediation;

/** What a dispute is about; the nine categories of issue 7. */
public enum Category {

	MARRIAGE_FAMILY, NEIGHBOURS, HOUSING_LAND, LABOUR_WAGES, CONTRACTS_DEBTS, CONSUMER, PROPERTY_MANAGEMENT, TRAFFIC_COMPENSATION, OTHER;

	public String messageKey() {
		return "mediation.category." + name();
	}
}
