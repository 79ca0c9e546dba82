package org.hetao.estation.exchange;

import static org.hetao.estation.shared.Timestamps.ts;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hetao.estation.casework.CaseView;
import org.hetao.estation.casework.Deficiency;
import org.hetao.estation.casework.DepartmentSystemActions;
import org.hetao.estation.casework.TaskView;
import org.hetao.estation.shared.Problem;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * What a connected department's system reports on its tasks: a signed request with the department's own secret
 * ({@link ExchangeSignature}, replay window), a {@code messageId} inside the signed body that is its idempotency
 * key (a repeated message gets the first answer and is applied once), and the step itself through
 * {@link DepartmentSystemActions#actAsDepartmentSystem}: the same lifecycle rules as an officer in the platform.
 */
@Service
public class DepartmentInbound {

	/** The request could not be authenticated as the department's system: answered 401. */
	public static class NotAuthenticated extends RuntimeException {

		private final String messageKey;

		NotAuthenticated(String messageKey) {
			super(messageKey, null, false, false);
			this.messageKey = messageKey;
		}

		public String messageKey() {
			return messageKey;
		}

	}

	private final Connections connections;

	private final DepartmentSystemActions departmentSystems;

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	private final Clock clock;

	private final ExchangeProperties properties;

	private final TransactionTemplate tx;

	DepartmentInbound(Connections connections, DepartmentSystemActions departmentSystems, JdbcClient jdbc,
			ObjectMapper json, Clock clock, ExchangeProperties properties, PlatformTransactionManager transactions) {
		this.connections = connections;
		this.departmentSystems = departmentSystems;
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.properties = properties;
		this.tx = new TransactionTemplate(transactions);
	}

	/**
	 * Handles one signed message about one of the department's tasks.
	 *
	 * @return the JSON answer (the stored one for a repeated message)
	 * @throws NotAuthenticated for an unknown department, a missing, stale or wrong signature
	 * @throws Problem 400 for a malformed message, 404 for a task that is not the department's, 409 for an illegal step
	 */
	public String receive(String departmentCode, long taskId, String timestamp, String signature,
			String idempotencyHeader, byte[] body) {
		Connections.Connection connection = connections.find(departmentCode)
			.orElseThrow(() -> new NotAuthenticated("exchange.error.unknownClient"));
		switch (ExchangeSignature.verify(connection.secret(), timestamp, signature, body, clock.instant(),
				properties.getReplayWindow())) {
			case VALID -> {
			}
			case STALE -> throw new NotAuthenticated("exchange.error.staleTimestamp");
			default -> throw new NotAuthenticated("exchange.error.badSignature");
		}
		Event event = parse(body);
		if (idempotencyHeader != null && !idempotencyHeader.isBlank() && !idempotencyHeader.strip().equals(event.messageId())) {
			throw Problem.invalid("exchange.error.idempotencyMismatch");
		}
		String sha = ExchangeSignature.sha256Hex(body);
		Optional<Stored> earlier = stored(departmentCode, event.messageId());
		if (earlier.isPresent()) {
			return repeat(earlier.get(), taskId, sha);
		}
		try {
			// TransactionTemplate (CONVENTIONS): a racing repeat's transaction must have ended (rolled back) before the
			// first message's stored answer is read below
			return tx.execute(status -> {
				CaseView c = departmentSystems.actAsDepartmentSystem(departmentCode, systemName(departmentCode), taskId,
						event.action(), event.outputs(), event.reason(), event.deficiencies());
				String answer = answer(event.messageId(), c.task(taskId));
				jdbc.sql("""
						insert into exchange_inbound (department_code, idempotency_key, task_id, request_sha256, response_body, received_at)
						values (:d, :k, :t, :sha, :body, :at)""")
					.param("d", departmentCode)
					.param("k", event.messageId())
					.param("t", taskId)
					.param("sha", sha)
					.param("body", answer)
					.param("at", ts(clock.instant()))
					.update();
				return answer;
			});
		}
		catch (Problem | DataIntegrityViolationException | org.springframework.dao.OptimisticLockingFailureException e) {
			// the same message sent twice at once: the first one was applied, answer as it was answered
			Optional<Stored> first = stored(departmentCode, event.messageId());
			if (first.isPresent()) {
				return repeat(first.get(), taskId, sha);
			}
			throw e;
		}
	}

	static String systemName(String departmentCode) {
		return "部門業務系統 department system: " + departmentCode;
	}

	/** One parsed inbound message. */
	record Event(String messageId, DepartmentSystemActions.Action action, Map<String, String> outputs, String reason,
			List<Deficiency> deficiencies) {
	}

	private Event parse(byte[] body) {
		JsonNode node;
		try {
			node = json.readTree(body);
		}
		catch (JacksonException e) {
			throw Problem.invalid("exchange.error.malformed");
		}
		if (node == null || !node.isObject()) {
			throw Problem.invalid("exchange.error.malformed");
		}
		String messageId = text(node, "messageId");
		if (messageId == null || messageId.length() > 100) {
			throw new Problem(Problem.Kind.INVALID, "exchange.error.messageId",
					List.of(new Problem.FieldError("messageId", "exchange.error.messageId")));
		}
		DepartmentSystemActions.Action action;
		try {
			action = DepartmentSystemActions.Action.valueOf(String.valueOf(text(node, "action")));
		}
		catch (IllegalArgumentException e) {
			throw new Problem(Problem.Kind.INVALID, "exchange.error.action",
					List.of(new Problem.FieldError("action", "exchange.error.action")));
		}
		Map<String, String> outputs = new LinkedHashMap<>();
		JsonNode o = node.get("outputs");
		if (o != null && o.isObject()) {
			o.properties().forEach(e -> outputs.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asString() : null));
		}
		List<Deficiency> deficiencies = new ArrayList<>();
		JsonNode missing = node.get("missingMaterials");
		if (missing != null && missing.isArray()) {
			for (JsonNode m : missing) {
				if (m.isString() && !m.asString().isBlank()) {
					deficiencies.add(Deficiency.material(m.asString().strip()));
				}
			}
		}
		JsonNode fields = node.get("fields");
		if (fields != null && fields.isArray()) {
			for (JsonNode f : fields) {
				if (f.isString() && !f.asString().isBlank()) {
					deficiencies.add(Deficiency.field(f.asString().strip()));
				}
			}
		}
		String note = text(node, "note");
		if (note != null) {
			deficiencies.add(Deficiency.note(note.length() > 2000 ? note.substring(0, 2000) : note));
		}
		return new Event(messageId.strip(), action, outputs, text(node, "reason"), deficiencies);
	}

	private static String text(JsonNode node, String field) {
		JsonNode v = node.get(field);
		return v == null || !v.isString() || v.asString().isBlank() ? null : v.asString();
	}

	private String answer(String messageId, TaskView task) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("messageId", messageId);
		m.put("taskId", task.id());
		m.put("status", task.status().name());
		m.put("version", task.version());
		return json.writeValueAsString(m);
	}

	private record Stored(long taskId, String sha256, String answer) {
	}

	private Optional<Stored> stored(String departmentCode, String key) {
		return jdbc.sql("select task_id, request_sha256, response_body from exchange_inbound where department_code = :d and idempotency_key = :k")
			.param("d", departmentCode)
			.param("k", key)
			.query((rs, n) -> new Stored(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.optional();
	}

	private static String repeat(Stored stored, long taskId, String sha) {
		if (stored.taskId() != taskId || !stored.sha256().equals(sha)) {
			throw Problem.conflict("exchange.error.idempotencyReused");
		}
		return stored.answer();
	}

	Instant now() {
		return clock.instant();
	}

}
