package org.anning.audit;

/** Who acted: a staff user, a resident, the system itself, or someone not signed in. */
public enum ActorKind {
	STAFF, RESIDENT, SYSTEM, ANONYMOUS
}
