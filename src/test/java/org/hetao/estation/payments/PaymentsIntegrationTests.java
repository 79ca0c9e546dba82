package org.hetao.estation.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.hetao.estation.certificates.CaseFixtures;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.payments.internal.SandboxPayments;
import org.hetao.estation.shared.Language;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;

/**
 * Paying a fee online through the sandbox provider, over the API, on a real case: LEG-001 (HK$250 a document,
 * two documents) — its fee is not due until the window accepts, then due, paid once per Idempotency-Key, and
 * completed by the provider's signed notification, applied once however often it comes; a decline frees the
 * fee to be paid again; a forged or stale notification is refused; another applicant sees nothing.
 */
@SpringBootTest(properties = "estation.payments.sandbox.notify-delay=PT1H")
class PaymentsIntegrationTests extends PaymentsTestSupport {

	EstationUser applicant;

	String receipt;

	long taskId;

	@BeforeEach
	void aCaseWithAFee() throws Exception {
		applicant = cases.applicant(Language.EN);
		receipt = cases.submit(applicant, 2);
		taskId = cases.taskId(applicant, receipt);
	}

	JsonNode fees(EstationUser who) throws Exception {
		MvcTestResult result = mvc.get().uri("/api/v1/applications/" + receipt + "/fees").with(user(who)).exchange();
		assertThat(result).hasStatusOk();
		return cases.body(result).get("lines");
	}

	MvcTestResult pay(EstationUser who, String key) {
		var request = mvc.post().uri("/api/v1/applications/" + receipt + "/payments").with(user(who));
		if (key != null) {
			request = request.header("Idempotency-Key", key);
		}
		return request.exchange();
	}

	String result(MvcTestResult response) throws Exception {
		assertThat(response).hasStatusOk();
		return cases.body(response).get("result").asString();
	}

	MvcTestResult notify(String body, Instant at) {
		return driver.notify(body, at);
	}

	String notification(String ref, String outcome, long amount) {
		return driver.notification(ref, outcome, amount);
	}

	static String ref(JsonNode payment) {
		return SandboxDriver.ref(payment);
	}

	String lineStatus() {
		return driver.feeStatus(taskId);
	}

	String paymentStatus(String id) {
		return jdbc.sql("select status from payments_payment where id = :id").param("id", id).query(String.class).single();
	}

	void accepted() {
		cases.act("clerk", taskId, "accept", null);
		assertThat(driver.awaitFeeStatus(taskId, "DUE")).isEqualTo("DUE");
	}

	@Test
	void theFeeFallsDueAtAcceptanceAndIsPaidOnceThroughTheSandbox() throws Exception {
		// assessed at submission: 2 documents × HK$250, not yet payable
		assertThat(driver.awaitFeeStatus(taskId, "NOT_YET_DUE")).isEqualTo("NOT_YET_DUE");
		JsonNode line = fees(applicant).get(0);
		assertThat(line.get("itemCode").asString()).isEqualTo("LEG-001");
		assertThat(line.get("amount").asLong()).isEqualTo(50000);
		assertThat(line.get("currency").asString()).isEqualTo("HKD");
		MvcTestResult early = pay(applicant, "k-early-" + UUID.randomUUID());
		assertThat(early).hasStatus(409);
		assertThat(early.getResponse().getContentType()).startsWith("application/problem+json");

		accepted();
		assertThat(pay(applicant, null)).hasStatus(400);

		String key = UUID.randomUUID().toString();
		MvcTestResult first = pay(applicant, key);
		assertThat(first).hasStatus(201);
		JsonNode payment = cases.body(first);
		assertThat(payment.get("status").asString()).isEqualTo("CREATED");
		assertThat(payment.get("amount").asLong()).isEqualTo(50000);
		assertThat(payment.get("currency").asString()).isEqualTo("HKD");
		assertThat(payment.get("nextUrl").asString()).startsWith("/sandbox-pay/sbx_");
		String paymentId = payment.get("paymentId").asString();
		// the same key: the same payment; another key while it is open: nothing else is due
		assertThat(cases.body(pay(applicant, key)).get("paymentId").asString()).isEqualTo(paymentId);
		assertThat(pay(applicant, UUID.randomUUID().toString())).hasStatus(409);

		// another applicant sees neither the fees nor the payment
		EstationUser stranger = cases.applicant(Language.EN);
		assertThat(mvc.get().uri("/api/v1/applications/" + receipt + "/fees").with(user(stranger)).exchange()).hasStatus(404);
		assertThat(mvc.get().uri("/api/v1/payments/" + paymentId).with(user(stranger)).exchange()).hasStatus(404);

		// the hosted page: a card that is no test card is refused with a reason; the test card pays
		String ref = ref(payment);
		MvcTestResult page = mvc.post().uri("/sandbox-pay/" + ref).param("cardNumber", "1234").with(csrf()).exchange();
		assertThat(page).hasStatusOk();
		assertThat(page.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("aria-invalid=\"true\"");
		MvcTestResult paid = mvc.post().uri("/sandbox-pay/" + ref).param("cardNumber", "4242 4242 4242 4242").with(csrf()).exchange();
		assertThat(paid).hasStatus3xxRedirection();
		assertThat(paid.getResponse().getRedirectedUrl()).isEqualTo("/applications/" + receipt + "/fees?payment=" + paymentId);
		assertThat(paymentStatus(paymentId)).isEqualTo("SUBMITTED");

		// the provider's notification (the sandbox's own, from its outbox), then its duplicate: applied once
		String queued = jdbc.sql("select body from payments_sandbox_outbox where body like :ref")
			.param("ref", "%" + ref + "%")
			.query(String.class)
			.single();
		assertThat(result(notify(queued, Instant.now()))).isEqualTo("APPLIED");
		assertThat(result(notify(queued, Instant.now()))).isEqualTo("ALREADY");
		assertThat(paymentStatus(paymentId)).isEqualTo("SUCCEEDED");
		assertThat(fees(applicant).get(0).get("status").asString()).isEqualTo("PAID");
		// a late failure about the same payment changes nothing
		assertThat(result(notify(notification(ref, "FAILED", 50000), Instant.now()))).isEqualTo("ALREADY");
		assertThat(paymentStatus(paymentId)).isEqualTo("SUCCEEDED");
		// the payer (and staff) read it; nothing more is due
		MvcTestResult read = mvc.get().uri("/api/v1/payments/" + paymentId).with(user(applicant)).exchange();
		assertThat(cases.body(read).get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(cases.body(read).get("receiptNumber").asString()).isEqualTo(receipt);
		assertThat(mvc.get().uri("/api/v1/payments/" + paymentId).with(user(cases.account("clerk"))).exchange()).hasStatusOk();
		assertThat(pay(applicant, UUID.randomUUID().toString())).hasStatus(409);
	}

	@Test
	void aDeclineFreesTheFeeAndForgedOrStaleNotificationsAreRefused() throws Exception {
		accepted();
		JsonNode payment = cases.body(pay(applicant, UUID.randomUUID().toString()));
		String paymentId = payment.get("paymentId").asString();
		String ref = ref(payment);

		// not signed by the provider, or signed too long ago: refused, nothing changes
		String success = notification(ref, "SUCCEEDED", 50000);
		MvcTestResult forged = mvc.post()
			.uri("/api/v1/payments/providers/sandbox/notifications")
			.contentType(MediaType.APPLICATION_JSON)
			.header("Sandbox-Timestamp", String.valueOf(Instant.now().getEpochSecond()))
			.header("Sandbox-Signature", "sha256=" + "00".repeat(32))
			.content(success)
			.exchange();
		assertThat(forged).hasStatus(400);
		assertThat(notify(success, Instant.now().minus(Duration.ofMinutes(10)))).hasStatus(400);
		// an amount that is not the payment's is not believed either
		assertThat(notify(notification(ref, "SUCCEEDED", 1), Instant.now())).hasStatus(400);
		assertThat(paymentStatus(paymentId)).isEqualTo("CREATED");

		// declined: the payment failed, the fee is still due and can be paid with a new payment
		assertThat(result(notify(notification(ref, "FAILED", 50000), Instant.now()))).isEqualTo("APPLIED");
		assertThat(paymentStatus(paymentId)).isEqualTo("FAILED");
		assertThat(lineStatus()).isEqualTo("DUE");
		MvcTestResult again = pay(applicant, UUID.randomUUID().toString());
		assertThat(again).hasStatus(201);
		assertThat(cases.body(again).get("paymentId").asString()).isNotEqualTo(paymentId);
	}

	@Test
	void aSuccessAfterTheFeeWasPaidAnotherWayIsRefunded() throws Exception {
		accepted();
		JsonNode first = cases.body(pay(applicant, UUID.randomUUID().toString()));
		// declined first, then a second payment succeeds…
		assertThat(result(notify(notification(ref(first), "FAILED", 50000), Instant.now()))).isEqualTo("APPLIED");
		JsonNode second = cases.body(pay(applicant, UUID.randomUUID().toString()));
		assertThat(sandbox.decide(ref(second), SandboxPayments.SUCCEEDS)).isEqualTo(SandboxPayments.Decision.SUCCEEDED);
		assertThat(result(notify(notification(ref(second), "SUCCEEDED", 50000), Instant.now()))).isEqualTo("APPLIED");
		// …and then the first turns out to have gone through after all (a late success): its money goes back
		assertThat(sandbox.decide(ref(first), SandboxPayments.SUCCEEDS)).isEqualTo(SandboxPayments.Decision.SUCCEEDED);
		assertThat(result(notify(notification(ref(first), "SUCCEEDED", 50000), Instant.now()))).isEqualTo("REFUNDED");
		assertThat(paymentStatus(first.get("paymentId").asString())).isEqualTo("REFUNDED");
		assertThat(paymentStatus(second.get("paymentId").asString())).isEqualTo("SUCCEEDED");
		assertThat(lineStatus()).isEqualTo("PAID");
	}


	MvcTestResult refund(EstationUser who, String paymentId, String body) {
		return mvc.post()
			.uri("/api/v1/payments/" + paymentId + "/refunds")
			.with(user(who))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	@Test
	void theDecidingDepartmentsOfficerRefundsAWithdrawnCaseNeverMoreThanWasPaid() throws Exception {
		accepted();
		JsonNode payment = cases.body(pay(applicant, UUID.randomUUID().toString()));
		String paymentId = payment.get("paymentId").asString();
		assertThat(sandbox.decide(ref(payment), SandboxPayments.SUCCEEDS)).isEqualTo(SandboxPayments.Decision.SUCCEEDED);
		assertThat(result(notify(notification(ref(payment), "SUCCEEDED", 50000), Instant.now()))).isEqualTo("APPLIED");
		EstationUser officer = cases.account(CaseFixtures.OFFICER);

		// no grounds while the case goes on
		assertThat(refund(officer, paymentId, "{\"amount\": 1000, \"reason\": \"不需要\"}")).hasStatus(409);
		MvcTestResult withdrawn = mvc.post()
			.uri("/api/v1/applications/" + receipt + "/withdraw")
			.with(user(applicant))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\": \"plans changed\"}")
			.exchange();
		assertThat(withdrawn).hasStatusOk();

		// not theirs to refund: the applicant, another department's officer
		assertThat(refund(applicant, paymentId, "{\"amount\": 1000, \"reason\": \"x\"}")).hasStatus(404);
		assertThat(refund(cases.account("officer-tax"), paymentId, "{\"amount\": 1000, \"reason\": \"x\"}")).hasStatus(404);
		// what is missing is named
		MvcTestResult incomplete = refund(officer, paymentId, "{}");
		assertThat(incomplete).hasStatus(422);
		assertThat(incomplete.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("amount", "reason");

		MvcTestResult part = refund(officer, paymentId, "{\"amount\": 20000, \"reason\": \"撤回申請，退回部分費用\"}");
		assertThat(part).hasStatus(201);
		assertThat(cases.body(part).get("status").asString()).isEqualTo("PARTIALLY_REFUNDED");
		MvcTestResult tooMuch = refund(officer, paymentId, "{\"amount\": 30001, \"reason\": \"餘額\"}");
		assertThat(tooMuch).hasStatus(409);
		assertThat(tooMuch.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("300.00");
		MvcTestResult rest = refund(officer, paymentId, "{\"amount\": 30000, \"reason\": \"餘額\"}");
		assertThat(cases.body(rest).get("status").asString()).isEqualTo("REFUNDED");
		assertThat(lineStatus()).isEqualTo("REFUNDED");
		assertThat(jdbc.sql("""
				select count(*) from (select action, target from audit_pending union all select action, target from audit_log) a
				where a.action = 'payments.PaymentRefunded' and a.target like :t""")
			.param("t", "%" + receipt + "%")
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

}
