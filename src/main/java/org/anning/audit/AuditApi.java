package org.anning.audit;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
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

	private final AuditReading reading;

	AuditApi(AuditReading reading) {
		this.reading = reading;
	}

	@GetMapping("/events")
	@Operation(summary = "The latest audit events (at most 1000), newest first, optionally filtered")
	List<AuditRecord> events(@RequestParam(defaultValue = "100") int limit, @RequestParam(required = false) String actor,
			@RequestParam(required = false) AuditAction action, @RequestParam(required = false) UUID subject) {
		return reading.latest(limit, actor, action, subject);
	}

	@PostMapping("/verification")
	@Operation(summary = "Walks the chain and the witness checkpoints; names the first bad sequence number")
	Verification verify() {
		return reading.verify();
	}
}
