package org.anning.residents;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/** A station chief's deferral of one access, as typed. */
class DeferralForm {

	private String reason;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate until;

	public String getReason() {
		return reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

	public LocalDate getUntil() {
		return until;
	}

	public void setUntil(LocalDate until) {
		this.until = until;
	}
}
