package org.anning.calendar;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What an administrator sets for one day: working or not, and the holiday it belongs to. */
public record DaySetting(@NotNull(message = "{calendar.workingDay.required}") Boolean workingDay,
		@NotBlank(message = "{calendar.nameZh.required}") @Size(max = 50, message = "{calendar.name.tooLong}") String nameZh,
		@Size(max = 100, message = "{calendar.name.tooLong}") String nameEn) {
}
