package org.hetao.estation.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.hetao.estation.documents.Documents;
import org.hetao.estation.identity.Accounts;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.identity.Role;
import org.hetao.estation.shared.ApplicantType;
import org.hetao.estation.shared.Language;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Real cases through the casework API for the certificate tests: an HK resident (with an account in the
 * language asked) applies for LEG-001 (attested documents, legal-services) at a cross-border self-service kiosk; the clerk accepts or asks for
 * corrections; the department's officer approves or refuses.
 */
public record CaseFixtures(MockMvcTester mvc, Accounts accounts, Documents documents, JdbcClient jdbc, ObjectMapper json) {

	static final byte[] SCAN = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	public static final String OFFICER = "officer-legal-services";

	public EstationUser account(String username) {
		return accounts.findByUsername(username).orElseThrow();
	}

	/** A new applicant with this language; display name {@code 陳大文 <suffix>}. */
	public EstationUser applicant(Language language) {
		String name = "cert-" + UUID.randomUUID().toString().substring(0, 8);
		long id = accounts.create(new Accounts.NewAccount(name, "{noop}x", "陳大文 " + name.substring(5), name + "@example.hk",
				"+852 9123 4567", language, ApplicantType.HK_RESIDENT, null, Set.of(Role.APPLICANT)));
		return accounts.findById(id).orElseThrow();
	}

	public JsonNode body(MvcTestResult result) throws Exception {
		return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	/** Submits LEG-001 (one document); returns the receipt number. */
	public String submit(EstationUser applicant) throws Exception {
		return submit(applicant, 1);
	}

	/** Submits LEG-001 for this many documents; returns the receipt number. */
	public String submit(EstationUser applicant, int documentCount) throws Exception {
		long attested = documents.upload(applicant.id(), "attested.pdf", SCAN, "file").id();
		long hkid = documents.upload(applicant.id(), "hkid.pdf", SCAN, "file").id();
		String body = json.writeValueAsString(Map.of("itemCode", "LEG-001", "answers",
				Map.of("item.LEG-001.documentType", "PERSONAL", "item.LEG-001.usePurpose", "婚姻登記", "item.LEG-001.documentCount", String.valueOf(documentCount),
						"item.LEG-001.contactPhone", "+852 9123 4567"),
				"materials", Map.of("ATTESTED_DOCUMENT", attested, "HKID_COPY", hkid)));
		// LEG-001 is not offered online, only at a window or a cross-border self-service kiosk (#19): the application comes from a kiosk
		MvcTestResult result = mvc.post()
			.uri("/api/v1/applications")
			.cookie(kiosk())
			.with(user(applicant))
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
		assertThat(result).hasStatus(201);
		return body(result).get("receiptNumber").asString();
	}

	/** A cross-border self-service kiosk the hall manager registers: its cookie. */
	jakarta.servlet.http.Cookie kiosk() {
		MvcTestResult registered = mvc.post()
			.uri("/hall/manager/kiosks")
			.param("name", "Certificates test kiosk")
			.with(user(account("hall-manager")))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.exchange();
		assertThat(registered).hasStatus3xxRedirection();
		jakarta.servlet.http.Cookie c = registered.getResponse().getCookie(org.hetao.estation.hall.SelfServiceKiosks.COOKIE);
		return new jakarta.servlet.http.Cookie(c.getName(), c.getValue());
	}

	public long taskId(EstationUser applicant, String receipt) throws Exception {
		MvcTestResult result = mvc.get().uri("/api/v1/applications/" + receipt).with(user(applicant)).exchange();
		assertThat(result).hasStatusOk();
		return body(result).get("tasks").get(0).get("id").asLong();
	}

	public void act(String username, long taskId, String action, String body) {
		MvcTestResult result = mvc.post()
			.uri("/api/v1/tasks/" + taskId + "/" + action)
			.with(user(account(username)))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body == null ? "{}" : body)
			.exchange();
		assertThat(result).as(action).hasStatusOk();
	}

	void requestCorrection(long taskId) {
		act("clerk", taskId, "request-correction",
				"{\"missingMaterials\": [\"HKID_COPY\"], \"note\": \"公證文書欠缺第二頁\"}");
	}

	/**
	 * The window takes a charged task's fee in cash once it is due (its fee line is assessed after the acceptance
	 * commits): the pay point holds the decision until then.
	 */
	public void paidAtTheWindow(long taskId) {
		String receipt = awaitDue(taskId);
		MvcTestResult paid = mvc.post()
			.uri("/api/v1/applications/" + receipt + "/window-payments")
			.with(user(account("clerk")))
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"method\": \"CASH\"}")
			.exchange();
		assertThat(paid).as("paid at the window").hasStatus(201);
	}

	/** Waits until the task's fee is due; its case's receipt number. */
	public String awaitDue(long taskId) {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			var receipt = jdbc.sql("select receipt_number from payments_fee_line where task_id = :t and status = 'DUE'")
				.param("t", taskId)
				.query(String.class)
				.optional();
			if (receipt.isPresent()) {
				return receipt.get();
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new AssertionError(e);
			}
		}
		throw new AssertionError("the fee of task " + taskId + " did not fall due");
	}

	void refuse(long taskId, String reason) {
		act("clerk", taskId, "accept", null);
		act(OFFICER, taskId, "start-review", null);
		act(OFFICER, taskId, "refuse", json.writeValueAsString(Map.of("reason", reason)));
	}

	/** Accepts the task, takes its fee at the window, approves it; waits for its certificate and returns its number. */
	String approve(long taskId) {
		act("clerk", taskId, "accept", null);
		paidAtTheWindow(taskId);
		act(OFFICER, taskId, "start-review", null);
		act(OFFICER, taskId, "approve", "{\"outputs\": {\"notarialCertificateNumber\": \"N-" + taskId + "\"}}");
		return certificateOf(taskId);
	}

	/** The certificate number of a task, waiting for the listener that issues it after the decision. */
	String certificateOf(long taskId) {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			var number = jdbc.sql("select number from certificate where task_id = :t").param("t", taskId).query(String.class).optional();
			if (number.isPresent()) {
				return number.get();
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new AssertionError(e);
			}
		}
		throw new AssertionError("no certificate was issued for task " + taskId);
	}

}
