package org.anning.services.web;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

import org.anning.services.MaterialFormat;
import org.anning.services.MaterialRequirement;

/** One row of an item's materials on the catalogue form; a row left blank is ignored. */
class DeskMaterialRow {

	private String code;

	private String nameZh;

	private String nameEn;

	private boolean mandatory;

	private Set<MaterialFormat> formats = new LinkedHashSet<>();

	static DeskMaterialRow blank() {
		DeskMaterialRow row = new DeskMaterialRow();
		row.setMandatory(true);
		row.setFormats(EnumSet.allOf(MaterialFormat.class));
		return row;
	}

	static DeskMaterialRow of(MaterialRequirement m) {
		DeskMaterialRow row = new DeskMaterialRow();
		row.setCode(m.code());
		row.setNameZh(m.nameZh());
		row.setNameEn(m.nameEn());
		row.setMandatory(m.mandatory());
		row.setFormats(EnumSet.copyOf(m.formats().isEmpty() ? EnumSet.allOf(MaterialFormat.class) : m.formats()));
		return row;
	}

	boolean isBlank() {
		return blank(code) && blank(nameZh) && blank(nameEn);
	}

	MaterialRequirement toRequirement() {
		return new MaterialRequirement(code == null ? null : code.strip(), nameZh, nameEn, mandatory,
				formats == null ? Set.of() : formats);
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
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

	public boolean isMandatory() {
		return mandatory;
	}

	public void setMandatory(boolean mandatory) {
		this.mandatory = mandatory;
	}

	public Set<MaterialFormat> getFormats() {
		return formats;
	}

	public void setFormats(Set<MaterialFormat> formats) {
		this.formats = formats == null ? new LinkedHashSet<>() : formats;
	}
}
