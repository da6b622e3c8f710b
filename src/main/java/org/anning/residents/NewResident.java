package org.anning.residents;

import io.swagger.v3.oas.annotations.media.Schema;

/** What a resident types to register, as typed; {@link Residents#register} checks it. */
@Schema(description = "A resident's registration")
public record NewResident(
		@Schema(description = "Name as on the identity card, at most 50 characters", example = "林晓梅") String name,
		@Schema(description = "18-character resident identity number; a final x may be lower case",
				example = "11010519491231002X") String idNumber,
		@Schema(description = "Mainland mobile number; spaces and hyphens are ignored",
				example = "138 0000 0001") String mobile,
		@Schema(description = "8 to 128 characters, not a common password", format = "password") String password) {

	/** Never shows the password or the full identity number. */
	@Override
	public String toString() {
		return "NewResident[name=" + name + ", idNumber=" + (idNumber == null ? null : "…") + ", mobile="
				+ (mobile == null ? null : "…") + ", password=…]";
	}
}
