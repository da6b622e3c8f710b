package org.anning.traffic.web;

/** The deaths of an accident, as typed. */
class DeskDeathsForm {

	private String deaths;

	public String getDeaths() {
		return deaths;
	}

	public void setDeaths(String deaths) {
		this.deaths = deaths;
	}
}
