package org.hetao.estation.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.notification.Notifications;
import org.hetao.estation.payments.internal.SandboxPayments;
import org.hetao.estation.shared.Language;
import org.hetao.estation.shared.Money;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;

/**
 * The provider is out: paying answers 503 in the reader's language, nothing is left half-written (no payment holds
 * the fees), and the same Idempotency-Key makes the payment once the provider is back. While the platform cannot be
 * reached, the provider's notification waits in its outbox; when it comes late (and twice) it is applied once.
 * The failure is injected through a test-only provider (a switch around the sandbox), not a backdoor in the
 * application.
 */
@SpringBootTest(properties = { "estation.payments.provider=flaky", "estation.payments.sandbox.notify-delay=PT1H",
		// the platform cannot be reached: nothing listens there
		"estation.payments.sandbox.notify-url=http://127.0.0.1:9/api/v1/payments/providers/flaky/notifications" })
@Import(PaymentOutageIntegrationTests.FlakyProviderConfiguration.class)
class PaymentOutageIntegrationTests extends PaymentsTestSupport {

	/** The sandbox, behind a switch that makes it unreachable. */
	static class FlakyProvider implements PaymentProvider {

		final SandboxPayments sandbox;

		volatile boolean down;

		FlakyProvider(SandboxPayments sandbox) {
			this.sandbox = sandbox;
		}

		private void reach() {
			if (down) {
				throw new java.io.UncheckedIOException(new java.net.ConnectException("Connection refused (test outage)"));
			}
		}

		@Override
		public String name() {
			return "flaky";
		}

		@Override
		public Created create(String paymentId, Money amount, String description, String returnUrl) {
			reach();
			return sandbox.create(paymentId, amount, description, returnUrl);
		}

		@Override
		public Optional<Notification> read(Map<String, String> headers, byte[] body) {
			return sandbox.read(headers, body);
		}

		@Override
		public Optional<Notification.Outcome> query(String providerRef) {
			reach();
			return sandbox.query(providerRef);
		}

		@Override
		public void refund(String providerRef, Money amount, String reason) {
			reach();
			sandbox.refund(providerRef, amount, reason);
		}

		@Override
		public List<SettlementLine> settlement(LocalDate day, java.time.ZoneId zone) {
			return List.of();
		}

	}

	@TestConfiguration
	static class FlakyProviderConfiguration {

		@Bean
		FlakyProvider flakyProvider(SandboxPayments sandbox) {
			return new FlakyProvider(sandbox);
		}

	}

	@Autowired
	FlakyProvider flaky;

	@Autowired
	Notifications notifications;

	EstationUser applicant;

	String receipt;

	long taskId;

	@BeforeEach
	void aDueFee() throws Exception {
		applicant = cases.applicant(Language.ZH_HANT);
		receipt = cases.submit(applicant, 2);
		taskId = cases.taskId(applicant, receipt);
		cases.act("clerk", taskId, "accept", null);
		assertThat(driver.awaitFeeStatus(taskId, "DUE")).isEqualTo("DUE");
	}

	@AfterEach
	void providerBack() {
		flaky.down = false;
	}

	MvcTestResult pay(String key, String language) {
		return mvc.post()
			.uri("/api/v1/applications/" + receipt + "/payments")
			.with(user(applicant))
			.header("Idempotency-Key", key)
			.header("Accept-Language", language)
			.exchange();
	}

	int payments() {
		return jdbc.sql("select count(*) from payments_payment where receipt_number = :r").param("r", receipt)
			.query(Integer.class).single();
	}

	@Test
	void anOutageAnswers503AndLeavesNothingThenTheSameKeyPays() throws Exception {
		String key = UUID.randomUUID().toString();
		flaky.down = true;
		MvcTestResult out = pay(key, "zh-Hant");
		assertThat(out).hasStatus(503);
		assertThat(out.getResponse().getContentType()).startsWith("application/problem+json");
		JsonNode problem = cases.body(out);
		assertThat(problem.get("code").asString()).isEqualTo("payments.error.providerUnavailable");
		assertThat(problem.get("detail").asString()).contains("再試");
		assertThat(cases.body(pay(key, "en")).get("detail").asString()).contains("try again");
		// nothing half-written: no payment holds the fee, which is still due
		assertThat(payments()).isZero();
		assertThat(driver.feeStatus(taskId)).isEqualTo("DUE");

		// the provider is back: the same key makes the payment, once
		flaky.down = false;
		MvcTestResult made = pay(key, "en");
		assertThat(made).hasStatus(201);
		JsonNode payment = cases.body(made);
		assertThat(payment.get("status").asString()).isEqualTo("CREATED");
		assertThat(payment.get("nextUrl").asString()).startsWith("/sandbox-pay/sbx_");
		assertThat(cases.body(pay(key, "en")).get("paymentId").asString()).isEqualTo(payment.get("paymentId").asString());
		assertThat(payments()).isEqualTo(1);
	}

	/** What a process killed between writing a payment and calling its provider leaves: a payment with no reference. */
	void leftByACrash(String id, String key, Instant at) {
		jdbc.sql("insert into payments_payment (id, receipt_number, payer_account_id, amount_minor, currency, status, provider, "
				+ "idempotency_key, created_at, updated_at) values (:id, :r, :a, 50000, 'HKD', 'CREATED', 'flaky', :k, :at, :at)")
			.param("id", id)
			.param("r", receipt)
			.param("a", applicant.id())
			.param("k", key)
			.param("at", at.atOffset(java.time.ZoneOffset.UTC))
			.update();
		jdbc.sql("insert into payments_payment_line (payment_id, fee_line_id) select :id, id from payments_fee_line where task_id = :t")
			.param("id", id)
			.param("t", taskId)
			.update();
	}

	@Test
	void aPaymentThatNeverReachedTheProviderBeforeACrashIsSafelyRetried() throws Exception {
		String key = UUID.randomUUID().toString();
		// still possibly in flight (moments old): the same key answers with it, and another key finds the fee held
		leftByACrash("pay_inflight", key, Instant.now());
		assertThat(cases.body(pay(key, "en")).get("paymentId").asString()).isEqualTo("pay_inflight");
		assertThat(pay(UUID.randomUUID().toString(), "en")).hasStatus(409);
		jdbc.sql("delete from payments_payment_line where payment_id = 'pay_inflight'").update();
		jdbc.sql("delete from payments_payment where id = 'pay_inflight'").update();

		// surely lost (older than any provider call): it goes, and the same key makes the payment at the provider
		leftByACrash("pay_lost", key, Instant.now().minus(Duration.ofMinutes(10)));
		MvcTestResult retried = pay(key, "en");
		assertThat(retried).hasStatus(201);
		assertThat(cases.body(retried).get("paymentId").asString()).isNotEqualTo("pay_lost");
		assertThat(cases.body(retried).get("nextUrl").asString()).startsWith("/sandbox-pay/sbx_");
		assertThat(payments()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from payments_payment_line where payment_id = 'pay_lost'").query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aNotificationThatCouldNotBeDeliveredIsAppliedOnceWhenItComesLate() throws Exception {
		JsonNode payment = cases.body(pay(UUID.randomUUID().toString(), "en"));
		String paymentId = payment.get("paymentId").asString();
		String ref = SandboxDriver.ref(payment);
		assertThat(sandbox.decide(ref, SandboxPayments.SUCCEEDS)).isEqualTo(SandboxPayments.Decision.SUCCEEDED);

		// the provider decided, but the platform cannot be reached: its notification stays in its outbox, to retry
		assertThat(sandbox.deliverDue()).isZero();
		var waiting = jdbc.sql("select attempts, sent_at from payments_sandbox_outbox where body like :r")
			.param("r", "%" + ref + "%")
			.query((rs, n) -> new Object[] { rs.getInt(1), rs.getObject(2) })
			.single();
		assertThat((Integer) waiting[0]).isPositive();
		assertThat(waiting[1]).isNull();
		assertThat(jdbc.sql("select status from payments_payment where id = :p").param("p", paymentId).query(String.class)
			.single()).isEqualTo("CREATED");
		assertThat(driver.feeStatus(taskId)).isEqualTo("DUE");

		// later (signed when sent, as the provider's retry is), and twice: applied once
		String body = jdbc.sql("select body from payments_sandbox_outbox where body like :r").param("r", "%" + ref + "%")
			.query(String.class).single();
		SandboxPayments.Signed late = sandbox.sign(body, Instant.now());
		assertThat(result(late)).isEqualTo("APPLIED");
		assertThat(result(sandbox.sign(body, Instant.now()))).isEqualTo("ALREADY");
		assertThat(jdbc.sql("select status from payments_payment where id = :p").param("p", paymentId).query(String.class)
			.single()).isEqualTo("SUCCEEDED");
		assertThat(driver.feeStatus(taskId)).isEqualTo("PAID");
		assertThat(jdbc.sql("select count(*) from payments_notification where payment_id = :p").param("p", paymentId)
			.query(Integer.class).single()).isEqualTo(1);
		// the payer is told once, per channel
		long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (paid() < 3 && System.nanoTime() < until) {
			Thread.sleep(100);
		}
		Thread.sleep(1000);
		assertThat(paid()).isEqualTo(3);
	}

	long paid() {
		return notifications.of(applicant.id()).stream().filter(n -> n.template().equals("paymentPaid")).count();
	}

	String result(SandboxPayments.Signed signed) throws Exception {
		var request = mvc.post()
			.uri("/api/v1/payments/providers/flaky/notifications")
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.content(signed.body());
		for (var h : signed.headers().entrySet()) {
			request = request.header(h.getKey(), h.getValue());
		}
		MvcTestResult r = request.exchange();
		assertThat(r).hasStatusOk();
		return json.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8)).get("result").asString();
	}

}
