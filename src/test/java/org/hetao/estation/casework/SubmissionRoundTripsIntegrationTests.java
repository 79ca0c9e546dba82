package org.hetao.estation.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;


import org.hetao.estation.documents.Documents;
import org.hetao.estation.identity.Accounts;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.support.CountingStatements;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.ObjectMapper;

/**
 * The submission hot path in database round trips: one matter of seven items (HK-STARTUP-SETTLE) through
 * {@code POST /api/v1/applications}, every statement the application sends counted through a
 * counting {@link DataSource}. Guards against N+1 reads and row-by-row inserts coming back.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(CountingStatements.class)
class SubmissionRoundTripsIntegrationTests {

	/** Statements one submission may send (it sent 47 before batching: seven tasks, their timeline, one supervision row each). */
	static final int MAX_ROUND_TRIPS = 25;

	/**
	 * Statements of the request's own transaction: the key, the materials' owner, the receipt number, the case, its
	 * tasks, materials and timeline (three batches), the events in one batch and their audit records in another (#17: it was 19 with the derived
	 * work inside).
	 */
	static final int MAX_OWN_ROUND_TRIPS = 9;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Documents documents;

	@Autowired
	ObjectMapper json;

	@Autowired
	CaseReading reading;

	@Autowired
	TaskHandling handling;

	@Test
	void aMatterOfSevenItemsIsStoredInFewRoundTrips() throws Exception {
		EstationUser enterprise = accounts.findByUsername("enterprise-hk").orElseThrow();
		String company = "往返測試 " + UUID.randomUUID();
		Map<String, String> answers = new HashMap<>(CaseworkIntegrationTests.ANSWERS);
		answers.put("shared.companyName", company);
		String body = json.writeValueAsString(Map.of("matterCode", CaseworkIntegrationTests.MATTER, "answers", answers,
				"materials", Map.of("ATTESTED_DOCUMENT", document(enterprise), "HK_BR_CERTIFICATE", document(enterprise),
						"AGENT_AUTHORISATION", document(enterprise))));
		// one submission first, so that the day's receipt counter exists and caches are warm
		assertThat(submit(enterprise, body.replace(company, "往返測試 " + UUID.randomUUID()))).hasStatus(201);

		CountingStatements.statements.clear();
		// this request's statements only (MockMvc and the inline event worker run on this thread), not the audit
		// chain's scheduled job that may run meanwhile
		CountingStatements.only = Thread.currentThread();
		CountingStatements.on = true;
		MvcTestResult result;
		try {
			result = submit(enterprise, body);
		}
		finally {
			CountingStatements.on = false;
			CountingStatements.only = null;
		}
		assertThat(result).hasStatus(201);
		List<String> statements = new ArrayList<>(CountingStatements.statements);
		System.out.printf("One submission of %s: %d statements%n  %s%n", CaseworkIntegrationTests.MATTER,
				statements.size(), String.join("\n  ", statements));
		assertThat(statements).hasSizeLessThanOrEqualTo(MAX_ROUND_TRIPS);
		// The request's own work ends where the derived work begins, at the first read of the event log (in production
		// after the commit, on the worker, in batches of many submissions; in the tests just before the commit).
		int own = (int) statements.stream().takeWhile(sql -> !sql.contains("from event_log")).count();
		System.out.printf("  of which the request's own: %d; derived work applied from the event log: %d%n", own,
				statements.size() - own);
		assertThat(own).as("statements of the request's own transaction").isLessThanOrEqualTo(MAX_OWN_ROUND_TRIPS);
		assertThat(statements.subList(0, own)).as("no derived work inside the request's transaction")
			.noneMatch(sql -> sql.contains("notification") || sql.contains("supervision_") || sql.contains("feedback_"));

		// and everything was stored: the case, one task per item of the matter, their timeline, the read models
		String receipt = json.readTree(result.getResponse().getContentAsString()).get("receiptNumber").asString();
		long caseId = jdbc.sql("select id from casework_case where receipt_number = :r").param("r", receipt)
			.query(Long.class)
			.single();
		assertThat(jdbc.sql("select count(*) from casework_task where case_id = :c and form_data like :company")
			.param("c", caseId)
			.param("company", "%" + company + "%")
			.query(Long.class)
			.single()).isPositive();
		long tasks = jdbc.sql("select count(*) from casework_task where case_id = :c").param("c", caseId)
			.query(Long.class)
			.single();
		assertThat(tasks).isEqualTo(7);
		assertThat(jdbc.sql("select count(*) from casework_timeline where case_id = :c").param("c", caseId)
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(tasks);
		assertThat(jdbc.sql("select count(*) from casework_task_material m join casework_task t on t.id = m.task_id "
				+ "where t.case_id = :c").param("c", caseId).query(Long.class).single()).isGreaterThanOrEqualTo(3);
		assertThat(jdbc.sql("select count(*) from supervision_task where case_id = :c").param("c", caseId)
			.query(Long.class)
			.single()).isEqualTo(tasks);
	}

	/**
	 * A case step (#17 item 4): one statement reads the case (locked), its tasks and their materials; then the task's
	 * conditional update, its timeline entry, the case row (accepting sets the latest deadline), the event and its
	 * audit record. No timeline read, no rewrite of the other tasks or of the materials.
	 */
	@Test
	void aCaseStepReadsOnceAndWritesOnlyWhatChanged() throws Exception {
		EstationUser clerk = accounts.findByUsername("clerk").orElseThrow();
		// a first step on another case, so that the working-day calendars are loaded (once per node)
		TaskView first = submittedTaskWithMaterials(clerk);
		handling.accept(clerk, first.id(), first.version(), CaseChannel.WINDOW);
		TaskView task = submittedTaskWithMaterials(clerk);
		long caseId = jdbc.sql("select case_id from casework_task where id = :t").param("t", task.id())
			.query(Long.class)
			.single();
		List<TaskVersion> before = versions(caseId);

		CountingStatements.statements.clear();
		CountingStatements.only = Thread.currentThread();
		CountingStatements.on = true;
		CaseView after;
		try {
			after = handling.accept(clerk, task.id(), task.version(), CaseChannel.WINDOW);
		}
		finally {
			CountingStatements.on = false;
			CountingStatements.only = null;
		}
		List<String> statements = new ArrayList<>(CountingStatements.statements);
		int own = (int) statements.stream().takeWhile(sql -> !sql.contains("from event_log")).count();
		List<String> step = statements.subList(0, own);
		System.out.printf("One step (accept): %d statements of its own%n  %s%n", own, String.join("\n  ", step));

		assertThat(after.task(task.id()).status()).isEqualTo(TaskStatus.ACCEPTED);
		assertThat(after.task(task.id()).materials()).as("read with the step's one statement")
			.isEqualTo(task.materials());
		assertThat(step.stream().filter(sql -> sql.stripLeading().toLowerCase().startsWith("select")))
			.as("one read: the case, its tasks and their materials").hasSize(1)
			.allMatch(sql -> sql.contains("for update") && sql.contains("casework_task_material"));
		assertThat(step).as("the timeline is appended to, not read").noneMatch(sql -> sql.contains("from casework_timeline"));
		assertThat(step).as("the material rows are not rewritten").noneMatch(sql -> sql.contains("casework_task_material")
				&& !sql.stripLeading().toLowerCase().startsWith("select"));
		assertThat(step.stream().filter(sql -> sql.contains("update casework_task ")))
			.as("one conditional update, of the accepted task only").hasSize(1)
			.allMatch(sql -> sql.contains("version = "));
		// read, task, timeline, case row, the events (TaskAccepted, and since #19 TaskClockChanged, which supervision
		// and the escalation follow) in one batch, their audit records in another
		assertThat(step).hasSizeLessThanOrEqualTo(6);
		assertThat(step.stream().filter(sql -> sql.contains("insert into event_log"))).as("the acceptance and the clock's start")
			.hasSize(1).allMatch(sql -> sql.startsWith("[batch]"));
		assertThat(step.stream().filter(sql -> sql.contains("insert into audit_pending"))).as("their audit records")
			.hasSize(1).allMatch(sql -> sql.startsWith("[batch]"));
		List<TaskVersion> now = versions(caseId);
		assertThat(now).as("the other tasks are untouched")
			.filteredOn(v -> v.id() != task.id())
			.containsExactlyElementsOf(before.stream().filter(v -> v.id() != task.id()).toList());
	}

	TaskView submittedTaskWithMaterials(EstationUser clerk) throws Exception {
		EstationUser enterprise = accounts.findByUsername("enterprise-hk").orElseThrow();
		Map<String, String> answers = new HashMap<>(CaseworkIntegrationTests.ANSWERS);
		answers.put("shared.companyName", "步驟測試 " + UUID.randomUUID());
		String body = json.writeValueAsString(Map.of("matterCode", CaseworkIntegrationTests.MATTER, "answers", answers,
				"materials", Map.of("ATTESTED_DOCUMENT", document(enterprise), "HK_BR_CERTIFICATE", document(enterprise),
						"AGENT_AUTHORISATION", document(enterprise))));
		MvcTestResult submitted = submit(enterprise, body);
		assertThat(submitted).hasStatus(201);
		long caseId = json.readTree(submitted.getResponse().getContentAsString()).get("caseId").asLong();
		return reading.view(clerk, caseId).tasks().stream()
			.filter(t -> t.status() == TaskStatus.SUBMITTED && !t.materials().isEmpty())
			.findFirst()
			.orElseThrow();
	}

	record TaskVersion(long id, int version) {
	}

	List<TaskVersion> versions(long caseId) {
		return jdbc.sql("select id, version from casework_task where case_id = :c order by id").param("c", caseId)
			.query((rs, n) -> new TaskVersion(rs.getLong(1), rs.getInt(2)))
			.list();
	}

	long document(EstationUser owner) {
		return documents.upload(owner.id(), "scan.pdf", CaseworkIntegrationTests.PDF, "file").id();
	}

	MvcTestResult submit(EstationUser owner, String body) {
		return mvc.post()
			.uri("/api/v1/applications")
			.with(user(owner))
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

}
