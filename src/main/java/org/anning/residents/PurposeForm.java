package org.anning.residents;

/** Why a staff user opens a resident's record, and the reference of the record in hand, as typed. */
class PurposeForm {

	private String purpose;

	private String ref;

	public String getPurpose() {
		return purpose;
	}

	public void setPurpose(String purpose) {
		this.purpose = purpose;
	}

	public String getRef() {
		return ref;
	}

	public void setRef(String ref) {
		this.ref = ref;
	}
}
