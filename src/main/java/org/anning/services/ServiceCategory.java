package org.anning.services;

/** The catalogue's categories: household (户政), exit and entry (出入境), traffic (交管), public order (治安). */
public enum ServiceCategory {

	HOUSEHOLD, EXIT_ENTRY, TRAFFIC, PUBLIC_ORDER, OTHER;

	public String messageKey() {
		return "services.category." + name();
	}
}
