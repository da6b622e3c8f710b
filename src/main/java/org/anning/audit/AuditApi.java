package org.anning.audit;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail for auditors: the latest events and the chain verification. */
@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasRole('AUDITOR')")
@Tag(name = "Audit", description = "The append-only, hash-chained audit trail (auditors only)")
class AuditApi {

	private final AuditRepository events;

	private final ChainVerifier verifier;

	private final AuditTrail trail;

	AuditApi(AuditRepository events, ChainVerifier verifier, AuditTrail trail) {
		this.events = events;
		this.verifier = verifier;
		this.trail = trail;
	}

	@GetMapping("/events")
	@Transactional
	@Operation(summary = "The latest audit events (at most 1000), newest first, optionally filtered")
	List<AuditRecord> events(@RequestParam(defaultValue = "100") int limit, @RequestParam(required = false) String actor,
			@RequestParam(required = false) AuditAction action, @RequestParam(required = false) UUID subject) {
		List<AuditRecord> latest = events.latest(Math.max(1, Math.min(limit, 1000)),
				StringUtils.hasText(actor) ? actor.strip() : null, action, subject);
		trail.record(AuditEntry.of(AuditAction.AUDIT_VIEWED, "audit-event", null)
			.detail("api filters actor=" + actor + " action=" + action + " subject=" + subject));
		return latest;
	}

	@PostMapping("/verification")
	@Operation(summary = "Walks the chain and the witness checkpoints; names the first bad sequence number")
	Verification verify() {
		Verification result = verifier.verify();
		trail.record(AuditEntry.of(AuditAction.AUDIT_VERIFIED, "audit-chain", null).detail(result.summary()));
		return result;
	}
}
