/**
 * Residents who use the online portal: registration, sign-in with identity number or mobile, their account, their
 * data-access log and data rights; and staff's purpose-bound access to residents' records.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Residents")
package org.anning.residents;
