package org.anning.residents;

/** A resident opened an account on the portal. */
public record ResidentRegistered(ResidentId id) {
}
