package org.anning.outreach.web;

/** What was done to resolve an issue. */
public class ResolutionForm {

	private String resolution;

	public String getResolution() {
		return resolution;
	}

	public void setResolution(String resolution) {
		this.resolution = resolution;
	}
}
