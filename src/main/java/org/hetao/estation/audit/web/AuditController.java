package org.hetao.estation.audit.web;

import org.hetao.estation.audit.AuditLog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The audit log for supervisors and administrators: the newest records, a verification of the chain (against the
 * signed checkpoints too) and a checkpoint signed on demand. The API is {@link AuditApiController}.
 */
@Controller
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

	/** A signed checkpoint now (besides the hourly one). */
	@PostMapping("/admin/audit/checkpoint")
	String checkpointPage(Model model) {
		model.addAttribute("checkpoint", auditLog.checkpoint().orElse(null));
		model.addAttribute("checkpointRefused", model.getAttribute("checkpoint") == null);
		model.addAttribute("entries", auditLog.latest(100));
		return "audit/log";
	}

}
