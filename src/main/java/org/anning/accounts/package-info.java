/**
 * Staff accounts and their roles, sign-in with two factors, lockout, and API tokens.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
package org.anning.accounts;
