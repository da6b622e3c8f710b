package org.anning.services.web;

/** A rating as the resident gives it. */
class PortalRatingForm {

	private Integer level;

	private String comment;

	public Integer getLevel() {
		return level;
	}

	public void setLevel(Integer level) {
		this.level = level;
	}

	public String getComment() {
		return comment;
	}

	public void setComment(String comment) {
		this.comment = comment;
	}
}
