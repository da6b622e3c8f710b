package org.anning.mediation;

import java.time.LocalDate;

/** One term of an agreement: who does what, by when (or no date). */
public record Term(String party, String obligation, LocalDate dueBy) {
}
