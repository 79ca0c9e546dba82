package org.hetao.estation.exchange.web;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.hetao.estation.documents.DocumentDownload;
import org.hetao.estation.documents.DocumentInfo;
import org.hetao.estation.exchange.DepartmentHealth;
import org.hetao.estation.exchange.DepartmentInbound;
import org.hetao.estation.exchange.ExchangeHealth;
import org.hetao.estation.exchange.ExchangeMessage;
import org.hetao.estation.exchange.ExchangeSignature;
import org.hetao.estation.exchange.MaterialDownloads;
import org.hetao.estation.identity.CurrentUser;
import org.hetao.estation.portal.Problems;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.RequestContextUtils;

/** The exchange's API: what department systems call (signed), and what staff read. */
@RestController
@RequestMapping("/api/v1/exchange")
@Tag(name = "Exchange with department systems",
		description = "Connected departments' systems report their decisions; signed with the department's own secret: "
				+ "X-Estation-Timestamp (epoch seconds, ±5 min) and X-Estation-Signature: sha256=<hex HMAC-SHA256(secret, "
				+ "timestamp + \".\" + body)>. The same scheme signs the platform's deliveries to them.")
class ExchangeApiController {

	private final DepartmentInbound inbound;

	private final ExchangeHealth health;

	private final MaterialDownloads downloads;

	private final Problems problems;

	ExchangeApiController(DepartmentInbound inbound, ExchangeHealth health, MaterialDownloads downloads,
			Problems problems) {
		this.inbound = inbound;
		this.health = health;
		this.downloads = downloads;
		this.problems = problems;
	}

	@PostMapping(path = "/{department}/tasks/{taskId}/events", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@io.swagger.v3.oas.annotations.security.SecurityRequirement(name = ExchangeWebConfiguration.DEPARTMENT_SIGNATURE)
	@Operation(summary = "Department system: report a step on one of its own tasks",
			description = "Body: {\"messageId\": \"unique per message (idempotency key)\", \"action\": \"START_REVIEW | "
					+ "APPROVE | REFUSE | REQUEST_CORRECTION\", \"outputs\": {\"recordNumber\": \"…\"}, \"reason\": \"…\", "
					+ "\"missingMaterials\": [\"CODE\"], \"note\": \"…\"}. Answers {messageId, taskId, status, version}; "
					+ "the same messageId again gets the same answer, applied once. 401 bad or stale signature, 404 a task "
					+ "of another department, 409 a step the task's status does not allow.")
	ResponseEntity<String> event(@PathVariable String department, @PathVariable long taskId,
			@Parameter(description = "epoch seconds") @RequestHeader(name = ExchangeSignature.TIMESTAMP_HEADER, required = false) String timestamp,
			@Parameter(description = "sha256=<hex>") @RequestHeader(name = ExchangeSignature.SIGNATURE_HEADER, required = false) String signature,
			@RequestHeader(name = ExchangeSignature.IDEMPOTENCY_HEADER, required = false) String idempotencyKey,
			@RequestBody byte[] body) {
		String answer = inbound.receive(department, taskId, timestamp, signature, idempotencyKey, body);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer);
	}

	@ExceptionHandler(DepartmentInbound.NotAuthenticated.class)
	ResponseEntity<ProblemDetail> notAuthenticated(DepartmentInbound.NotAuthenticated e, HttpServletRequest request) {
		ProblemDetail problem = problems.of(401, e.messageKey(), null, RequestContextUtils.getLocale(request),
				request.getRequestURI());
		return ResponseEntity.status(401)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.header(HttpHeaders.WWW_AUTHENTICATE, "Signature realm=\"estation-exchange\"")
			.body(problem);
	}

	@GetMapping("/documents/{documentId}")
	@Operation(summary = "Department system: download a material through the short-lived signed link of a message")
	ResponseEntity<InputStreamResource> document(@PathVariable long documentId, @RequestParam String department,
			@RequestParam long task, @RequestParam long expires, @RequestParam String signature) {
		DocumentInfo document = downloads.check(department, task, documentId, expires, signature);
		return DocumentDownload.body(DocumentDownload.of(document).header(HttpHeaders.CACHE_CONTROL, "no-store"),
				downloads.open(document));
	}

	record HealthResponse(String department, long delivered, long pending, long failed, String lastError,
			Instant lastErrorAt, Instant lastDeliveredAt) {
	}

	@GetMapping("/health")
	@Operation(summary = "Staff: each connected department's exchange health (officers: their own department)")
	List<HealthResponse> health() {
		return health.health(CurrentUser.require())
			.stream()
			.map(ExchangeApiController::response)
			.toList();
	}

	record MessageResponse(long id, String department, long taskId, String receiptNumber, String idempotencyKey,
			String status, int attempts, Instant nextAttemptAt, Instant lastAttemptAt, String lastError,
			Instant createdAt, Instant deliveredAt) {
	}

	@GetMapping("/{department}/dead-letters")
	@Operation(summary = "Staff: a connected department's dead letters (every delivery attempt failed)")
	List<MessageResponse> deadLetters(@PathVariable String department) {
		return health.deadLetters(CurrentUser.require(), department).stream().map(ExchangeApiController::response).toList();
	}

	@PostMapping("/messages/{id}/redeliver")
	@Operation(summary = "Staff: send a dead letter again, with a fresh round of attempts (409 if it is not dead)")
	MessageResponse redeliver(@PathVariable long id) {
		return response(health.redeliver(CurrentUser.require(), id));
	}

	static HealthResponse response(DepartmentHealth h) {
		return new HealthResponse(h.departmentCode(), h.delivered(), h.pending(), h.failed(), h.lastError(),
				h.lastErrorAt(), h.lastDeliveredAt());
	}

	static MessageResponse response(ExchangeMessage m) {
		return new MessageResponse(m.id(), m.departmentCode(), m.taskId(), m.receiptNumber(), m.idempotencyKey(),
				m.status().name(), m.attempts(), m.nextAttemptAt(), m.lastAttemptAt(), m.lastError(), m.createdAt(),
				m.deliveredAt());
	}

}
