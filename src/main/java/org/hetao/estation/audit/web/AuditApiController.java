package org.hetao.estation.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.hetao.estation.audit.AuditCheckpoint;
import org.hetao.estation.audit.AuditLog;
import org.hetao.estation.shared.Problem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The audit log's API: verify the chain, sign a checkpoint now (supervisors and administrators). */
@RestController
@Tag(name = "Audit", description = "Tamper-evident audit log")
class AuditApiController {

	private final AuditLog auditLog;

	AuditApiController(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	@PostMapping("/api/v1/admin/audit/checkpoints")
	@Operation(summary = "Sign a checkpoint of the audit chain now",
			description = "Written outside the database; 409 when the chain does not verify (a broken history is never signed)")
	AuditCheckpoint checkpoint() {
		return auditLog.checkpoint().orElseThrow(() -> new Problem(Problem.Kind.CONFLICT, "audit.checkpoint.refused"));
	}

	@GetMapping("/api/v1/admin/audit/verify")
	@Operation(summary = "Verify the audit log's hash chain",
			description = "valid=false names the first record that was changed, unlinked or removed, or that no longer matches a signed checkpoint (rewritten)")
	AuditLog.Verification verify() {
		auditLog.flush();
		return auditLog.verify();
	}

}
