package org.anning.units;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A unit's names in Chinese and English, as given to rename it. */
public record UnitNames(
		@NotBlank(message = "{units.nameZh.required}") @Size(max = 100, message = "{units.name.tooLong}") String nameZh,
		@NotBlank(message = "{units.nameEn.required}") @Size(max = 150, message = "{units.name.tooLong}") String nameEn) {
}
