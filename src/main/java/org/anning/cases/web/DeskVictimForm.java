package org.anning.cases.web;

/** A victim added to a case: a label that names no one, and the loss in yuan. */
class DeskVictimForm {

	private String label;

	private String loss;

	public String getLabel() {
		return label;
	}

	public void setLabel(String label) {
		this.label = label;
	}

	public String getLoss() {
		return loss;
	}

	public void setLoss(String loss) {
		this.loss = loss;
	}
}
