package org.anning.services;

import org.anning.residents.ApplicantView;

/** An application opened by staff, with its applicant; the read is in the audit trail. */
public record ApplicationFile(Application application, ApplicantView applicant) {
}
