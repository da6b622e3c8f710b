package org.anning.mediation.web;

import java.util.ArrayList;
import java.util.List;

/**
 * The fields of the dispute page's action forms, one instance per form (risk, mediator, session, agreement, no
 * agreement, withdrawal, follow-up, escalation), so that a refused form shows its errors and keeps what was typed.
 */
public class DeskStepForm {

	static final int TERM_ROWS = 5;

	private String risk;

	private String riskReason;

	private String mediator;

	private String heldOn;

	private String attended;

	private List<String> mediators = new ArrayList<>();

	private String notes;

	private String agreedOn;

	private List<TermRow> terms = new ArrayList<>();

	private String note;

	private String closedOn;

	private String referral;

	private String followedUpOn;

	private String carriedOut;

	private String action;

	private String caseNumber;

	public DeskStepForm() {
		for (int i = 0; i < TERM_ROWS; i++) {
			terms.add(new TermRow());
		}
	}

	public String getRisk() {
		return risk;
	}

	public void setRisk(String risk) {
		this.risk = risk;
	}

	public String getRiskReason() {
		return riskReason;
	}

	public void setRiskReason(String riskReason) {
		this.riskReason = riskReason;
	}

	public String getMediator() {
		return mediator;
	}

	public void setMediator(String mediator) {
		this.mediator = mediator;
	}

	public String getHeldOn() {
		return heldOn;
	}

	public void setHeldOn(String heldOn) {
		this.heldOn = heldOn;
	}

	public String getAttended() {
		return attended;
	}

	public void setAttended(String attended) {
		this.attended = attended;
	}

	public List<String> getMediators() {
		return mediators;
	}

	public void setMediators(List<String> mediators) {
		this.mediators = mediators;
	}

	public String getNotes() {
		return notes;
	}

	public void setNotes(String notes) {
		this.notes = notes;
	}

	public String getAgreedOn() {
		return agreedOn;
	}

	public void setAgreedOn(String agreedOn) {
		this.agreedOn = agreedOn;
	}

	public List<TermRow> getTerms() {
		return terms;
	}

	public void setTerms(List<TermRow> terms) {
		this.terms = terms;
	}

	public String getNote() {
		return note;
	}

	public void setNote(String note) {
		this.note = note;
	}

	public String getClosedOn() {
		return closedOn;
	}

	public void setClosedOn(String closedOn) {
		this.closedOn = closedOn;
	}

	public String getReferral() {
		return referral;
	}

	public void setReferral(String referral) {
		this.referral = referral;
	}

	public String getFollowedUpOn() {
		return followedUpOn;
	}

	public void setFollowedUpOn(String followedUpOn) {
		this.followedUpOn = followedUpOn;
	}

	public String getCarriedOut() {
		return carriedOut;
	}

	public void setCarriedOut(String carriedOut) {
		this.carriedOut = carriedOut;
	}

	public String getAction() {
		return action;
	}

	public void setAction(String action) {
		this.action = action;
	}

	public String getCaseNumber() {
		return caseNumber;
	}

	public void setCaseNumber(String caseNumber) {
		this.caseNumber = caseNumber;
	}
}
