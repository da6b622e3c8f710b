/**
 * The audit trail: an append-only, hash-chained record of every write and every staff read of personal data,
 * with the verifier that detects tampering, and residents' view of who accessed their data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.anning.audit;
