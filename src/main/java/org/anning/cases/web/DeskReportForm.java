package org.anning.cases.web;

import java.util.ArrayList;
import java.util.List;

/**
 * A report staff take from a 110 call or a walk-in, as typed: the occurrence time as {@code datetime-local} text
 * and up to {@link #ACCOUNT_ROWS} receiving-account rows.
 */
class DeskReportForm {

	static final int ACCOUNT_ROWS = 3;

	private String channel;

	private String kind;

	private String unit;

	private String occurredAt;

	private String place;

	private String narrative;

	private String loss;

	private String paymentMethod;

	private List<DeskAccountRow> accounts = new ArrayList<>();

	private String reporterName;

	private String reporterPhone;

	DeskReportForm() {
		for (int i = 0; i < ACCOUNT_ROWS; i++) {
			accounts.add(new DeskAccountRow());
		}
	}

	public String getChannel() {
		return channel;
	}

	public void setChannel(String channel) {
		this.channel = channel;
	}

	public String getKind() {
		return kind;
	}

	public void setKind(String kind) {
		this.kind = kind;
	}

	public String getUnit() {
		return unit;
	}

	public void setUnit(String unit) {
		this.unit = unit;
	}

	public String getOccurredAt() {
		return occurredAt;
	}

	public void setOccurredAt(String occurredAt) {
		this.occurredAt = occurredAt;
	}

	public String getPlace() {
		return place;
	}

	public void setPlace(String place) {
		this.place = place;
	}

	public String getNarrative() {
		return narrative;
	}

	public void setNarrative(String narrative) {
		this.narrative = narrative;
	}

	public String getLoss() {
		return loss;
	}

	public void setLoss(String loss) {
		this.loss = loss;
	}

	public String getPaymentMethod() {
		return paymentMethod;
	}

	public void setPaymentMethod(String paymentMethod) {
		this.paymentMethod = paymentMethod;
	}

	public List<DeskAccountRow> getAccounts() {
		return accounts;
	}

	public void setAccounts(List<DeskAccountRow> accounts) {
		this.accounts = accounts;
	}

	public String getReporterName() {
		return reporterName;
	}

	public void setReporterName(String reporterName) {
		this.reporterName = reporterName;
	}

	public String getReporterPhone() {
		return reporterPhone;
	}

	public void setReporterPhone(String reporterPhone) {
		this.reporterPhone = reporterPhone;
	}

	/** Where the problems of the attached files are shown; the files themselves are not bound. */
	public String getFiles() {
		return null;
	}
}
