package org.hetao.estation.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hetao.estation.documents.Documents;
import org.hetao.estation.identity.Accounts;
import org.hetao.estation.identity.EstationUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Cases end to end through the API and the pages, on the catalogue's matter HK-STARTUP-SETTLE: attestation
 * LEG-001 and name declaration GOV-001 start at once; registration GOV-002 after both; seal PSB-001 and
 * social insurance GOV-003 after the registration, with its credit code; bank FIN-001 after the seal and
 * the registration; tax TAX-001 after the bank account, with the credit code and the account number.
 */
@SpringBootTest
@AutoConfigureMockMvc
@org.springframework.test.context.event.RecordApplicationEvents
class CaseworkIntegrationTests {

	@Autowired
	org.springframework.test.context.event.ApplicationEvents events;

	static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	static final String MATTER = "HK-STARTUP-SETTLE";

	/** Every required answer of the matter for an HK enterprise, but the company name. */
	static final Map<String, String> ANSWERS = Map.ofEntries(Map.entry("shared.legalRepName", "陳大文"),
			Map.entry("shared.legalRepIdNumber", "A123456(3)"), Map.entry("shared.contactPhone", "+852 9123 4567"),
			Map.entry("shared.registeredAddress", "深圳市福田區河套"), Map.entry("item.LEG-001.documentType", "COMPANY"),
			Map.entry("item.LEG-001.usePurpose", "設立登記"), Map.entry("item.LEG-001.documentCount", "2"), Map.entry("item.GOV-001.proposedName", "港深創科"),
			Map.entry("item.GOV-001.industry", "IT"), Map.entry("item.GOV-001.investorName", "港深創科有限公司"),
			Map.entry("item.GOV-002.registeredCapital", "1000000"), Map.entry("item.GOV-002.investmentAmount", "1000000"),
			Map.entry("item.GOV-002.businessScope", "軟件開發"), Map.entry("item.GOV-002.investorName", "港深創科有限公司"),
			Map.entry("item.PSB-001.sealTypes", "STANDARD"), Map.entry("item.FIN-001.bankName", "BOC"),
			Map.entry("item.FIN-001.accountCurrency", "CNY"), Map.entry("item.TAX-001.financeOfficerName", "李會計"),
			Map.entry("item.TAX-001.financeOfficerPhone", "+852 9876 5432"), Map.entry("item.TAX-001.taxpayerType", "SMALL"),
			Map.entry("item.TAX-001.accountingStandard", "SBE"));

	String json(Object value) {
		return json.writeValueAsString(value);
	}

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	Documents documents;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectMapper json;

	EstationUser account(String username) {
		return accounts.findByUsername(username).orElseThrow();
	}

	long cases() {
		return jdbc.sql("select count(*) from casework_case").query(Long.class).single();
	}

	long tasks() {
		return jdbc.sql("select count(*) from casework_task").query(Long.class).single();
	}

	long document(EstationUser owner) {
		return documents.upload(owner.id(), "scan.pdf", PDF, "file").id();
	}

	String application(EstationUser owner, String companyName) {
		return application(companyName, document(owner), document(owner), document(owner));
	}

	String application(String companyName, long attested, long brCertificate, long authorisation) {
		Map<String, String> answers = new java.util.HashMap<>(ANSWERS);
		answers.put("shared.companyName", companyName);
		return json(Map.of("matterCode", MATTER, "answers", answers, "materials",
				Map.of("ATTESTED_DOCUMENT", attested, "HK_BR_CERTIFICATE", brCertificate, "AGENT_AUTHORISATION", authorisation)));
	}

	MvcTestResult submit(EstationUser owner, String key, String body) {
		return mvc.post()
			.uri("/api/v1/applications")
			.with(user(owner))
			.header("Idempotency-Key", key)
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	JsonNode body(MvcTestResult result) throws Exception {
		return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	/** Submits HK-STARTUP-SETTLE for enterprise-hk; returns the case as the API shows it. */
	JsonNode submitted(String companyName) throws Exception {
		EstationUser enterprise = account("enterprise-hk");
		MvcTestResult result = submit(enterprise, UUID.randomUUID().toString(), application(enterprise, companyName));
		assertThat(result).hasStatus(201);
		return caseOf(enterprise, body(result).get("receiptNumber").asString());
	}

	JsonNode caseOf(EstationUser who, String receipt) throws Exception {
		MvcTestResult result = mvc.get().uri("/api/v1/applications/" + receipt).with(user(who)).exchange();
		assertThat(result).hasStatusOk();
		return body(result);
	}

	static JsonNode task(JsonNode caseJson, String itemCode) {
		for (JsonNode t : caseJson.get("tasks")) {
			if (t.get("itemCode").asString().equals(itemCode)) {
				return t;
			}
		}
		throw new AssertionError("no task " + itemCode);
	}

	MvcTestResult act(String username, long taskId, String action, String body) {
		return mvc.post()
			.uri("/api/v1/tasks/" + taskId + "/" + action)
			.with(user(account(username)))
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body == null ? "{}" : body)
			.exchange();
	}

	// ------------------------------------------------------------------ submission

	@Test
	void theSameIdempotencyKeyTwiceGivesOneCaseAndTheSameReceipt() throws Exception {
		EstationUser enterprise = account("enterprise-hk");
		String key = UUID.randomUUID().toString();
		String body = application(enterprise, "Twice Ltd");
		long before = cases();
		MvcTestResult first = submit(enterprise, key, body);
		MvcTestResult second = submit(enterprise, key, body);
		assertThat(first).hasStatus(201);
		assertThat(second).hasStatus(200);
		String receipt = body(first).get("receiptNumber").asString();
		assertThat(receipt).matches("HT\\d{8}-\\d{6}");
		assertThat(body(second).get("receiptNumber").asString()).isEqualTo(receipt);
		assertThat(body(second).get("caseId").asLong()).isEqualTo(body(first).get("caseId").asLong());
		assertThat(cases()).isEqualTo(before + 1);

		JsonNode c = caseOf(enterprise, receipt);
		assertThat(c.get("matterCode").asString()).isEqualTo(MATTER);
		assertThat(task(c, "LEG-001").get("status").asString()).isEqualTo("SUBMITTED");
		assertThat(task(c, "GOV-001").get("status").asString()).isEqualTo("SUBMITTED");
		assertThat(task(c, "GOV-002").get("status").asString()).isEqualTo("WAITING_FOR_PREREQUISITE");
		assertThat(task(c, "TAX-001").get("status").asString()).isEqualTo("WAITING_FOR_PREREQUISITE");
		assertThat(task(c, "TAX-001").get("formData").get("companyName").asString()).isEqualTo("Twice Ltd");
		assertThat(task(c, "TAX-001").get("formData").get("legalRepName").asString()).isEqualTo("陳大文");
		assertThat(task(c, "LEG-001").get("materials").get("HK_BR_CERTIFICATE").asLong())
			.as("one upload attached to every item that needs it")
			.isEqualTo(task(c, "GOV-002").get("materials").get("HK_BR_CERTIFICATE").asLong());
		assertThat(c.get("timeline").get(0).get("action").asString()).isEqualTo("SUBMIT");
	}

	@Test
	void concurrentSubmissionsWithOneKeyStillMakeOneCase() throws Exception {
		EstationUser enterprise = account("enterprise-hk");
		String key = UUID.randomUUID().toString();
		String body = application(enterprise, "Racing Ltd");
		long before = cases();
		List<MvcTestResult> results = race(4, () -> submit(enterprise, key, body));
		assertThat(results).extracting(r -> r.getResponse().getStatus()).allMatch(s -> s == 200 || s == 201);
		assertThat(results.stream().map(r -> {
			try {
				return body(r).get("receiptNumber").asString();
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		}).distinct()).hasSize(1);
		assertThat(cases()).isEqualTo(before + 1);
	}

	@Test
	void receiptNumbersAreUniqueAndFollowEachOtherWithinTheDay() throws Exception {
		String a = submitted("First Ltd").get("receiptNumber").asString();
		String b = submitted("Second Ltd").get("receiptNumber").asString();
		assertThat(a.substring(0, 10)).isEqualTo(b.substring(0, 10));
		assertThat(Integer.parseInt(b.substring(11))).isGreaterThan(Integer.parseInt(a.substring(11)));
	}

	@Test
	void missingAndMalformedAnswersAre400WithFieldErrorsAndStoreNothing() throws Exception {
		EstationUser enterprise = account("enterprise-hk");
		long casesBefore = cases();
		long tasksBefore = tasks();
		MvcTestResult result = submit(enterprise, UUID.randomUUID().toString(),
				json(Map.of("matterCode", MATTER, "answers", Map.of("item.GOV-002.registeredCapital", "a lot"))));
		assertThat(result).hasStatus(400);
		assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
		JsonNode problem = body(result);
		List<String> fields = new ArrayList<>();
		problem.get("errors").forEach(e -> fields.add(e.get("field").asString()));
		assertThat(fields).contains("shared.companyName", "item.GOV-002.registeredCapital", "item.FIN-001.bankName",
				"material.ATTESTED_DOCUMENT", "material.HK_BR_CERTIFICATE", "material.AGENT_AUTHORISATION");
		assertThat(fields).as("materials only later items need may follow").doesNotContain("material.BUSINESS_LICENCE");
		assertThat(problem.get("errors").get(0).get("message").asString()).isNotBlank();
		assertThat(cases()).isEqualTo(casesBefore);
		assertThat(tasks()).isEqualTo(tasksBefore);
	}

	@Test
	void unknownItemsAndMattersAre404AndMissingKeyIs400() throws Exception {
		EstationUser enterprise = account("enterprise-hk");
		long before = cases();
		assertThat(submit(enterprise, UUID.randomUUID().toString(), "{\"itemCode\": \"NO-SUCH-ITEM\"}")).hasStatus(404);
		assertThat(submit(enterprise, UUID.randomUUID().toString(), "{\"matterCode\": \"NO-SUCH-MATTER\"}"))
			.hasStatus(404);
		assertThat(submit(enterprise, " ", application(enterprise, "No Key Ltd"))).hasStatus(400);
		assertThat(cases()).isEqualTo(before);
	}

	@Test
	void someoneElsesDocumentCannotBeAttached() throws Exception {
		EstationUser enterprise = account("enterprise-hk");
		EstationUser other = account("enterprise-mainland");
		long before = cases();
		MvcTestResult result = submit(enterprise, UUID.randomUUID().toString(),
				application("Borrowed Ltd", document(other), document(enterprise), document(enterprise)));
		assertThat(result).hasStatus(400);
		assertThat(body(result).get("errors").get(0).get("field").asString()).isEqualTo("material.ATTESTED_DOCUMENT");
		assertThat(cases()).isEqualTo(before);
	}

	// ------------------------------------------------------------------ the lifecycle

	@Test
	void correctionAcceptanceApprovalsAndDependentTasksStartingWithTheCreditCode() throws Exception {
		EstationUser enterprise = account("enterprise-hk");
		JsonNode c = submitted("Journey Ltd");
		String receipt = c.get("receiptNumber").asString();
		long attestation = task(c, "LEG-001").get("id").asLong();
		long name = task(c, "GOV-001").get("id").asLong();
		long registration = task(c, "GOV-002").get("id").asLong();

		assertThat(act("clerk", name, "request-correction", "{}")).hasStatus(400);
		assertThat(act("clerk", name, "request-correction",
				"{\"missingMaterials\": [\"AGENT_AUTHORISATION\"], \"note\": \"Signed by every investor\"}")).hasStatusOk();
		JsonNode corrected = caseOf(enterprise, receipt);
		assertThat(corrected.get("status").asString()).isEqualTo("ACTION_REQUIRED");
		assertThat(task(corrected, "GOV-001").get("deficiencies")).hasSize(2);

		MvcTestResult incomplete = mvc.post()
			.uri("/api/v1/applications/" + receipt + "/resubmit")
			.with(user(enterprise))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"answers\": {}, \"materials\": {}}")
			.exchange();
		assertThat(incomplete).hasStatus(400);
		assertThat(incomplete).bodyText().contains("material.AGENT_AUTHORISATION");
		long newAuthorisation = document(enterprise);
		MvcTestResult resubmitted = mvc.post()
			.uri("/api/v1/applications/" + receipt + "/resubmit")
			.with(user(enterprise))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"answers\": {\"item.GOV-001.proposedName\": \"港深智創\"}, \"materials\": {\"AGENT_AUTHORISATION\": "
					+ newAuthorisation + "}}")
			.exchange();
		assertThat(resubmitted).hasStatusOk();
		JsonNode after = body(resubmitted);
		assertThat(task(after, "GOV-001").get("status").asString()).isEqualTo("SUBMITTED");
		assertThat(task(after, "GOV-001").get("formData").get("proposedName").asString()).isEqualTo("港深智創");
		assertThat(task(after, "GOV-001").get("materials").get("AGENT_AUTHORISATION").asLong()).isEqualTo(newAuthorisation);

		assertThat(act("clerk", attestation, "accept", null)).hasStatusOk();
		assertThat(caseOf(enterprise, receipt).has("promisedCompletionDate"))
			.as("no promise for the matter until the last task of the submission is accepted").isFalse();
		assertThat(act("clerk", name, "accept", null)).hasStatusOk();
		JsonNode accepted = caseOf(enterprise, receipt);
		// the matter's promise: after the last task of the whole graph is due, so after every task's own deadline
		LocalDate promised = LocalDate.parse(accepted.get("promisedCompletionDate").asString());
		assertThat(promised).isAfter(LocalDate.parse(accepted.get("latestDeadline").asString()));
		assertThat(accepted.get("promiseStanding").asString()).isIn("ON_TRACK", "AT_RISK");
		assertThat(mvc.get().uri("/applications/" + receipt).header("Accept-Language", "en").with(user(enterprise)).exchange())
			.hasStatusOk()
			.bodyText()
			.contains("Promised completion of the whole matter", promised.toString());
		assertThat(task(accepted, "GOV-001").has("deadline")).isTrue();
		assertThat(task(accepted, "GOV-001").get("deadlineStatus").asString())
			.as("a same-day promise has 2 working days or fewer left from the start: due soon").isEqualTo("DUE_SOON");
		assertThat(accepted.has("latestDeadline")).isTrue();

		assertThat(act("officer-market-regulation", name, "approve", "{}")).as("take the task first").hasStatus(409);
		// LEG-001 is charged: its fee is paid before the decision (the pay point)
		new org.hetao.estation.certificates.CaseFixtures(mvc, accounts, documents, jdbc, json).paidAtTheWindow(attestation);
		approve("officer-legal-services", attestation, "{\"notarialCertificateNumber\": \"N-1\"}");
		assertThat(task(caseOf(enterprise, receipt), "GOV-002").get("status").asString())
			.as("still waits for the name declaration").isEqualTo("WAITING_FOR_PREREQUISITE");
		assertThat(act("officer-market-regulation", name, "start-review", null)).hasStatusOk();
		MvcTestResult noOutput = act("officer-market-regulation", name, "approve", "{\"outputs\": {}}");
		assertThat(noOutput).hasStatus(400);
		assertThat(noOutput).bodyText().contains("outputs.nameApprovalNumber");
		assertThat(act("officer-market-regulation", name, "approve", "{\"outputs\": {\"nameApprovalNumber\": \"NA-1\"}}"))
			.hasStatusOk();
		assertThat(task(caseOf(enterprise, receipt), "GOV-002").get("status").asString()).isEqualTo("SUBMITTED");

		assertThat(act("clerk", registration, "accept", null)).hasStatusOk();
		String creditCode = FieldRules.withCheckCharacter("91440300MA5G" + String.format("%05d", registration % 100000));
		approve("officer-market-regulation", registration,
				"{\"creditCode\": \"" + creditCode + "\", \"licenceNumber\": \"L-" + registration + "\"}");
		JsonNode decided = caseOf(enterprise, receipt);
		assertThat(task(decided, "GOV-002").get("outputs").get("creditCode").asString()).isEqualTo(creditCode);
		for (String started : List.of("PSB-001", "GOV-003")) {
			assertThat(task(decided, started).get("status").asString()).isEqualTo("SUBMITTED");
			assertThat(task(decided, started).get("formData").get("creditCode").asString()).isEqualTo(creditCode);
			assertThat(task(decided, started).has("deadline")).as("gets its deadline when accepted").isFalse();
		}
		assertThat(task(decided, "FIN-001").get("status").asString()).as("also waits for the seal")
			.isEqualTo("WAITING_FOR_PREREQUISITE");

		long seal = task(decided, "PSB-001").get("id").asLong();
		assertThat(act("clerk", seal, "accept", null)).hasStatusOk();
		assertThat(act("officer-public-security", seal, "start-review", null)).hasStatusOk();
		assertThat(act("officer-public-security", seal, "refuse", "{\"reason\": \"\"}")).hasStatus(400);
		assertThat(act("officer-public-security", seal, "approve", "{\"outputs\": {\"sealRecordNumber\": \"S-1\"}}"))
			.hasStatusOk();
		long bank = task(caseOf(enterprise, receipt), "FIN-001").get("id").asLong();
		assertThat(act("clerk", bank, "accept", null)).hasStatusOk();
		approve("officer-bank", bank, "{\"accountNumber\": \"44250100012345678\"}");
		JsonNode tax = task(caseOf(enterprise, receipt), "TAX-001");
		assertThat(tax.get("status").asString()).isEqualTo("SUBMITTED");
		assertThat(tax.get("formData").get("creditCode").asString()).isEqualTo(creditCode);
		assertThat(tax.get("formData").get("bankAccountNumber").asString()).isEqualTo("44250100012345678");
		assertThat(tax.get("formData").get("financeOfficerName").asString()).isEqualTo("李會計");

		assertThat(act("clerk", registration, "deliver", "{\"method\": \"ELECTRONIC\"}")).hasStatusOk();
		List<String> actions = new ArrayList<>();
		caseOf(enterprise, receipt).get("timeline").forEach(e -> actions.add(e.get("action").asString()));
		assertThat(actions).containsSubsequence("SUBMIT", "REQUEST_CORRECTION", "RESUBMIT", "ACCEPT", "ACCEPT",
				"START_REVIEW", "APPROVE", "START_REVIEW", "APPROVE", "START", "ACCEPT", "START_REVIEW", "APPROVE", "START",
				"DELIVER");
		assertThat(events.stream(CaseSubmitted.class).filter(e -> e.receiptNumber().equals(receipt))).hasSize(1);
		assertThat(events.stream(CorrectionRequested.class).filter(e -> e.receiptNumber().equals(receipt)))
			.singleElement()
			.satisfies(e -> assertThat(e.deficiencies()).hasSize(2));
		assertThat(events.stream(TaskAccepted.class).filter(e -> e.receiptNumber().equals(receipt))).hasSize(5);
		assertThat(events.stream(TaskDecided.class).filter(e -> e.receiptNumber().equals(receipt)))
			.extracting(TaskDecided::itemCode)
			.containsExactly("LEG-001", "GOV-001", "GOV-002", "PSB-001", "FIN-001");
		assertThat(events.stream(TaskStarted.class).filter(e -> e.receiptNumber().equals(receipt)))
			.extracting(TaskStarted::itemCode)
			.containsExactlyInAnyOrder("GOV-002", "PSB-001", "GOV-003", "FIN-001", "TAX-001");
		assertThat(events.stream(TaskDelivered.class).filter(e -> e.receiptNumber().equals(receipt))).hasSize(1);
	}

	/** The officer takes the task and approves it with the given outputs (a JSON object). */
	void approve(String officer, long taskId, String outputs) {
		assertThat(act(officer, taskId, "start-review", null)).hasStatusOk();
		assertThat(act(officer, taskId, "approve", "{\"outputs\": " + outputs + "}")).hasStatusOk();
	}

	/** A fee is waived by the department deciding its item: an officer of another department of the case may not (403). */
	@Test
	void anOfficerOfAnotherDepartmentOfTheCaseMayNotWaiveItsFee() throws Exception {
		JsonNode c = submitted("Waiver Ltd");
		long attestation = task(c, "LEG-001").get("id").asLong();
		MvcTestResult waived = mvc.post()
			.uri("/api/v1/applications/" + c.get("receiptNumber").asString() + "/fees/" + attestation + "/waiver")
			.with(user(account("officer-market-regulation")))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\": \"not ours to waive\"}")
			.exchange();
		assertThat(waived).hasStatus(403);
		assertThat(body(waived).get("code").asString()).isEqualTo("payments.error.notYourFee");
	}

	@Test
	void anIllegalTransitionIs409WithAProblemDetail() throws Exception {
		JsonNode c = submitted("Illegal Ltd");
		long tax = task(c, "TAX-001").get("id").asLong();
		MvcTestResult result = act("clerk", tax, "accept", null);
		assertThat(result).hasStatus(409);
		assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(body(result).get("code").asString()).isEqualTo("casework.error.illegalTransition");
		assertThat(body(result).get("detail").asString()).contains("not possible");
		assertThat(task(caseOf(account("enterprise-hk"), c.get("receiptNumber").asString()), "TAX-001").get("status")
			.asString()).isEqualTo("WAITING_FOR_PREREQUISITE");
	}

	@Test
	void aStaleVersionIs409() throws Exception {
		JsonNode c = submitted("Stale Ltd");
		long name = task(c, "GOV-001").get("id").asLong();
		int version = task(c, "GOV-001").get("version").asInt();
		assertThat(act("clerk", name, "accept", "{\"version\": " + version + "}")).hasStatusOk();
		MvcTestResult stale = act("clerk", name, "request-correction", "{\"version\": " + version + ", \"note\": \"late\"}");
		assertThat(stale).hasStatus(409);
		assertThat(body(stale).get("detail").asString()).contains("Someone else has just changed this");
	}

	@Test
	void twoOfficersDecidingOneTaskAtOnce_oneWinsTheOtherIsTold() throws Exception {
		JsonNode c = submitted("Concurrent Ltd");
		long name = task(c, "GOV-001").get("id").asLong();
		assertThat(act("clerk", name, "accept", null)).hasStatusOk();
		assertThat(act("officer-market-regulation", name, "start-review", null)).hasStatusOk();
		int version = task(caseOf(account("enterprise-hk"), c.get("receiptNumber").asString()), "GOV-001").get("version")
			.asInt();
		List<MvcTestResult> results = race(2, () -> act("officer-market-regulation", name, "approve",
				"{\"version\": " + version + ", \"outputs\": {\"nameApprovalNumber\": \"NA-" + name + "\"}}"));
		assertThat(results).extracting(r -> r.getResponse().getStatus()).containsExactlyInAnyOrder(200, 409);
		assertThat(jdbc.sql("select count(*) from casework_timeline t join casework_case c on c.id = t.case_id "
				+ "where c.receipt_number = :r and t.action = 'APPROVE'")
			.param("r", c.get("receiptNumber").asString())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	// ------------------------------------------------------------------ isolation

	@Autowired
	org.hetao.estation.supervision.Escalations escalations;

	@Autowired
	org.hetao.estation.notification.Notifications notifications;

	/**
	 * A same-day promise (GOV-001) is due soon from its acceptance: its department's officers get one reminder in their
	 * language (however often the job runs), and the work queue shows it as a badge.
	 */
	@Test
	void officersAreRemindedOnceOfWorkDueSoonAndSeeItInTheirQueue() throws Exception {
		JsonNode c = submitted("Reminded Ltd");
		String receipt = c.get("receiptNumber").asString();
		long name = task(c, "GOV-001").get("id").asLong();
		assertThat(act("clerk", name, "accept", null)).hasStatusOk();
		LocalDate today = LocalDate.now(clock);
		LocalDate deadline = LocalDate.parse(task(caseOf(account("enterprise-hk"), receipt), "GOV-001").get("deadline").asString());
		escalations.escalate(today);
		escalations.escalate(today);
		EstationUser officer = account("officer-market-regulation");
		var reminders = notifications.of(officer.id())
			.stream()
			.filter(n -> n.channel() == org.hetao.estation.notification.NotificationChannel.INBOX)
			.filter(n -> ("/work-queue/tasks/" + name).equals(n.link()))
			.toList();
		String expectedTemplate = today.equals(deadline) ? "taskDueToday" : "taskDueSoon";
		assertThat(reminders).singleElement().satisfies(n -> {
			assertThat(n.template()).isEqualTo(expectedTemplate);
			assertThat(n.language()).as("the officer's own language").isEqualTo("zh-Hans");
			assertThat(n.subject()).contains(receipt, today.equals(deadline) ? "今天到期" : "即将到期");
		});
		assertThat(mvc.get().uri("/work-queue").header("Accept-Language", "en").with(user(officer)).exchange())
			.hasStatusOk()
			.bodyText()
			.contains("data-reminder=\"" + (today.equals(deadline) ? "DUE_TODAY" : "DUE_SOON") + "\"",
					today.equals(deadline) ? "Reminder sent: due today" : "Reminder sent: due soon (" + deadline + ")");
	}

	@Autowired
	java.time.Clock clock;

	/** GOV-001: promised the same day, legal limit 1 working day: the officer may add one day, with a reason. */
	@Test
	void anOfficerExtendsTheTimeLimitWithinTheLegalLimit() throws Exception {
		JsonNode c = submitted("Extended Ltd");
		String receipt = c.get("receiptNumber").asString();
		long name = task(c, "GOV-001").get("id").asLong();
		assertThat(act("clerk", name, "accept", null)).hasStatusOk();
		LocalDate deadline = LocalDate.parse(task(caseOf(account("enterprise-hk"), receipt), "GOV-001").get("deadline").asString());

		MvcTestResult tooMany = act("officer-market-regulation", name, "extend", "{\"workingDays\": 2, \"reason\": \"Site visit\"}");
		assertThat(tooMany).hasStatus(400);
		assertThat(tooMany).bodyJson().extractingPath("$.code").isEqualTo("casework.error.extension");
		assertThat(tooMany).bodyJson().extractingPath("$.errors[0].field").isEqualTo("workingDays");
		assertThat(tooMany).bodyJson().extractingPath("$.errors[0].message").asString().contains("1 to 1");
		assertThat(act("officer-market-regulation", name, "extend", "{\"workingDays\": 1}")).hasStatus(400)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("reason");
		assertThat(act("officer-tax", name, "extend", "{\"workingDays\": 1, \"reason\": \"x\"}")).as("not their department")
			.hasStatus(404);

		assertThat(act("officer-market-regulation", name, "extend", "{\"workingDays\": 1, \"reason\": \"Site visit\"}"))
			.hasStatusOk();
		JsonNode after = caseOf(account("enterprise-hk"), receipt);
		assertThat(LocalDate.parse(task(after, "GOV-001").get("deadline").asString()))
			.isEqualTo(calendars.addWorkingDays(org.hetao.estation.shared.Jurisdiction.CN, deadline, 1).date());
		assertThat(after.get("timeline").toString()).contains("EXTEND", "+1: Site visit");
	}

	@Autowired
	org.hetao.estation.calendar.WorkingCalendars calendars;

	@Test
	void anOfficerNeverSeesAnotherDepartmentsTask() throws Exception {
		JsonNode c = submitted("Isolated Ltd");
		String receipt = c.get("receiptNumber").asString();
		long name = task(c, "GOV-001").get("id").asLong();
		assertThat(act("clerk", name, "accept", null)).hasStatusOk();

		assertThat(act("officer-tax", name, "start-review", null)).hasStatus(404);
		assertThat(mvc.get().uri("/work-queue/tasks/" + name).with(user(account("officer-tax"))).exchange()).hasStatus(404);
		assertThat(mvc.get().uri("/work-queue/tasks/" + name).with(user(account("officer-market-regulation"))).exchange())
			.hasStatusOk()
			.bodyText()
			.contains("港深創科");

		MvcTestResult taxQueue = mvc.get().uri("/api/v1/work-queue?status=ACCEPTED").with(user(account("officer-tax"))).exchange();
		assertThat(taxQueue).hasStatusOk();
		assertThat(taxQueue).bodyText().doesNotContain(receipt);
		MvcTestResult marketQueue = mvc.get()
			.uri("/api/v1/work-queue?status=ACCEPTED")
			.with(user(account("officer-market-regulation")))
			.exchange();
		assertThat(marketQueue).bodyText().contains(receipt);
		// a queue line: the task as the case shows it, with its case's id, receipt number and applicant's name
		JsonNode line = null;
		for (JsonNode l : body(marketQueue)) {
			if (l.get("receiptNumber").asString().equals(receipt)) {
				line = l;
			}
		}
		assertThat(line).as("the case's line in the market regulator's queue").isNotNull();
		assertThat(line.get("caseId").asLong()).isEqualTo(c.get("caseId").asLong());
		assertThat(line.get("applicantName").asString()).isEqualTo(c.get("applicantName").asString()).isNotBlank();
		JsonNode shown = task(caseOf(account("officer-market-regulation"), receipt), "GOV-001");
		assertThat(line.get("task").get("id").asLong()).isEqualTo(name);
		assertThat(line.get("task").get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(line.get("task").get("materials")).isEqualTo(shown.get("materials")).isNotEmpty();
		assertThat(line.get("task").get("formData")).isEqualTo(shown.get("formData"));
		assertThat(line.get("task").get("deadline")).isEqualTo(shown.get("deadline"));
		assertThat(mvc.get()
			.uri("/api/v1/work-queue?status=ACCEPTED&deadline=DUE_SOON")
			.with(user(account("officer-market-regulation")))
			.exchange()).bodyText().contains(receipt);
		assertThat(mvc.get()
			.uri("/api/v1/work-queue?status=ACCEPTED&deadline=OVERDUE")
			.with(user(account("officer-market-regulation")))
			.exchange()).as("accepted today: not overdue").bodyText().doesNotContain(receipt);
		assertThat(mvc.get().uri("/work-queue?status=ACCEPTED").with(user(account("officer-market-regulation"))).exchange())
			.hasStatusOk()
			.bodyText()
			.contains(receipt);

		JsonNode asTax = caseOf(account("officer-tax"), receipt);
		assertThat(asTax.get("tasks")).extracting(t -> t.get("departmentCode").asString()).containsOnly("tax");
		assertThat(asTax.get("timeline")).allMatch(e -> !e.has("itemCode") || e.get("itemCode").asString().equals("TAX-001"));
		assertThat(mvc.get().uri("/api/v1/applications/" + receipt).with(user(account("officer-customs"))).exchange())
			.hasStatus(404);
		assertThat(mvc.get().uri("/work-queue").with(user(account("clerk"))).exchange()).hasStatus(403);
	}

	@Test
	void anApplicantNeverSeesAnotherApplicantsCaseOrDocuments() throws Exception {
		JsonNode c = submitted("Private Ltd");
		String receipt = c.get("receiptNumber").asString();
		long documentId = task(c, "LEG-001").get("materials").get("ATTESTED_DOCUMENT").asLong();
		EstationUser stranger = account("applicant-hk");
		assertThat(mvc.get().uri("/api/v1/applications/" + receipt).with(user(stranger)).exchange()).hasStatus(404);
		assertThat(mvc.get().uri("/applications/" + receipt).with(user(stranger)).exchange()).hasStatus(404);
		assertThat(mvc.get().uri("/documents/" + documentId).with(user(stranger)).exchange()).hasStatus(404);
		assertThat(mvc.post()
			.uri("/api/v1/applications/" + receipt + "/withdraw")
			.with(user(stranger))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")
			.exchange()).hasStatus(404);
		assertThat(mvc.get().uri("/api/v1/applications").with(user(stranger)).exchange()).bodyText().doesNotContain(receipt);

		assertThat(mvc.get().uri("/documents/" + documentId).with(user(account("enterprise-hk"))).exchange()).hasStatusOk();
		assertThat(mvc.get().uri("/documents/" + documentId).with(user(account("clerk"))).exchange()).as("the window")
			.hasStatusOk();
		assertThat(mvc.get().uri("/documents/" + documentId).with(user(account("officer-legal-services"))).exchange())
			.hasStatusOk();
		assertThat(mvc.get().uri("/documents/" + documentId).with(user(account("officer-market-regulation"))).exchange())
			.as("only the attestation uses the attested document")
			.hasStatus(404);
		assertThat(mvc.get().uri("/api/v1/applications").with(user(account("enterprise-hk"))).exchange()).bodyText()
			.contains(receipt);
	}

	@Test
	void theApplicantWithdrawsWhatIsNotDecidedYet() throws Exception {
		JsonNode c = submitted("Withdrawn Ltd");
		String receipt = c.get("receiptNumber").asString();
		MvcTestResult result = mvc.post()
			.uri("/api/v1/applications/" + receipt + "/withdraw")
			.with(user(account("enterprise-hk")))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\": \"changed plans\"}")
			.exchange();
		assertThat(result).hasStatusOk();
		assertThat(body(result).get("status").asString()).isEqualTo("WITHDRAWN");
		assertThat(act("clerk", task(c, "GOV-001").get("id").asLong(), "accept", null)).hasStatus(409);
	}

	// ------------------------------------------------------------------ pages

	@Test
	void aDraftIsSavedAsTheApplicantGoesAndSubmittingItTwiceGivesOneReceipt() throws Exception {
		EstationUser enterprise = account("enterprise-hk");
		MvcTestResult start = mvc.post().uri("/applications/new").param("matter", MATTER).with(user(enterprise)).with(csrf()).exchange();
		assertThat(start).hasStatus3xxRedirection();
		String draft = start.getResponse().getRedirectedUrl();
		assertThat(draft).matches("/applications/drafts/\\d+");

		MvcTestResult invalid = mvc.post()
			.uri(draft + "/items/GOV-002")
			.header("Accept-Language", "en")
			.param("item.GOV-002.registeredCapital", "lots")
			.with(user(enterprise))
			.with(csrf())
			.exchange();
		assertThat(invalid).hasStatus(400).bodyText().contains("Enter a number", "aria-invalid=\"true\"");
		assertThat(mvc.get().uri(draft).header("Accept-Language", "en").with(user(enterprise)).exchange()).bodyText()
			.contains("In progress");

		mvc.post().uri(draft + "/shared").param("shared.companyName", "Draft Ltd").with(user(enterprise)).with(csrf()).exchange();
		ANSWERS.forEach((key, value) -> {
			String section = key.startsWith("shared.") ? "/shared" : "/items/" + key.substring(5, key.lastIndexOf('.'));
			mvc.post().uri(draft + section).param(key, value).with(user(enterprise)).with(csrf()).exchange();
		});
		long before = cases();
		MvcTestResult notYet = mvc.post().uri(draft + "/submit").header("Accept-Language", "en").with(user(enterprise)).with(csrf()).exchange();
		assertThat(notYet).hasStatus(400).bodyText().contains("not complete");
		assertThat(cases()).isEqualTo(before);

		MvcTestResult wrongType = mvc.post()
			.uri(draft + "/materials")
			.multipart()
			.file("file.HK_BR_CERTIFICATE", "<html>not a pdf</html>".getBytes(StandardCharsets.UTF_8))
			.header("Accept-Language", "en")
			.with(user(enterprise))
			.with(csrf())
			.exchange();
		assertThat(wrongType).hasStatus(400).bodyText().contains("must be a PDF, JPEG or PNG");
		mvc.post()
			.uri(draft + "/materials")
			.multipart()
			.file(new org.springframework.mock.web.MockMultipartFile("file.HK_BR_CERTIFICATE", "br.pdf", "application/pdf", PDF))
			.file(new org.springframework.mock.web.MockMultipartFile("file.ATTESTED_DOCUMENT", "attested.pdf", "application/pdf", PDF))
			.file(new org.springframework.mock.web.MockMultipartFile("file.AGENT_AUTHORISATION", "authorisation.pdf", "application/pdf", PDF))
			.with(user(enterprise))
			.with(csrf())
			.exchange();
		assertThat(mvc.get().uri(draft + "/check").header("Accept-Language", "en").with(user(enterprise)).exchange())
			.bodyText()
			.contains("Draft Ltd", "br.pdf", "attested.pdf")
			.doesNotContain("not complete");

		MvcTestResult first = mvc.post().uri(draft + "/submit").with(user(enterprise)).with(csrf()).exchange();
		MvcTestResult again = mvc.post().uri(draft + "/submit").with(user(enterprise)).with(csrf()).exchange();
		assertThat(first).hasStatus3xxRedirection();
		assertThat(first.getResponse().getRedirectedUrl()).matches("/applications/HT\\d{8}-\\d{6}\\?submitted");
		assertThat(again.getResponse().getRedirectedUrl()).isEqualTo(first.getResponse().getRedirectedUrl());
		assertThat(cases()).isEqualTo(before + 1);
		String receiptPage = first.getResponse().getRedirectedUrl();
		assertThat(mvc.get().uri(receiptPage).header("Accept-Language", "en").with(user(enterprise)).exchange())
			.hasStatusOk()
			.bodyText()
			.contains("Application submitted", receiptPage.substring(14, 32));
		assertThat(mvc.get().uri(draft).with(user(account("enterprise-mainland"))).exchange()).hasStatus(404);
	}

	@Test
	void theWindowServesAWalkInApplicantWithoutAnAccount() throws Exception {
		EstationUser clerk = account("clerk");
		MvcTestResult badId = mvc.post()
			.uri("/window/walk-in")
			.header("Accept-Language", "en")
			.param("walkInName", "Lee Siu Ming")
			.param("walkInIdType", "HKID")
			.param("walkInIdNumber", "A1234567")
			.param("walkInPhone", "+852 9876 5432")
			.param("applicantType", "HK_RESIDENT")
			.param("kind", "ITEM")
			.param("code", "GOV-001")
			.with(user(clerk))
			.with(csrf())
			.exchange();
		assertThat(badId).hasStatus(400).bodyText().contains("Enter the document number as it is printed");
		MvcTestResult start = mvc.post()
			.uri("/window/walk-in")
			.param("walkInName", "Lee Siu Ming")
			.param("walkInIdType", "HKID")
			.param("walkInIdNumber", "A123456(3)")
			.param("walkInPhone", "+852 9876 5432")
			.param("applicantType", "HK_RESIDENT")
			.param("kind", "ITEM")
			.param("code", "GOV-001")
			.with(user(clerk))
			.with(csrf())
			.exchange();
		assertThat(start).hasStatus3xxRedirection();
		String draft = start.getResponse().getRedirectedUrl();
		mvc.post()
			.uri(draft + "/items/GOV-001")
			.param("item.GOV-001.proposedName", "李記")
			.param("item.GOV-001.industry", "SVC")
			.param("item.GOV-001.investorName", "李小明")
			.param("item.GOV-001.contactPhone", "+852 9876 5432")
			.with(user(clerk))
			.with(csrf())
			.exchange();
		MvcTestResult submitted = mvc.post().uri(draft + "/submit").with(user(clerk)).with(csrf()).exchange();
		assertThat(submitted).hasStatus3xxRedirection();
		assertThat(submitted.getResponse().getRedirectedUrl()).matches("/window/cases/\\d+\\?submitted");
		MvcTestResult page = mvc.get().uri(submitted.getResponse().getRedirectedUrl()).header("Accept-Language", "en").with(user(clerk)).exchange();
		assertThat(page).hasStatusOk().bodyText().contains("Lee Siu Ming", "Hong Kong identity card").doesNotContain("A123456(3)");
		long caseId = Long.parseLong(submitted.getResponse().getRedirectedUrl().replaceAll("\\D+(\\d+)\\D*", "$1"));
		assertThat(jdbc.sql("select channel from casework_case where id = :id").param("id", caseId).query(String.class).single())
			.isEqualTo("WINDOW");
		assertThat(jdbc.sql("select applicant_account_id from casework_case where id = :id").param("id", caseId)
			.query(Long.class).optional()).isEmpty();
	}

	// ------------------------------------------------------------------ helpers

	static <T> List<T> race(int threads, Callable<T> call) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch ready = new CountDownLatch(threads);
			CountDownLatch go = new CountDownLatch(1);
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				futures.add(pool.submit(() -> {
					ready.countDown();
					go.await();
					return call.call();
				}));
			}
			ready.await();
			go.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> f : futures) {
				results.add(f.get());
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
