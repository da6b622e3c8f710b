/**
 * Dispute mediation (矛盾纠纷化解): disputes from every channel with their parties and escalation risk, the mediators
 * of each unit (police, people's mediators, judicial office, lawyers), sessions, the outcome with a printable
 * agreement, follow-up visits, links to criminal cases, and the figures the indicators are made of.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dispute mediation")
package org.anning.mediation;
