package org.anning.mediation;

import java.time.LocalDate;

/** A dispute that turned into a criminal case (民转刑): the case's number and the day the link was made. */
public record CaseLink(String caseNumber, LocalDate linkedOn) {
}
