package org.anning.mediation;

/**
 * A party as lists and pages show it: the role and the masked name and contact. The full values open only with
 * an audited read ({@link Disputes#openParties}).
 */
public record Party(int position, PartyRole role, String nameMasked, String contactMasked) {
}
