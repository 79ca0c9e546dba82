package org.hetao.estation.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.hetao.estation.audit.AuditLog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** The audit log for supervisors and administrators: the newest records and a verification of the chain. */
@Controller
@Tag(name = "Audit", description = "Tamper-evident audit log")
class AuditController {

	private final AuditLog auditLog;

	AuditController(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	@GetMapping("/admin/audit")
	String page(Model model) {
		model.addAttribute("entries", auditLog.latest(100));
		return "audit/log";
	}

	@PostMapping("/admin/audit/verify")
	String verifyPage(Model model) {
		auditLog.flush();
		model.addAttribute("verification", auditLog.verify());
		model.addAttribute("entries", auditLog.latest(100));
		return "audit/log";
	}

	@GetMapping("/api/v1/admin/audit/verify")
	@ResponseBody
	@Operation(summary = "Verify the audit log's hash chain", description = "valid=false names the first record that was changed, unlinked or removed")
	AuditLog.Verification verify() {
		auditLog.flush();
		return auditLog.verify();
	}

}
