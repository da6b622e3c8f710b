package org.anning.outreach;

/** The topic of a publicity event. */
public enum PublicityTopic {

	ANTI_FRAUD, TRAFFIC_SAFETY, DRUG_PREVENTION, OTHER;

	public String messageKey() {
		return "outreach.topic." + name();
	}
}
