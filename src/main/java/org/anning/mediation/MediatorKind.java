package org.anning.mediation;

/** Who mediates: a police officer (with a staff account), a people's mediator, judicial-office staff or a lawyer. */
public enum MediatorKind {

	POLICE, PEOPLES_MEDIATOR, JUDICIAL_OFFICE, LAWYER;

	public String messageKey() {
		return "mediation.mediatorKind." + name();
	}
}
