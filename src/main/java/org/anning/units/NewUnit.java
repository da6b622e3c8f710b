package org.anning.units;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What an administrator gives to create a unit; the parent is named by its code. */
public record NewUnit(
		@NotBlank(message = "{units.code.required}") @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,31}",
				message = "{units.code.format}") String code,
		@NotBlank(message = "{units.nameZh.required}") @Size(max = 100, message = "{units.name.tooLong}") String nameZh,
		@NotBlank(message = "{units.nameEn.required}") @Size(max = 150, message = "{units.name.tooLong}") String nameEn,
		@NotNull(message = "{units.level.required}") UnitLevel level,
		String parentCode) {
}
