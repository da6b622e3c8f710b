package org.anning.accounts;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What an administrator gives to open a staff account; the unit is named by its code. */
public record NewStaffAccount(
		@NotBlank(message = "{accounts.username.required}") @Pattern(regexp = "[A-Za-z0-9._-]{3,64}",
				message = "{accounts.username.format}") String username,
		@NotBlank(message = "{accounts.displayName.required}") @Size(max = 100,
				message = "{accounts.displayName.tooLong}") String displayName,
		@NotBlank(message = "{accounts.unit.required}") String unitCode,
		@NotEmpty(message = "{accounts.roles.required}") Set<Role> roles,
		@NotBlank(message = "{password.EMPTY}") String password) {
}
