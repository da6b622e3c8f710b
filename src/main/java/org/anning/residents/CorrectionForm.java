package org.anning.residents;

/** A resident's correction request, as typed. */
class CorrectionForm {

	private String field;

	private String value;

	private String reason;

	public String getField() {
		return field;
	}

	public void setField(String field) {
		this.field = field;
	}

	public String getValue() {
		return value;
	}

	public void setValue(String value) {
		this.value = value;
	}

	public String getReason() {
		return reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}
}
