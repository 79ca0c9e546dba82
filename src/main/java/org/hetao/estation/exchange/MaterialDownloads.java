package org.hetao.estation.exchange;

import java.io.InputStream;
import java.time.Clock;

import org.hetao.estation.casework.DepartmentSystemActions;
import org.hetao.estation.casework.TaskView;
import org.hetao.estation.documents.DocumentInfo;
import org.hetao.estation.documents.Documents;
import org.hetao.estation.shared.Problem;
import org.springframework.stereotype.Service;

/**
 * The material documents of a task handed to a department's system, read through the short-lived signed links of
 * its message: only a valid, unexpired link to a material of that department's task opens a document; anything
 * else answers 404.
 */
@Service
public class MaterialDownloads {

	private final Connections connections;

	private final DepartmentSystemActions departmentSystems;

	private final Documents documents;

	private final Clock clock;

	MaterialDownloads(Connections connections, DepartmentSystemActions departmentSystems, Documents documents,
			Clock clock) {
		this.connections = connections;
		this.departmentSystems = departmentSystems;
		this.documents = documents;
		this.clock = clock;
	}

	public DocumentInfo check(String departmentCode, long taskId, long documentId, long expires, String signature) {
		if (departmentCode == null || !connections.connected(departmentCode)
				|| !connections.links().valid(departmentCode, taskId, documentId, expires, signature, clock.instant())) {
			throw Problem.notFound("exchange.error.linkInvalid");
		}
		TaskView task = departmentSystems.viewForDepartmentSystem(departmentCode, taskId).task(taskId);
		if (!task.materials().containsValue(documentId)) {
			throw Problem.notFound("exchange.error.linkInvalid");
		}
		return documents.find(documentId).orElseThrow(() -> Problem.notFound("exchange.error.linkInvalid"));
	}

	public InputStream open(DocumentInfo document) {
		return documents.open(document);
	}

}
