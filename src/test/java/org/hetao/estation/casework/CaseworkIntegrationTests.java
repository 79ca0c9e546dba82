package org.hetao.estation.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
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
 * Cases end to end through the API and the pages, on the test catalogue's matter M-SETTLE (registration
 * GOV-0001 by market regulation → tax TAX-0001 and customs CUS-0001 with the credit code → bank FIN-0001).
 */
@SpringBootTest
@AutoConfigureMockMvc
@org.springframework.test.context.event.RecordApplicationEvents
class CaseworkIntegrationTests {

	@Autowired
	org.springframework.test.context.event.ApplicationEvents events;

	static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	/** The test catalogue's customs item asks for a credit code up front (its matter maps none into it). */
	static final String HK_PARENT_CODE = FieldRules.withCheckCharacter("91440300MA5G00001");

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
		return """
				{"matterCode": "M-SETTLE",
				 "answers": {"shared.companyName": "%s", "item.GOV-0001.capital": "1000000", "item.FIN-0001.accountType": "BASIC",
				             "item.CUS-0001.creditCode": "%s"},
				 "materials": {"BR_CERTIFICATE": %d, "ARTICLES": %d}}""".formatted(companyName, HK_PARENT_CODE, document(owner),
				document(owner));
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

	/** Submits M-SETTLE for enterprise-hk; returns the case as the API shows it. */
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
		assertThat(c.get("matterCode").asString()).isEqualTo("M-SETTLE");
		assertThat(task(c, "GOV-0001").get("status").asString()).isEqualTo("SUBMITTED");
		assertThat(task(c, "TAX-0001").get("status").asString()).isEqualTo("WAITING_FOR_PREREQUISITE");
		assertThat(task(c, "TAX-0001").get("formData").get("companyName").asString()).isEqualTo("Twice Ltd");
		assertThat(task(c, "GOV-0001").get("materials").get("BR_CERTIFICATE").asLong())
			.isEqualTo(task(c, "GOV-0001").get("materials").get("BR_CERTIFICATE").asLong());
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
		MvcTestResult result = submit(enterprise, UUID.randomUUID().toString(), """
				{"matterCode": "M-SETTLE", "answers": {"item.GOV-0001.capital": "a lot"}, "materials": {}}""");
		assertThat(result).hasStatus(400);
		assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
		JsonNode problem = body(result);
		List<String> fields = new ArrayList<>();
		problem.get("errors").forEach(e -> fields.add(e.get("field").asString()));
		assertThat(fields).contains("shared.companyName", "item.GOV-0001.capital", "item.FIN-0001.accountType",
				"material.BR_CERTIFICATE", "material.ARTICLES");
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
		String body = """
				{"matterCode": "M-SETTLE",
				 "answers": {"shared.companyName": "Borrowed Ltd", "item.GOV-0001.capital": "1", "item.FIN-0001.accountType": "BASIC",
				             "item.CUS-0001.creditCode": "%s"},
				 "materials": {"BR_CERTIFICATE": %d, "ARTICLES": %d}}""".formatted(HK_PARENT_CODE, document(other), document(enterprise));
		MvcTestResult result = submit(enterprise, UUID.randomUUID().toString(), body);
		assertThat(result).hasStatus(400);
		assertThat(body(result).get("errors").get(0).get("field").asString()).isEqualTo("material.BR_CERTIFICATE");
		assertThat(cases()).isEqualTo(before);
	}

	// ------------------------------------------------------------------ the lifecycle

	@Test
	void correctionAcceptanceApprovalAndTheDependentTaskStartingWithTheCreditCode() throws Exception {
		EstationUser enterprise = account("enterprise-hk");
		JsonNode c = submitted("Journey Ltd");
		String receipt = c.get("receiptNumber").asString();
		long registration = task(c, "GOV-0001").get("id").asLong();
		long tax = task(c, "TAX-0001").get("id").asLong();

		MvcTestResult empty = act("clerk", registration, "request-correction", "{}");
		assertThat(empty).hasStatus(400);
		assertThat(act("clerk", registration, "request-correction",
				"{\"missingMaterials\": [\"BR_CERTIFICATE\"], \"note\": \"The certificate is expired\"}")).hasStatusOk();
		JsonNode corrected = caseOf(enterprise, receipt);
		assertThat(corrected.get("status").asString()).isEqualTo("ACTION_REQUIRED");
		assertThat(task(corrected, "GOV-0001").get("deficiencies")).hasSize(2);

		MvcTestResult incomplete = mvc.post()
			.uri("/api/v1/applications/" + receipt + "/resubmit")
			.with(user(enterprise))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"answers\": {}, \"materials\": {}}")
			.exchange();
		assertThat(incomplete).hasStatus(400);
		assertThat(incomplete).bodyText().contains("material.BR_CERTIFICATE");
		long newCertificate = document(enterprise);
		MvcTestResult resubmitted = mvc.post()
			.uri("/api/v1/applications/" + receipt + "/resubmit")
			.with(user(enterprise))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"answers\": {\"item.GOV-0001.capital\": \"2000000\"}, \"materials\": {\"BR_CERTIFICATE\": "
					+ newCertificate + "}}")
			.exchange();
		assertThat(resubmitted).hasStatusOk();
		JsonNode after = body(resubmitted);
		assertThat(task(after, "GOV-0001").get("status").asString()).isEqualTo("SUBMITTED");
		assertThat(task(after, "GOV-0001").get("formData").get("capital").asString()).isEqualTo("2000000");
		assertThat(task(after, "GOV-0001").get("materials").get("BR_CERTIFICATE").asLong()).isEqualTo(newCertificate);

		assertThat(act("clerk", registration, "accept", null)).hasStatusOk();
		JsonNode accepted = caseOf(enterprise, receipt);
		assertThat(task(accepted, "GOV-0001").has("deadline")).isTrue();
		assertThat(accepted.get("latestDeadline").asString()).isEqualTo(task(accepted, "GOV-0001").get("deadline").asString());

		assertThat(act("officer-market-regulation", registration, "approve", "{}")).as("take the task first")
			.hasStatus(409);
		assertThat(act("officer-market-regulation", registration, "start-review", null)).hasStatusOk();
		MvcTestResult noOutput = act("officer-market-regulation", registration, "approve", "{\"outputs\": {}}");
		assertThat(noOutput).hasStatus(400);
		assertThat(noOutput).bodyText().contains("outputs.creditCode");
		String creditCode = FieldRules.withCheckCharacter("91440300MA5G" + String.format("%05d", registration % 100000));
		assertThat(act("officer-market-regulation", registration, "approve",
				"{\"outputs\": {\"creditCode\": \"" + creditCode + "\"}}")).hasStatusOk();

		JsonNode decided = caseOf(enterprise, receipt);
		assertThat(task(decided, "GOV-0001").get("outputs").get("creditCode").asString()).isEqualTo(creditCode);
		assertThat(task(decided, "TAX-0001").get("status").asString()).isEqualTo("SUBMITTED");
		assertThat(task(decided, "TAX-0001").get("formData").get("creditCode").asString()).isEqualTo(creditCode);
		assertThat(task(decided, "CUS-0001").get("status").asString()).isEqualTo("SUBMITTED");
		assertThat(task(decided, "FIN-0001").get("status").asString()).isEqualTo("WAITING_FOR_PREREQUISITE");
		assertThat(task(decided, "TAX-0001").has("deadline")).as("gets its deadline when accepted").isFalse();

		assertThat(act("clerk", tax, "accept", null)).hasStatusOk();
		assertThat(act("officer-tax", tax, "start-review", null)).hasStatusOk();
		assertThat(act("officer-tax", tax, "refuse", "{\"reason\": \"\"}")).hasStatus(400);
		assertThat(act("officer-tax", tax, "approve", "{}")).hasStatusOk();
		JsonNode bank = task(caseOf(enterprise, receipt), "FIN-0001");
		assertThat(bank.get("status").asString()).isEqualTo("SUBMITTED");
		assertThat(bank.get("formData").get("creditCode").asString()).isEqualTo(creditCode);

		assertThat(act("clerk", registration, "deliver", "{\"method\": \"ELECTRONIC\"}")).hasStatusOk();
		List<String> actions = new ArrayList<>();
		caseOf(enterprise, receipt).get("timeline").forEach(e -> actions.add(e.get("action").asString()));
		assertThat(actions).containsSubsequence("SUBMIT", "REQUEST_CORRECTION", "RESUBMIT", "ACCEPT", "START_REVIEW",
				"APPROVE", "START", "ACCEPT", "START_REVIEW", "APPROVE", "START", "DELIVER");
		assertThat(events.stream(CaseSubmitted.class).filter(e -> e.receiptNumber().equals(receipt))).hasSize(1);
		assertThat(events.stream(CorrectionRequested.class).filter(e -> e.receiptNumber().equals(receipt)))
			.singleElement()
			.satisfies(e -> assertThat(e.deficiencies()).hasSize(2));
		assertThat(events.stream(TaskAccepted.class).filter(e -> e.receiptNumber().equals(receipt))).hasSize(2);
		assertThat(events.stream(TaskDecided.class).filter(e -> e.receiptNumber().equals(receipt)))
			.extracting(TaskDecided::itemCode, TaskDecided::approved)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("GOV-0001", true),
					org.assertj.core.groups.Tuple.tuple("TAX-0001", true));
		assertThat(events.stream(TaskStarted.class).filter(e -> e.receiptNumber().equals(receipt)))
			.extracting(TaskStarted::itemCode)
			.containsExactlyInAnyOrder("TAX-0001", "CUS-0001", "FIN-0001");
		assertThat(events.stream(TaskDelivered.class).filter(e -> e.receiptNumber().equals(receipt))).hasSize(1);
	}

	@Test
	void anIllegalTransitionIs409WithAProblemDetail() throws Exception {
		JsonNode c = submitted("Illegal Ltd");
		long tax = task(c, "TAX-0001").get("id").asLong();
		MvcTestResult result = act("clerk", tax, "accept", null);
		assertThat(result).hasStatus(409);
		assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(body(result).get("code").asString()).isEqualTo("casework.error.illegalTransition");
		assertThat(body(result).get("detail").asString()).contains("not possible");
		assertThat(task(caseOf(account("enterprise-hk"), c.get("receiptNumber").asString()), "TAX-0001").get("status")
			.asString()).isEqualTo("WAITING_FOR_PREREQUISITE");
	}

	@Test
	void aStaleVersionIs409() throws Exception {
		JsonNode c = submitted("Stale Ltd");
		long registration = task(c, "GOV-0001").get("id").asLong();
		int version = task(c, "GOV-0001").get("version").asInt();
		assertThat(act("clerk", registration, "check-materials".equals("x") ? "" : "accept",
				"{\"version\": " + version + "}")).hasStatusOk();
		MvcTestResult stale = act("clerk", registration, "request-correction",
				"{\"version\": " + version + ", \"note\": \"late\"}");
		assertThat(stale).hasStatus(409);
		assertThat(body(stale).get("detail").asString()).contains("Someone else has just changed this");
	}

	@Test
	void twoOfficersDecidingOneTaskAtOnce_oneWinsTheOtherIsTold() throws Exception {
		JsonNode c = submitted("Concurrent Ltd");
		long registration = task(c, "GOV-0001").get("id").asLong();
		assertThat(act("clerk", registration, "accept", null)).hasStatusOk();
		assertThat(act("officer-market-regulation", registration, "start-review", null)).hasStatusOk();
		int version = task(caseOf(account("enterprise-hk"), c.get("receiptNumber").asString()), "GOV-0001").get("version")
			.asInt();
		String code = FieldRules.withCheckCharacter("91440300MA5H" + String.format("%05d", registration % 100000));
		List<MvcTestResult> results = race(2, () -> act("officer-market-regulation", registration, "approve",
				"{\"version\": " + version + ", \"outputs\": {\"creditCode\": \"" + code + "\"}}"));
		assertThat(results).extracting(r -> r.getResponse().getStatus()).containsExactlyInAnyOrder(200, 409);
		assertThat(jdbc.sql("select count(*) from casework_timeline t join casework_case c on c.id = t.case_id "
				+ "where c.receipt_number = :r and t.action = 'APPROVE'")
			.param("r", c.get("receiptNumber").asString())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	// ------------------------------------------------------------------ isolation

	@Test
	void anOfficerNeverSeesAnotherDepartmentsTask() throws Exception {
		JsonNode c = submitted("Isolated Ltd");
		String receipt = c.get("receiptNumber").asString();
		long registration = task(c, "GOV-0001").get("id").asLong();
		assertThat(act("clerk", registration, "accept", null)).hasStatusOk();

		assertThat(act("officer-tax", registration, "start-review", null)).hasStatus(404);
		assertThat(mvc.get().uri("/work-queue/tasks/" + registration).with(user(account("officer-tax"))).exchange())
			.hasStatus(404);
		assertThat(mvc.get().uri("/work-queue/tasks/" + registration).with(user(account("officer-market-regulation")))
			.exchange()).hasStatusOk().bodyText().contains("Isolated Ltd");

		MvcTestResult taxQueue = mvc.get().uri("/api/v1/work-queue?status=ACCEPTED").with(user(account("officer-tax"))).exchange();
		assertThat(taxQueue).hasStatusOk();
		assertThat(taxQueue).bodyText().doesNotContain(receipt);
		MvcTestResult marketQueue = mvc.get()
			.uri("/api/v1/work-queue?status=ACCEPTED")
			.with(user(account("officer-market-regulation")))
			.exchange();
		assertThat(marketQueue).bodyText().contains(receipt);

		JsonNode asTax = caseOf(account("officer-tax"), receipt);
		assertThat(asTax.get("tasks")).extracting(t -> t.get("departmentCode").asString()).containsOnly("tax");
		assertThat(asTax.toString()).doesNotContain("GOV-0001\",\"departmentCode");
		assertThat(mvc.get().uri("/api/v1/applications/" + receipt).with(user(account("officer-hrss"))).exchange())
			.hasStatus(404);
		assertThat(mvc.get().uri("/work-queue").with(user(account("clerk"))).exchange()).hasStatus(403);
	}

	@Test
	void anApplicantNeverSeesAnotherApplicantsCaseOrDocuments() throws Exception {
		JsonNode c = submitted("Private Ltd");
		String receipt = c.get("receiptNumber").asString();
		long documentId = task(c, "GOV-0001").get("materials").get("ARTICLES").asLong();
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
		assertThat(mvc.get().uri("/documents/" + documentId).with(user(account("officer-market-regulation"))).exchange())
			.hasStatusOk();
		assertThat(mvc.get().uri("/documents/" + documentId).with(user(account("officer-customs"))).exchange())
			.as("customs' task does not use the articles")
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
		assertThat(act("clerk", task(c, "GOV-0001").get("id").asLong(), "accept", null)).hasStatus(409);
	}

	// ------------------------------------------------------------------ pages

	@Test
	void aDraftIsSavedAsTheApplicantGoesAndSubmittingItTwiceGivesOneReceipt() throws Exception {
		EstationUser enterprise = account("enterprise-hk");
		MvcTestResult start = mvc.post().uri("/applications/new").param("matter", "M-SETTLE").with(user(enterprise)).with(csrf()).exchange();
		assertThat(start).hasStatus3xxRedirection();
		String draft = start.getResponse().getRedirectedUrl();
		assertThat(draft).matches("/applications/drafts/\\d+");

		MvcTestResult invalid = mvc.post()
			.uri(draft + "/items/GOV-0001")
			.header("Accept-Language", "en")
			.param("item.GOV-0001.capital", "lots")
			.with(user(enterprise))
			.with(csrf())
			.exchange();
		assertThat(invalid).hasStatus(400).bodyText().contains("Enter a number", "aria-invalid=\"true\"");
		assertThat(mvc.get().uri(draft).header("Accept-Language", "en").with(user(enterprise)).exchange()).bodyText()
			.contains("In progress");

		mvc.post().uri(draft + "/shared").param("shared.companyName", "Draft Ltd").with(user(enterprise)).with(csrf()).exchange();
		mvc.post().uri(draft + "/items/GOV-0001").param("item.GOV-0001.capital", "500000").with(user(enterprise)).with(csrf()).exchange();
		mvc.post().uri(draft + "/items/FIN-0001").param("item.FIN-0001.accountType", "GENERAL").with(user(enterprise)).with(csrf()).exchange();
		mvc.post().uri(draft + "/items/CUS-0001").param("item.CUS-0001.creditCode", HK_PARENT_CODE).with(user(enterprise)).with(csrf()).exchange();
		long before = cases();
		MvcTestResult notYet = mvc.post().uri(draft + "/submit").header("Accept-Language", "en").with(user(enterprise)).with(csrf()).exchange();
		assertThat(notYet).hasStatus(400).bodyText().contains("not complete");
		assertThat(cases()).isEqualTo(before);

		MvcTestResult wrongType = mvc.post()
			.uri(draft + "/materials")
			.multipart()
			.file("file.BR_CERTIFICATE", "<html>not a pdf</html>".getBytes(StandardCharsets.UTF_8))
			.header("Accept-Language", "en")
			.with(user(enterprise))
			.with(csrf())
			.exchange();
		assertThat(wrongType).hasStatus(400).bodyText().contains("must be a PDF, JPEG or PNG");
		mvc.post()
			.uri(draft + "/materials")
			.multipart()
			.file(new org.springframework.mock.web.MockMultipartFile("file.BR_CERTIFICATE", "br.pdf", "application/pdf", PDF))
			.file(new org.springframework.mock.web.MockMultipartFile("file.ARTICLES", "articles.pdf", "application/pdf", PDF))
			.with(user(enterprise))
			.with(csrf())
			.exchange();
		assertThat(mvc.get().uri(draft + "/check").header("Accept-Language", "en").with(user(enterprise)).exchange())
			.bodyText()
			.contains("Draft Ltd", "br.pdf", "articles.pdf")
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
			.param("code", "CUS-0002")
			.with(user(clerk))
			.with(csrf())
			.exchange();
		assertThat(badId).hasStatus(400).bodyText().contains("valid identity document number");
		MvcTestResult start = mvc.post()
			.uri("/window/walk-in")
			.param("walkInName", "Lee Siu Ming")
			.param("walkInIdType", "HKID")
			.param("walkInIdNumber", "A123456(3)")
			.param("walkInPhone", "+852 9876 5432")
			.param("applicantType", "HK_RESIDENT")
			.param("kind", "ITEM")
			.param("code", "CUS-0002")
			.with(user(clerk))
			.with(csrf())
			.exchange();
		assertThat(start).hasStatus3xxRedirection();
		String draft = start.getResponse().getRedirectedUrl();
		mvc.post().uri(draft + "/items/CUS-0002").param("item.CUS-0002.question", "Can I bring samples?").with(user(clerk)).with(csrf()).exchange();
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
