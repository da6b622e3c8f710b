package org.anning.residents;

import java.time.Instant;

/** A registered resident, as the portal shows them to themselves. */
public record Resident(ResidentId id, String name, IdentityNumber idNumber, MobileNumber mobile, Instant registeredAt) {

	public ResidentPrincipal principal() {
		return new ResidentPrincipal(id, name);
	}
}
