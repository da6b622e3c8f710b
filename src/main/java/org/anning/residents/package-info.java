/**
 * Residents who use the online portal: registration, sign-in with identity number or mobile, and their account.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Residents")
package org.anning.residents;
