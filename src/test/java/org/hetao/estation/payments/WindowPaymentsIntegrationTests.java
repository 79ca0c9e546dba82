package org.hetao.estation.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
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
 * Paying at the window (#20): the clerk records cash, card or FPS for the fees due of a real case (LEG-001, two
 * documents × HK$250) — the reference required for card and FPS, once per Idempotency-Key, audited; nothing due is
 * 409; only the window records it. An online payment still open when the window takes the money, and that then
 * succeeds, is refunded through the provider and the fee stays paid once.
 */
@SpringBootTest(properties = "estation.payments.sandbox.notify-delay=PT1H")
class WindowPaymentsIntegrationTests extends PaymentsTestSupport {

	EstationUser applicant;

	EstationUser clerk;

	String receipt;

	long taskId;

	@BeforeEach
	void aCaseWhoseFeeIsDue() throws Exception {
		clerk = cases.account("clerk");
		applicant = cases.applicant(Language.EN);
		receipt = cases.submit(applicant, 2);
		taskId = cases.taskId(applicant, receipt);
		cases.act("clerk", taskId, "accept", null);
		assertThat(driver.awaitFeeStatus(taskId, "DUE")).isEqualTo("DUE");
	}

	MvcTestResult atWindow(EstationUser who, String key, String body) {
		var request = mvc.post()
			.uri("/api/v1/applications/" + receipt + "/window-payments")
			.with(user(who))
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body);
		if (key != null) {
			request = request.header("Idempotency-Key", key);
		}
		return request.exchange();
	}

	String text(MvcTestResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	long audited(String action) {
		return jdbc.sql("""
				select count(*) from (select action, target from audit_pending union all select action, target from audit_log) a
				where a.action = :a and a.target = :t""")
			.param("a", action)
			.param("t", "receiptNumber:" + receipt)
			.query(Long.class)
			.single();
	}

	@Test
	void cashIsRecordedOncePerKeyPaysTheFeeAndIsAudited() throws Exception {
		assertThat(atWindow(clerk, null, "{\"method\": \"CASH\"}")).hasStatus(400);
		String key = UUID.randomUUID().toString();
		MvcTestResult paid = atWindow(clerk, key, "{\"method\": \"CASH\"}");
		assertThat(paid).hasStatus(201);
		JsonNode payment = cases.body(paid);
		assertThat(payment.get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(payment.get("amount").asLong()).isEqualTo(50000);
		assertThat(payment.get("currency").asString()).isEqualTo("HKD");
		String id = payment.get("paymentId").asString();
		assertThat(driver.feeStatus(taskId)).isEqualTo("PAID");
		assertThat(jdbc.sql("select method from payments_payment where id = :id").param("id", id).query(String.class).single())
			.isEqualTo("WINDOW_CASH");

		// pressed again (the same key): the same payment, nothing taken twice
		MvcTestResult again = atWindow(clerk, key, "{\"method\": \"CASH\"}");
		assertThat(again).hasStatus(201);
		assertThat(cases.body(again).get("paymentId").asString()).isEqualTo(id);
		assertThat(jdbc.sql("select count(*) from payments_payment where receipt_number = :r").param("r", receipt)
			.query(Long.class).single()).isEqualTo(1);
		// a new key: nothing is due any more
		MvcTestResult nothing = atWindow(clerk, UUID.randomUUID().toString(), "{\"method\": \"CASH\"}");
		assertThat(nothing).hasStatus(409);
		assertThat(cases.body(nothing).get("code").asString()).isEqualTo("payments.error.nothingDue");
		// nor can the applicant pay it online now
		assertThat(mvc.post().uri("/api/v1/applications/" + receipt + "/payments").with(user(applicant))
			.header("Idempotency-Key", UUID.randomUUID().toString()).exchange()).hasStatus(409);

		assertThat(audited("payments.FeePaidAtWindow")).isEqualTo(1);
		// the applicant reads the payment of their case
		assertThat(mvc.get().uri("/api/v1/payments/" + id).with(user(applicant)).exchange()).hasStatusOk();
	}

	@Test
	void cardAndFpsNeedTheirReference() throws Exception {
		MvcTestResult noReference = atWindow(clerk, UUID.randomUUID().toString(), "{\"method\": \"CARD\"}");
		assertThat(noReference).hasStatus(422);
		JsonNode problem = cases.body(noReference);
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("reference");
		assertThat(problem.get("errors").get(0).get("message").asString()).contains("reference");
		assertThat(atWindow(clerk, UUID.randomUUID().toString(), "{\"method\": \"FPS\", \"reference\": \"  \"}"))
			.hasStatus(422);
		MvcTestResult noMethod = atWindow(clerk, UUID.randomUUID().toString(), "{\"method\": \"CHEQUE\"}");
		assertThat(noMethod).hasStatus(422);
		assertThat(cases.body(noMethod).get("errors").get(0).get("field").asString()).isEqualTo("method");
		assertThat(driver.feeStatus(taskId)).as("nothing recorded").isEqualTo("DUE");

		MvcTestResult card = atWindow(clerk, UUID.randomUUID().toString(),
				"{\"method\": \"CARD\", \"reference\": \"TERM-0042-778811\", \"currency\": \"HKD\"}");
		assertThat(card).hasStatus(201);
		String id = cases.body(card).get("paymentId").asString();
		assertThat(jdbc.sql("select method || ' ' || reference from payments_payment where id = :id").param("id", id)
			.query(String.class).single()).isEqualTo("WINDOW_CARD TERM-0042-778811");
		assertThat(driver.feeStatus(taskId)).isEqualTo("PAID");

		// FPS, on a second case
		String second = cases.submit(applicant, 1);
		long secondTask = cases.taskId(applicant, second);
		cases.act("clerk", secondTask, "accept", null);
		assertThat(driver.awaitFeeStatus(secondTask, "DUE")).isEqualTo("DUE");
		MvcTestResult fps = mvc.post()
			.uri("/api/v1/applications/" + second + "/window-payments")
			.with(user(clerk))
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"method\": \"FPS\", \"reference\": \"FRN20261207000123\"}")
			.exchange();
		assertThat(fps).hasStatus(201);
		assertThat(cases.body(fps).get("amount").asLong()).isEqualTo(25000);
		assertThat(driver.feeStatus(secondTask)).isEqualTo("PAID");
	}

	@Test
	void theWindowsCasePageRecordsItWithAFormMadeOnce() throws Exception {
		MvcTestResult fragment = mvc.get()
			.uri("/payments/window/" + receipt)
			.header("HX-Request", "true")
			.header("Accept-Language", "en")
			.with(user(clerk))
			.exchange();
		assertThat(fragment).hasStatusOk();
		String html = text(fragment);
		assertThat(html).contains("window-payment-form", "name=\"method\"", "name=\"reference\"", "HKD 500.00")
			.doesNotContain("<html");
		String key = html.replaceAll("(?s).*name=\"key\" value=\"([^\"]+)\".*", "$1");

		// card without its reference: the form again, the field named, nothing recorded
		MvcTestResult refused = mvc.post()
			.uri("/payments/window/" + receipt)
			.param("key", key).param("currency", "HKD").param("method", "CARD")
			.header("Accept-Language", "en")
			.with(user(clerk))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.exchange();
		assertThat(refused).hasStatus(422);
		assertThat(text(refused)).contains("aria-invalid=\"true\"", "Enter the card terminal");
		assertThat(driver.feeStatus(taskId)).isEqualTo("DUE");

		for (int press = 0; press < 2; press++) {
			MvcTestResult recorded = mvc.post()
				.uri("/payments/window/" + receipt)
				.param("key", key).param("currency", "HKD").param("method", "CARD").param("reference", "T-77")
				.with(user(clerk))
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
				.exchange();
			assertThat(recorded).hasStatus3xxRedirection();
			assertThat(recorded.getResponse().getRedirectedUrl()).startsWith("/window/cases/");
		}
		assertThat(driver.feeStatus(taskId)).isEqualTo("PAID");
		assertThat(jdbc.sql("select count(*) from payments_payment where receipt_number = :r").param("r", receipt)
			.query(Long.class).single()).as("pressed twice, recorded once").isEqualTo(1);
		// not a page for anyone but the window
		assertThat(mvc.get().uri("/payments/window/" + receipt).with(user(cases.account(CaseFixtures.OFFICER))).exchange())
			.hasStatus(403);
	}

	@Test
	void onlyTheWindowRecordsIt() throws Exception {
		String body = "{\"method\": \"CASH\"}";
		// may see the case but is not at the window: 403; may not see it: 404
		assertThat(atWindow(applicant, UUID.randomUUID().toString(), body)).hasStatus(403);
		assertThat(atWindow(cases.account(CaseFixtures.OFFICER), UUID.randomUUID().toString(), body)).hasStatus(403);
		assertThat(atWindow(cases.account("officer-tax"), UUID.randomUUID().toString(), body)).hasStatus(404);
		assertThat(atWindow(cases.applicant(Language.EN), UUID.randomUUID().toString(), body)).hasStatus(404);
		assertThat(driver.feeStatus(taskId)).isEqualTo("DUE");
	}

	@Test
	void anOnlinePaymentThatSucceedsAfterTheWindowTookTheMoneyIsRefundedThroughTheProvider() throws Exception {
		// the applicant starts paying online and leaves it open…
		MvcTestResult online = mvc.post()
			.uri("/api/v1/applications/" + receipt + "/payments")
			.with(user(applicant))
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.exchange();
		assertThat(online).hasStatus(201);
		JsonNode payment = cases.body(online);
		String ref = SandboxDriver.ref(payment);
		// …then pays at the window, which takes the fee although an online payment holds it
		assertThat(atWindow(clerk, UUID.randomUUID().toString(), "{\"method\": \"CASH\"}")).hasStatus(201);
		assertThat(driver.feeStatus(taskId)).isEqualTo("PAID");

		// the online payment goes through after all: its money goes back through the provider
		assertThat(sandbox.decide(ref, SandboxPayments.SUCCEEDS)).isEqualTo(SandboxPayments.Decision.SUCCEEDED);
		MvcTestResult applied = driver.notify(driver.notification(ref, "SUCCEEDED", 50000), Instant.now());
		assertThat(cases.body(applied).get("result").asString()).isEqualTo("REFUNDED");
		String paymentId = payment.get("paymentId").asString();
		assertThat(jdbc.sql("select status from payments_payment where id = :id").param("id", paymentId)
			.query(String.class).single()).isEqualTo("REFUNDED");
		assertThat(jdbc.sql("select status from payments_sandbox_session where ref = :r").param("r", ref)
			.query(String.class).single()).as("refunded at the provider").isEqualTo("REFUNDED");
		assertThat(jdbc.sql("select sum(amount_minor) from payments_refund where payment_id = :id").param("id", paymentId)
			.query(Long.class).single()).isEqualTo(50000);
		// the fee is paid once: by the window
		assertThat(driver.feeStatus(taskId)).isEqualTo("PAID");
		assertThat(jdbc.sql("select count(*) from payments_payment where receipt_number = :r and status = 'SUCCEEDED'")
			.param("r", receipt).query(Long.class).single()).isEqualTo(1);
		// and a repeat of the notification changes nothing
		assertThat(cases.body(driver.notify(driver.notification(ref, "SUCCEEDED", 50000), Instant.now())).get("result")
			.asString()).isEqualTo("ALREADY");
	}

}
