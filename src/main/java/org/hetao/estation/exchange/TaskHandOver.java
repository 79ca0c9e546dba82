package org.hetao.estation.exchange;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hetao.estation.casework.Applicant;
import org.hetao.estation.casework.CaseView;
import org.hetao.estation.casework.DepartmentSystemActions;
import org.hetao.estation.casework.TaskAccepted;
import org.hetao.estation.casework.TaskView;
import org.hetao.estation.documents.Documents;
import org.hetao.estation.shared.AfterCommit;
import org.springframework.stereotype.Component;

import tools.jackson.databind.ObjectMapper;

/**
 * When the window accepts a task of a connected department, writes the message for the department's system to
 * the outbox after the acceptance commits ({@link AfterCommit}: from the event log, exactly once): form data, material references with their hashes (download links are added
 * at each delivery attempt, being short-lived), and the applicant as far as the department may see them.
 */
@Component
class TaskHandOver {

	private final Connections connections;

	private final DepartmentSystemActions departmentSystems;

	private final Documents documents;

	private final ExchangeOutbox outbox;

	private final ObjectMapper json;

	private final Clock clock;

	TaskHandOver(Connections connections, DepartmentSystemActions departmentSystems, Documents documents,
			ExchangeOutbox outbox, ObjectMapper json, Clock clock) {
		this.connections = connections;
		this.departmentSystems = departmentSystems;
		this.documents = documents;
		this.outbox = outbox;
		this.json = json;
		this.clock = clock;
	}

	@AfterCommit
	void on(TaskAccepted accepted) {
		connections.find(accepted.departmentCode()).ifPresent(connection -> {
			CaseView c = departmentSystems.viewForDepartmentSystem(connection.departmentCode(), accepted.taskId());
			TaskView task = c.task(accepted.taskId());
			String key = idempotencyKey(task);
			String payload = json.writeValueAsString(payload(key, c, task, accepted, connection));
			outbox.insert(new ExchangeOutbox.NewMessage(connection.departmentCode(), c.id(), task.id(),
					c.receiptNumber(), key, payload), clock.instant());
		});
	}

	/** One message per acceptance of a task: a task accepted again after a correction is a new message. */
	static String idempotencyKey(TaskView task) {
		return "estation-task-" + task.id() + "-v" + task.version();
	}

	private Map<String, Object> payload(String key, CaseView c, TaskView task, TaskAccepted accepted,
			Connections.Connection connection) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("messageId", key);
		m.put("type", "TASK_ACCEPTED");
		m.put("department", connection.departmentCode());
		m.put("caseId", c.id());
		m.put("receiptNumber", c.receiptNumber());
		m.put("taskId", task.id());
		m.put("taskVersion", task.version());
		m.put("itemCode", task.itemCode());
		m.put("deadline", task.deadline() == null ? null : task.deadline().toString());
		m.put("acceptedAt", accepted.at().toString());
		m.put("form", task.formData());
		List<Map<String, Object>> materials = new ArrayList<>();
		task.materials().forEach((code, documentId) -> documents.find(documentId).ifPresent(d -> {
			Map<String, Object> material = new LinkedHashMap<>();
			material.put("code", code);
			material.put("documentId", d.id());
			material.put("fileName", d.originalName());
			material.put("contentType", d.contentType());
			material.put("sizeBytes", d.sizeBytes());
			material.put("sha256", d.sha256());
			materials.add(material);
		}));
		m.put("materials", materials);
		m.put("applicant", applicant(c.applicant(), connection.fullIdentity()));
		m.put("eventsPath", "/api/v1/exchange/" + connection.departmentCode() + "/tasks/" + task.id() + "/events");
		return m;
	}

	/** Data minimisation: whole identity number and phone only for a department whose connection needs them. */
	static Map<String, Object> applicant(Applicant a, boolean fullIdentity) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("name", a.name());
		m.put("type", a.type() == null ? null : a.type().name());
		m.put("idDocumentType", a.idDocumentType());
		m.put("idDocumentNumber", fullIdentity ? a.idDocumentNumber() : a.maskedIdNumber());
		m.put("phone", fullIdentity ? a.phone() : a.maskedPhone());
		return m;
	}

}
