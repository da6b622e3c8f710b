package org.anning.units.web;

import org.anning.units.Unit;

/** The move form as typed: the code of the new parent. */
class ParentForm {

	private String parentCode = "";

	static ParentForm of(Unit unit) {
		ParentForm form = new ParentForm();
		form.setParentCode(unit.parentCode() == null ? "" : unit.parentCode());
		return form;
	}

	public String getParentCode() {
		return parentCode;
	}

	public void setParentCode(String parentCode) {
		this.parentCode = parentCode;
	}
}
