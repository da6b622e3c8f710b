package org.anning.units.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.anning.units.Unit;
import org.anning.units.UnitLevel;

/** A unit as the API shows it; the parent is named by its code, and is null for the top of the tree. */
record UnitView(@Schema(example = "AN-DC-01") String code,
		@Schema(example = "AN-DC", nullable = true) @JsonInclude(JsonInclude.Include.ALWAYS) String parentCode,
		@Schema(example = "和平路派出所") String nameZh, @Schema(example = "Hepinglu Police Station") String nameEn,
		UnitLevel level, boolean active) {

	static UnitView of(Unit unit) {
		return new UnitView(unit.code(), unit.parentCode(), unit.nameZh(), unit.nameEn(), unit.level(), unit.active());
	}
}
