package org.anning.services;

import java.util.UUID;

/**
 * An application moved to a new status. Carries identifiers only: the application, its applicant (a resident)
 * and the reference number residents read.
 */
public record ApplicationStatusChanged(UUID application, UUID resident, String reference, ApplicationStatus status) {
}
