package org.anning.units.web;

import org.anning.units.NewUnit;
import org.anning.units.UnitLevel;

/**
 * The creation form as typed. It holds the level as text, so that whatever arrives is kept and shown again;
 * the rules are {@link NewUnit}'s, checked on {@link #toNewUnit()}.
 */
class UnitForm {

	private String code = "";

	private String nameZh = "";

	private String nameEn = "";

	private String level = "";

	private String parentCode = "";

	NewUnit toNewUnit() {
		return new NewUnit(code, nameZh, nameEn, level(), parentCode);
	}

	/** The chosen level, or null if none (or an unknown one) was chosen. */
	UnitLevel level() {
		for (UnitLevel candidate : UnitLevel.values()) {
			if (candidate.name().equals(level)) {
				return candidate;
			}
		}
		return null;
	}

	public String getCode() {
		return code;
	}

	public void setCode(String code) {
		this.code = code;
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

	public String getLevel() {
		return level;
	}

	public void setLevel(String level) {
		this.level = level;
	}

	public String getParentCode() {
		return parentCode;
	}

	public void setParentCode(String parentCode) {
		this.parentCode = parentCode;
	}
}
