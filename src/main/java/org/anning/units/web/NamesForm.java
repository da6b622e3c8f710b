package org.anning.units.web;

import org.anning.units.Unit;
import org.anning.units.UnitNames;

/** The rename form as typed; the rules are {@link UnitNames}'s, checked on {@link #toUnitNames()}. */
class NamesForm {

	private String nameZh = "";

	private String nameEn = "";

	static NamesForm of(Unit unit) {
		NamesForm form = new NamesForm();
		form.setNameZh(unit.nameZh());
		form.setNameEn(unit.nameEn());
		return form;
	}

	UnitNames toUnitNames() {
		return new UnitNames(nameZh, nameEn);
	}

	public String getNameZh() {
		return nameZh;
	}

	public void setNameZh(String nameZh) {
		this.nameZh = nameZh;
	}

	public String getNameEn() {
		return nameEn;
	}

	public void setNameEn(String nameEn) {
		this.nameEn = nameEn;
	}
}
