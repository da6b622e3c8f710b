package org.anning.outreach.web;

/** A service visit as typed on the desk; the offline page sends the same fields as JSON. */
public class VisitForm {

	private String unit;

	private String resident;

	private String reason;

	private String consent;

	private String consentHow;

	private String consentOn;

	private java.util.List<String> services = new java.util.ArrayList<>();

	private String note;

	private String place;

	private String visitedOn;

	private String everyWeeks;

	public String getUnit() {
		return unit;
	}

	public void setUnit(String unit) {
		this.unit = unit;
	}

	public String getResident() {
		return resident;
	}

	public void setResident(String resident) {
		this.resident = resident;
	}

	public String getReason() {
		return reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

	public String getConsent() {
		return consent;
	}

	public void setConsent(String consent) {
		this.consent = consent;
	}

	public String getConsentHow() {
		return consentHow;
	}

	public void setConsentHow(String consentHow) {
		this.consentHow = consentHow;
	}

	public String getConsentOn() {
		return consentOn;
	}

	public void setConsentOn(String consentOn) {
		this.consentOn = consentOn;
	}

	public java.util.List<String> getServices() {
		return services;
	}

	public void setServices(java.util.List<String> services) {
		this.services = services;
	}

	public String getNote() {
		return note;
	}

	public void setNote(String note) {
		this.note = note;
	}

	public String getPlace() {
		return place;
	}

	public void setPlace(String place) {
		this.place = place;
	}

	public String getVisitedOn() {
		return visitedOn;
	}

	public void setVisitedOn(String visitedOn) {
		this.visitedOn = visitedOn;
	}

	public String getEveryWeeks() {
		return everyWeeks;
	}

	public void setEveryWeeks(String everyWeeks) {
		this.everyWeeks = everyWeeks;
	}
}
