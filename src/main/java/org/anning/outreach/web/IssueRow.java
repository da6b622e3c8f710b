package org.anning.outreach.web;

/** One row of the issues found at a household. */
public class IssueRow {

	private String kind;

	private String description;

	public String getKind() {
		return kind;
	}

	public void setKind(String kind) {
		this.kind = kind;
	}

	public String getDescription() {
		return description;
	}

	public void setDescription(String description) {
		this.description = description;
	}
}
