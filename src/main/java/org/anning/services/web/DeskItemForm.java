package org.anning.services.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.anning.services.MaterialRequirement;
import org.anning.services.ServiceCategory;
import org.anning.services.ServiceItem;
import org.anning.units.UnitLevel;

/**
 * A catalogue item as the administrator edits it. Numbers are kept as typed, so that a wrong one is shown again
 * with the catalogue's own message; the materials are rows, blank ones ignored.
 */
class DeskItemForm {

	static final int BLANK_ROWS = 2;

	private String code;

	private ServiceCategory category;

	private String nameZh;

	private String nameEn;

	private String descriptionZh;

	private String descriptionEn;

	private String statutoryDays;

	private String committedDays;

	private String fee;

	private UnitLevel handlingLevel;

	private boolean online;

	private boolean active = true;

	private int version;

	private List<DeskMaterialRow> materials = new ArrayList<>();

	static DeskItemForm empty() {
		DeskItemForm form = new DeskItemForm();
		form.setFee("0.00");
		form.online = true;
		form.addBlankRows();
		return form;
	}

	static DeskItemForm of(ServiceItem item) {
		DeskItemForm form = new DeskItemForm();
		form.code = item.code();
		form.category = item.category();
		form.nameZh = item.nameZh();
		form.nameEn = item.nameEn();
		form.descriptionZh = item.descriptionZh();
		form.descriptionEn = item.descriptionEn();
		form.statutoryDays = Integer.toString(item.statutoryDays());
		form.committedDays = Integer.toString(item.committedDays());
		form.fee = item.fee() == null ? null : item.fee().toPlainString();
		form.handlingLevel = item.handlingLevel();
		form.online = item.online();
		form.active = item.active();
		form.version = item.version();
		item.materials().forEach(m -> form.materials.add(DeskMaterialRow.of(m)));
		form.addBlankRows();
		return form;
	}

	void addBlankRows() {
		for (int i = 0; i < BLANK_ROWS; i++) {
			materials.add(DeskMaterialRow.blank());
		}
	}

	/** The rows that are not blank, by their index in the form. */
	List<Integer> filledRows() {
		List<Integer> filled = new ArrayList<>();
		for (int i = 0; i < materials.size(); i++) {
			if (materials.get(i) != null && !materials.get(i).isBlank()) {
				filled.add(i);
			}
		}
		return filled;
	}

	ServiceItem toItem(String itemCode) {
		List<MaterialRequirement> requirements = filledRows().stream()
			.map(i -> materials.get(i).toRequirement())
			.toList();
		return new ServiceItem(null, itemCode == null ? null : itemCode.strip(), category, nameZh, nameEn,
				descriptionZh, descriptionEn, number(statutoryDays), number(committedDays), amount(fee), handlingLevel,
				online, active, version, requirements);
	}

	private static int number(String text) {
		try {
			return text == null ? 0 : Integer.parseInt(text.strip());
		}
		catch (NumberFormatException e) {
			return 0;
		}
	}

	private static BigDecimal amount(String text) {
		try {
			return text == null || text.isBlank() ? null : new BigDecimal(text.strip());
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	public String getCode() {
		return code;
	}

	public void setCode(String code) {
		this.code = code;
	}

	public ServiceCategory getCategory() {
		return category;
	}

	public void setCategory(ServiceCategory category) {
		this.category = category;
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

	public String getDescriptionZh() {
		return descriptionZh;
	}

	public void setDescriptionZh(String descriptionZh) {
		this.descriptionZh = descriptionZh;
	}

	public String getDescriptionEn() {
		return descriptionEn;
	}

	public void setDescriptionEn(String descriptionEn) {
		this.descriptionEn = descriptionEn;
	}

	public String getStatutoryDays() {
		return statutoryDays;
	}

	public void setStatutoryDays(String statutoryDays) {
		this.statutoryDays = statutoryDays;
	}

	public String getCommittedDays() {
		return committedDays;
	}

	public void setCommittedDays(String committedDays) {
		this.committedDays = committedDays;
	}

	public String getFee() {
		return fee;
	}

	public void setFee(String fee) {
		this.fee = fee;
	}

	public UnitLevel getHandlingLevel() {
		return handlingLevel;
	}

	public void setHandlingLevel(UnitLevel handlingLevel) {
		this.handlingLevel = handlingLevel;
	}

	public boolean isOnline() {
		return online;
	}

	public void setOnline(boolean online) {
		this.online = online;
	}

	public boolean isActive() {
		return active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

	public int getVersion() {
		return version;
	}

	public void setVersion(int version) {
		this.version = version;
	}

	public List<DeskMaterialRow> getMaterials() {
		return materials;
	}

	public void setMaterials(List<DeskMaterialRow> materials) {
		this.materials = materials == null ? new ArrayList<>() : materials;
	}
}
