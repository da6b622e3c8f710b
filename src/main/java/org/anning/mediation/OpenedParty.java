package org.anning.mediation;

/** A party with the full name and contact, after an audited read with the purpose DISPUTE. */
public record OpenedParty(int position, PartyRole role, String name, String contact) {
}
