package org.anning.indicators.web;

/** Why a frozen figure set is withdrawn. */
class WithdrawalForm {

	private String reason;

	public String getReason() {
		return reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}
}
