package org.anning.audit;

/** What an audit event records. */
public enum AuditAction {

	READ, CREATE, UPDATE, DELETE, EXPORT, SIGN_IN, SIGN_IN_FAILED, SIGN_OUT, LOCKED, UNLOCKED, MFA_ENROLLED, MFA_RESET,
	ROLE_CHANGED, PASSWORD_CHANGED, TOKEN_ISSUED, TOKEN_REVOKED, AUDIT_VIEWED, AUDIT_VERIFIED, DEFERRED;

	public String messageKey() {
		return "audit.action." + name();
	}
}
