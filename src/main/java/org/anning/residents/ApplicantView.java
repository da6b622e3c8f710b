package org.anning.residents;

/**
 * A resident as the applicant of something another module keeps, for staff: name, masked numbers for lists and
 * headings, and full numbers where role and purpose need them. Obtained from {@link Residents#applicant}, whose
 * caller audits the read. {@link #toString()} shows only the masked numbers, so the full ones never reach a log.
 */
public record ApplicantView(String name, String maskedIdNumber, String maskedMobile, String idNumber,
		String mobile) {

	@Override
	public String toString() {
		return "ApplicantView[" + maskedIdNumber + ", " + maskedMobile + "]";
	}
}
