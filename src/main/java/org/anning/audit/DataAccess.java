package org.anning.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One staff access to a resident's data, as the resident sees it: when, by which unit and role, what was done
 * and why. The official's own identity is not shown to the resident; auditors see it in the trail.
 */
public record DataAccess(long seq, Instant at, UUID unit, String roles, AuditAction action, String objectType,
		Purpose purpose, String purposeRef) {
}
