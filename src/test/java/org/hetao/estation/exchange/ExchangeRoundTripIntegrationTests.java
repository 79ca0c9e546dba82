package org.hetao.estation.exchange;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.hetao.estation.casework.Applying;
import org.hetao.estation.casework.CaseChannel;
import org.hetao.estation.casework.CaseReading;
import org.hetao.estation.casework.CaseView;
import org.hetao.estation.casework.FieldRules;
import org.hetao.estation.casework.TaskHandling;
import org.hetao.estation.casework.TaskStatus;
import org.hetao.estation.casework.TaskView;
import org.hetao.estation.documents.Documents;
import org.hetao.estation.identity.Accounts;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.shared.Problem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The round trip with reference department systems (customs and tax, in-process HTTP servers): a customs task
 * accepted at the window is delivered signed, a lost answer makes a duplicate delivery that still gives one case
 * there, the department approves through the signed inbound API and the task is approved in the platform; an
 * outage is retried with backoff into a dead letter that staff redeliver after recovery; bad signatures answer
 * 401, another department's task 404, an illegal step 409.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class ExchangeRoundTripIntegrationTests {

	static final String CUSTOMS_SECRET = "test-only-customs-secret-0123456789abcdef";

	static final String TAX_SECRET = "test-only-tax-secret-0123456789abcdefghijk";

	static final ReferenceDepartmentSystem customs = new ReferenceDepartmentSystem("customs", CUSTOMS_SECRET);

	static final ReferenceDepartmentSystem tax = new ReferenceDepartmentSystem("tax", TAX_SECRET);

	static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	@DynamicPropertySource
	static void connect(DynamicPropertyRegistry registry) {
		registry.add("estation.exchange.connections.customs.endpoint", customs::endpoint);
		registry.add("estation.exchange.connections.customs.secret", () -> CUSTOMS_SECRET);
		registry.add("estation.exchange.connections.tax.endpoint", tax::endpoint);
		registry.add("estation.exchange.connections.tax.secret", () -> TAX_SECRET);
		registry.add("estation.exchange.link-secret", () -> "test-only-link-secret-0123456789abcdefgh");
		registry.add("estation.exchange.max-attempts", () -> "3");
		registry.add("estation.exchange.retry-base", () -> "PT10S");
		registry.add("estation.exchange.retry-max", () -> "PT1M");
		registry.add("estation.exchange.request-timeout", () -> "PT5S");
	}

	@AfterAll
	static void stop() {
		customs.close();
		tax.close();
	}

	@AfterEach
	void up() {
		customs.mode(ReferenceDepartmentSystem.Mode.UP);
	}

	@LocalServerPort
	int port;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	Documents documents;

	@Autowired
	Applying applying;

	@Autowired
	CaseReading reading;

	@Autowired
	TaskHandling handling;

	@Autowired
	ExchangeDispatcher dispatcher;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectMapper json;

	EstationUser account(String username) {
		return accounts.findByUsername(username).orElseThrow();
	}

	/** A customs task (CUS-025, food importer record-filing) of enterprise-hk, accepted at the window. */
	TaskView acceptedCustomsTask(String companyName) {
		EstationUser enterprise = account("enterprise-hk");
		Map<String, String> answers = new HashMap<>();
		answers.put("item.CUS-025.companyName", companyName);
		answers.put("item.CUS-025.creditCode", FieldRules.withCheckCharacter("91440300MA5D12345"));
		answers.put("item.CUS-025.customsCode", "4403123456");
		answers.put("item.CUS-025.legalRepName", "陳大文");
		answers.put("item.CUS-025.contactPhone", "+852 9123 4567");
		Map<String, Long> materials = Map.of("BUSINESS_LICENCE",
				documents.upload(enterprise.id(), "licence.pdf", PDF, "file").id(), "LEGAL_REP_ID_COPY",
				documents.upload(enterprise.id(), "id.pdf", PDF, "file").id());
		var receipt = applying.submit(enterprise, new Applying.Request("CUS-025", null, answers, materials),
				UUID.randomUUID().toString());
		EstationUser clerk = account("clerk");
		long taskId = reading.view(clerk, receipt.caseId()).tasks().get(0).id();
		CaseView accepted = handling.accept(clerk, taskId, null, CaseChannel.WINDOW);
		return accepted.task(taskId);
	}

	Map<String, Object> outboxRow(long taskId) {
		return jdbc.sql("select * from exchange_outbox where task_id = :t").param("t", taskId).query().singleRow();
	}

	TaskView task(long taskId) {
		return reading.viewTask(account("clerk"), taskId).task(taskId);
	}

	JsonNode body(HttpResponse<String> response) {
		return json.readTree(response.body());
	}

	@Test
	void deliveredOnceAsOneCaseThereDecidedThereAndApprovedHere() throws Exception {
		TaskView accepted = acceptedCustomsTask("往返測試 " + UUID.randomUUID());
		long taskId = accepted.id();
		String key = "estation-task-" + taskId + "-v" + accepted.version();

		// written in the accepting transaction
		Map<String, Object> row = outboxRow(taskId);
		assertThat(row.get("status")).isEqualTo("PENDING");
		assertThat(row.get("idempotency_key")).isEqualTo(key);
		assertThat(row.get("department_code")).isEqualTo("customs");

		// the department opens the case but its answer is lost: the platform retries
		customs.mode(ReferenceDepartmentSystem.Mode.ANSWER_LOST);
		dispatcher.dispatchDue();
		assertThat(outboxRow(taskId)).containsEntry("status", "PENDING").containsEntry("attempts", 1);
		assertThat((String) outboxRow(taskId).get("last_error")).startsWith("HTTP 500");
		assertThat(customs.casesOfTask(taskId)).isEqualTo(1);

		customs.mode(ReferenceDepartmentSystem.Mode.UP);
		dispatcher.dispatchDue(Instant.now().plus(Duration.ofMinutes(5)));
		assertThat(outboxRow(taskId)).containsEntry("status", "DELIVERED").containsEntry("attempts", 2);
		assertThat(outboxRow(taskId).get("delivered_at")).isNotNull();
		assertThat(customs.deliveriesOf(key)).as("delivered twice").isEqualTo(2);
		assertThat(customs.casesOfTask(taskId)).as("one case at the department").isEqualTo(1);
		assertThat(customs.rejectedSignatures()).isZero();

		// what the department received: form data, materials with hashes and working short-lived links
		JsonNode message = customs.caseFor(key).message();
		assertThat(message.get("messageId").asString()).isEqualTo(key);
		assertThat(message.get("itemCode").asString()).isEqualTo("CUS-025");
		assertThat(message.get("form").get("customsCode").asString()).isEqualTo("4403123456");
		assertThat(message.get("applicant").get("name").asString()).isNotBlank();
		assertThat(message.get("eventsUrl").asString())
			.isEqualTo("http://localhost:" + port + "/api/v1/exchange/customs/tasks/" + taskId + "/events");
		assertThat(message.get("materials")).hasSize(2);
		JsonNode material = message.get("materials").get(0);
		HttpResponse<byte[]> download = customs.download(material.get("downloadUrl").asString());
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(ExchangeSignature.sha256Hex(download.body())).isEqualTo(material.get("sha256").asString());
		String tampered = material.get("downloadUrl").asString().replaceFirst("task=" + taskId, "task=" + (taskId + 1));
		assertThat(customs.download(tampered).statusCode()).isEqualTo(404);
		String url = material.get("downloadUrl").asString();
		int at = url.indexOf("signature=") + "signature=".length();
		String forged = url.substring(0, at) + (url.charAt(at) == '0' ? '1' : '0') + url.substring(at + 1);
		assertThat(customs.download(forged).statusCode()).isEqualTo(404);

		// nobody decides it twice: the customs officer's work queue is read-only for it
		EstationUser officer = account("officer-customs");
		assertThatThrownBy(() -> handling.startReview(officer, taskId, null, CaseChannel.WINDOW))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.messageKey())
				.isEqualTo("casework.error.handledInDepartmentSystem"));
		MvcTestResult page = mvc.get().uri("/work-queue/tasks/" + taskId).with(user(officer))
			.header("Accept-Language", "en").exchange();
		assertThat(page).hasStatusOk();
		assertThat(page.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("class=\"notice department-system\"")
			.doesNotContain("/work-queue/tasks/" + taskId + "/start-review");

		// the department's system reports back, signed
		HttpResponse<String> review = customs.report(port, taskId,
				"{\"messageId\":\"ref-review-" + taskId + "\",\"action\":\"START_REVIEW\"}");
		assertThat(review.statusCode()).isEqualTo(200);
		assertThat(body(review).get("status").asString()).isEqualTo("UNDER_REVIEW");

		String approval = "{\"messageId\":\"ref-approve-" + taskId
				+ "\",\"action\":\"APPROVE\",\"outputs\":{\"recordNumber\":\"REC-" + taskId + "\"}}";
		HttpResponse<String> approved = customs.report(port, taskId, approval);
		assertThat(approved.statusCode()).isEqualTo(200);
		assertThat(body(approved).get("status").asString()).isEqualTo("APPROVED");
		assertThat(task(taskId).status()).isEqualTo(TaskStatus.APPROVED);
		assertThat(task(taskId).outputs()).containsEntry("recordNumber", "REC-" + taskId);

		// the same message again: the same answer, applied once
		HttpResponse<String> again = customs.report(port, taskId, approval);
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(again.body()).isEqualTo(approved.body());
		assertThat(jdbc.sql("select count(*) from exchange_inbound where department_code = 'customs' and idempotency_key = :k")
			.param("k", "ref-approve-" + taskId).query(Long.class).single()).isEqualTo(1);
		CaseView theCase = reading.viewTask(account("clerk"), taskId);
		assertThat(theCase.timeline().stream().filter(e -> "APPROVE".equals(e.action())).count()).isEqualTo(1);
		assertThat(theCase.timeline().stream().filter(e -> "APPROVE".equals(e.action())).findFirst().orElseThrow()
			.actor().role()).isEqualTo("SYSTEM");

		// the same messageId with another content is refused
		HttpResponse<String> reused = customs.report(port, taskId,
				"{\"messageId\":\"ref-approve-" + taskId + "\",\"action\":\"REFUSE\",\"reason\":\"no\"}");
		assertThat(reused.statusCode()).isEqualTo(409);

		// an illegal step: refusing an approved task
		HttpResponse<String> illegal = customs.report(port, taskId,
				"{\"messageId\":\"ref-refuse-" + taskId + "\",\"action\":\"REFUSE\",\"reason\":\"late\"}");
		assertThat(illegal.statusCode()).isEqualTo(409);
		assertThat(illegal.headers().firstValue("Content-Type")).hasValueSatisfying(
				t -> assertThat(t).startsWith("application/problem+json"));
		assertThat(body(illegal).get("status").asInt()).isEqualTo(409);
		assertThat(task(taskId).status()).isEqualTo(TaskStatus.APPROVED);
	}

	@Test
	void anOutageIsRetriedWithBackoffIntoADeadLetterThatStaffRedeliverAfterRecovery() throws Exception {
		customs.mode(ReferenceDepartmentSystem.Mode.FAILING);
		TaskView accepted = acceptedCustomsTask("停機測試 " + UUID.randomUUID());
		long taskId = accepted.id();
		long id = ((Number) outboxRow(taskId).get("id")).longValue();

		Instant t0 = Instant.now();
		dispatcher.dispatchDue(t0);
		Map<String, Object> first = outboxRow(taskId);
		assertThat(first).containsEntry("status", "PENDING").containsEntry("attempts", 1);
		assertThat((String) first.get("last_error")).startsWith("HTTP 503");
		Instant next1 = instant(first.get("next_attempt_at"));
		assertThat(next1).isBetween(t0.plusSeconds(5), t0.plusSeconds(10));

		dispatcher.dispatchDue(t0.plusSeconds(4));
		assertThat(outboxRow(taskId)).as("not due before its backoff").containsEntry("attempts", 1);

		customs.mode(ReferenceDepartmentSystem.Mode.DOWN);
		Instant t1 = t0.plusSeconds(11);
		dispatcher.dispatchDue(t1);
		Map<String, Object> second = outboxRow(taskId);
		assertThat(second).containsEntry("status", "PENDING").containsEntry("attempts", 2);
		assertThat((String) second.get("last_error")).doesNotStartWith("HTTP");
		assertThat(instant(second.get("next_attempt_at"))).as("twice the wait")
			.isBetween(t1.plusSeconds(10), t1.plusSeconds(20));

		dispatcher.dispatchDue(t1.plus(Duration.ofHours(1)));
		assertThat(outboxRow(taskId)).containsEntry("status", "DEAD").containsEntry("attempts", 3);
		assertThat(customs.casesOfTask(taskId)).isZero();

		// staff see it
		EstationUser supervisor = account("supervisor");
		MvcTestResult health = mvc.get().uri("/api/v1/exchange/health").with(user(supervisor)).exchange();
		assertThat(health).hasStatusOk();
		JsonNode customsHealth = null;
		for (JsonNode h : json.readTree(health.getResponse().getContentAsString(StandardCharsets.UTF_8))) {
			if ("customs".equals(h.get("department").asString())) {
				customsHealth = h;
			}
		}
		assertThat(customsHealth).isNotNull();
		assertThat(customsHealth.get("failed").asLong()).isGreaterThanOrEqualTo(1);
		assertThat(customsHealth.get("lastError").asString()).isNotBlank();
		MvcTestResult page = mvc.get().uri("/exchange").with(user(supervisor)).header("Accept-Language", "en").exchange();
		assertThat(page).hasStatusOk();
		assertThat(page.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("estation-task-" + taskId + "-v")
			.contains("/exchange/messages/" + id + "/redeliver");
		MvcTestResult inspect = mvc.get().uri("/exchange/messages/" + id).with(user(supervisor)).exchange();
		assertThat(inspect).hasStatusOk();
		assertThat(inspect.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("CUS-025");

		// recovery, then staff redeliver (CSRF, audited)
		customs.mode(ReferenceDepartmentSystem.Mode.UP);
		assertThat(mvc.post().uri("/exchange/messages/" + id + "/redeliver").with(user(supervisor)).exchange())
			.as("no CSRF token").hasStatus(403);
		assertThat(outboxRow(taskId)).containsEntry("status", "DEAD");
		MvcTestResult redeliver = mvc.post().uri("/exchange/messages/" + id + "/redeliver").with(user(supervisor))
			.with(csrf()).exchange();
		assertThat(redeliver).hasStatus3xxRedirection().hasRedirectedUrl("/exchange");
		assertThat(outboxRow(taskId)).containsEntry("status", "PENDING").containsEntry("attempts", 0);
		assertThat(jdbc.sql("""
				select count(*) from (select action, target from audit_pending union all select action, target from audit_log) a
				where action = 'exchange.ExchangeRedeliveryRequested' and target = :t""")
			.param("t", "taskId:" + taskId).query(Long.class).single()).isEqualTo(1);

		dispatcher.dispatchDue();
		assertThat(outboxRow(taskId)).containsEntry("status", "DELIVERED");
		assertThat(customs.casesOfTask(taskId)).isEqualTo(1);

		// a delivered message is no dead letter
		MvcTestResult twice = mvc.post().uri("/api/v1/exchange/messages/" + id + "/redeliver").with(user(supervisor))
			.with(csrf()).exchange();
		assertThat(twice).hasStatus(409);
	}

	@Test
	void badSignaturesAnotherDepartmentsTaskAndMalformedMessagesAreRefused() {
		TaskView accepted = acceptedCustomsTask("簽名測試 " + UUID.randomUUID());
		long taskId = accepted.id();
		String body = "{\"messageId\":\"sig-" + taskId + "\",\"action\":\"START_REVIEW\"}";

		HttpResponse<String> wrongKey = customs.report(port, "customs", taskId, body, TAX_SECRET, Instant.now());
		assertThat(wrongKey.statusCode()).isEqualTo(401);
		assertThat(wrongKey.headers().firstValue("Content-Type")).hasValueSatisfying(
				t -> assertThat(t).startsWith("application/problem+json"));
		assertThat(body(wrongKey).get("detail").asString()).contains("signature");

		HttpResponse<String> stale = customs.report(port, "customs", taskId, body, CUSTOMS_SECRET,
				Instant.now().minus(Duration.ofMinutes(6)));
		assertThat(stale.statusCode()).isEqualTo(401);
		assertThat(body(stale).get("detail").asString()).contains("timestamp");

		HttpResponse<String> unknown = customs.report(port, "no-such-department", taskId, body, CUSTOMS_SECRET,
				Instant.now());
		assertThat(unknown.statusCode()).isEqualTo(401);

		// the tax department's system, correctly signed with its own secret, may not touch a customs task
		HttpResponse<String> otherDepartment = tax.report(port, taskId, body);
		assertThat(otherDepartment.statusCode()).isEqualTo(404);
		assertThat(body(otherDepartment).get("status").asInt()).isEqualTo(404);

		HttpResponse<String> malformed = customs.report(port, taskId, "{\"messageId\":\"m-" + taskId + "\",\"action\":\"DANCE\"}");
		assertThat(malformed.statusCode()).isEqualTo(400);
		HttpResponse<String> notJson = customs.report(port, taskId, "approve it");
		assertThat(notJson.statusCode()).isEqualTo(400);

		assertThat(task(taskId).status()).as("nothing applied").isEqualTo(TaskStatus.ACCEPTED);
		assertThat(jdbc.sql("select count(*) from exchange_inbound where task_id = :t").param("t", taskId)
			.query(Long.class).single()).isZero();

		// the correctly signed message is taken
		HttpResponse<String> ok = customs.report(port, taskId, body);
		assertThat(ok.statusCode()).isEqualTo(200);
		assertThat(task(taskId).status()).isEqualTo(TaskStatus.UNDER_REVIEW);
	}

	@Test
	void twoDispatchersAtOnceDeliverAMessageOnce() throws Exception {
		TaskView accepted = acceptedCustomsTask("並發測試 " + UUID.randomUUID());
		String key = "estation-task-" + accepted.id() + "-v" + accepted.version();
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
			java.util.List<java.util.concurrent.Future<Integer>> runs = new java.util.ArrayList<>();
			for (int i = 0; i < 2; i++) {
				runs.add(pool.submit(() -> {
					start.await();
					return dispatcher.dispatchDue();
				}));
			}
			start.countDown();
			for (var run : runs) {
				run.get(60, java.util.concurrent.TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(outboxRow(accepted.id())).containsEntry("status", "DELIVERED").containsEntry("attempts", 1);
		assertThat(customs.deliveriesOf(key)).as("claimed by one dispatcher only").isEqualTo(1);
	}

	@Test
	void theInboundApiIsDocumented() throws Exception {
		MvcTestResult docs = mvc.get().uri("/v3/api-docs").exchange();
		assertThat(docs).hasStatusOk();
		assertThat(docs.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("/api/v1/exchange/{department}/tasks/{taskId}/events")
			.contains("/api/v1/exchange/health");
	}

	@Test
	void theExchangePageShowsOfficersTheirOwnDepartmentOnly() throws Exception {
		MvcTestResult supervisorPage = mvc.get().uri("/exchange").with(user(account("supervisor")))
			.header("Accept-Language", "en").exchange();
		assertThat(supervisorPage).hasStatusOk();
		String all = supervisorPage.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(all).contains("data-department=\"customs\"").contains("data-department=\"tax\"")
			.contains("Exchange health per department");

		MvcTestResult officerPage = mvc.get().uri("/exchange").with(user(account("officer-customs")))
			.header("Accept-Language", "en").exchange();
		assertThat(officerPage).hasStatusOk();
		assertThat(officerPage.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("data-department=\"customs\"")
			.doesNotContain("data-department=\"tax\"");
		assertThat(mvc.get().uri("/api/v1/exchange/tax/dead-letters").with(user(account("officer-customs"))).exchange())
			.hasStatus(404);

		MvcTestResult unconnected = mvc.get().uri("/exchange").with(user(account("officer-exit-entry")))
			.header("Accept-Language", "en").exchange();
		assertThat(unconnected).hasStatusOk();
		assertThat(unconnected.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("No department system is connected.");

		assertThat(mvc.get().uri("/exchange").with(user(account("applicant-hk"))).exchange()).hasStatus(403);
		assertThat(mvc.get().uri("/api/v1/exchange/health").with(user(account("clerk"))).exchange()).hasStatus(403);
	}

	static Instant instant(Object value) {
		if (value instanceof java.time.OffsetDateTime o) {
			return o.toInstant();
		}
		if (value instanceof java.sql.Timestamp t) {
			return t.toInstant();
		}
		if (value instanceof Instant i) {
			return i;
		}
		throw new IllegalArgumentException("not a time: " + value);
	}

}
