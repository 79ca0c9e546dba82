package org.hetao.estation.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hetao.estation.certificates.CaseFixtures;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.payments.internal.SandboxPayments;
import org.hetao.estation.shared.Language;
import org.hetao.estation.shared.Zone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;

/**
 * The officer's refund page (what was paid and refunded, why no refund can be made, the amount as money with a
 * field message when it is too much) and the sandbox provider's settlement file of the day (CSV, supervisors only).
 */
@SpringBootTest(properties = "estation.payments.sandbox.notify-delay=PT1H")
class RefundPageAndSettlementIntegrationTests extends PaymentsTestSupport {

	EstationUser applicant;

	EstationUser officer;

	String receipt;

	String paymentId;

	String ref;

	long taskId;

	@BeforeEach
	void aPaidFee() throws Exception {
		officer = cases.account(CaseFixtures.OFFICER);
		applicant = cases.applicant(Language.EN);
		receipt = cases.submit(applicant, 2);
		taskId = cases.taskId(applicant, receipt);
		cases.act("clerk", taskId, "accept", null);
		assertThat(driver.awaitFeeStatus(taskId, "DUE")).isEqualTo("DUE");
		JsonNode payment = cases.body(mvc.post()
			.uri("/api/v1/applications/" + receipt + "/payments")
			.with(user(applicant))
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.exchange());
		paymentId = payment.get("paymentId").asString();
		ref = SandboxDriver.ref(payment);
	}

	void paid() {
		assertThat(sandbox.decide(ref, SandboxPayments.SUCCEEDS)).isEqualTo(SandboxPayments.Decision.SUCCEEDED);
		assertThat(driver.notify(driver.notification(ref, "SUCCEEDED", 50000), Instant.now())).hasStatusOk();
	}

	String page(EstationUser who) throws Exception {
		MvcTestResult result = mvc.get().uri("/payments/" + paymentId + "/refund?lang=en").with(user(who)).exchange();
		assertThat(result).hasStatusOk();
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	MvcTestResult submit(String amount, String reason) {
		return mvc.post()
			.uri("/payments/" + paymentId + "/refund?lang=en")
			.param("amount", amount)
			.param("reason", reason)
			.with(user(officer))
			.with(csrf())
			.exchange();
	}

	@Test
	void theOfficerRefundsByAmountAndReasonAndIsToldWhyWhenNoRefundCanBeMade() throws Exception {
		// not paid yet: nothing to refund, and the page says so (no form)
		assertThat(page(officer)).contains("id=\"refund-why-not\"", "did not go through").doesNotContain("id=\"refund-submit\"");
		paid();
		// paid, but the case goes on: no grounds, said in words
		assertThat(page(officer)).contains("HKD 500.00", "refused before acceptance or withdrawn")
			.doesNotContain("id=\"refund-submit\"");
		// the officer's task page leads to the refund page
		MvcTestResult task = mvc.get().uri("/work-queue/tasks/" + taskId + "?lang=en").with(user(officer)).exchange();
		assertThat(task).hasStatusOk();
		assertThat(task.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("/payments/" + paymentId + "/refund",
				"HKD 500.00 paid online");
		// not the officer's to refund: the applicant, another department's officer
		assertThat(mvc.get().uri("/payments/" + paymentId + "/refund").with(user(applicant)).exchange().getResponse().getStatus())
			.isIn(403, 404);
		assertThat(mvc.get().uri("/payments/" + paymentId + "/refund").with(user(cases.account("officer-tax"))).exchange())
			.hasStatus(404);

		assertThat(mvc.post().uri("/api/v1/applications/" + receipt + "/withdraw").with(user(applicant))
			.contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"plans changed\"}").exchange()).hasStatusOk();
		String form = page(officer);
		assertThat(form).contains("id=\"refund-submit\"", "id=\"refund-paid\">HKD 500.00", "id=\"refund-already\">HKD 0.00");

		// money as people write it; not a number, too many decimals, nothing: the amount's field says so
		for (String bad : List.of("abc", "12.505", "0", "-5", "")) {
			String answer = submit(bad, "撤回").getResponse().getContentAsString(StandardCharsets.UTF_8);
			assertThat(answer).as(bad).contains("id=\"amount-error\"", "at most two decimals");
		}
		// more than was paid: a field message naming what is left; nothing refunded
		String tooMuch = submit("500.01", "撤回").getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(tooMuch).contains("id=\"amount-error\"", "at most HKD 500.00");
		// a reason is required
		assertThat(submit("120.50", " ").getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("id=\"reason-error\"");
		assertThat(jdbc.sql("select refunded_minor from payments_payment where id = :p").param("p", paymentId)
			.query(Long.class).single()).isZero();

		MvcTestResult done = submit("120.50", "Withdrawn before the decision");
		assertThat(done).hasStatus3xxRedirection();
		assertThat(jdbc.sql("select refunded_minor from payments_payment where id = :p").param("p", paymentId)
			.query(Long.class).single()).isEqualTo(12050);
		assertThat(page(officer)).contains("id=\"refund-already\">HKD 120.50", "id=\"refund-left\">HKD 379.50");
		assertThat(submit("379.51", "the rest").getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("at most HKD 379.50");
		assertThat(submit("379.50", "the rest")).hasStatus3xxRedirection();
		assertThat(page(officer)).contains("all of this payment has been refunded already").doesNotContain("id=\"refund-submit\"");
	}

	@Test
	void theSettlementFileOfTheDayListsEveryPaymentAndRefundForSupervisorsOnly() throws Exception {
		paid();
		assertThat(mvc.post().uri("/api/v1/applications/" + receipt + "/withdraw").with(user(applicant))
			.contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"plans changed\"}").exchange()).hasStatusOk();
		assertThat(mvc.post().uri("/api/v1/payments/" + paymentId + "/refunds").with(user(officer))
			.contentType(MediaType.APPLICATION_JSON).content("{\"amount\": 2000, \"reason\": \"part\"}").exchange())
			.hasStatus(201);
		LocalDate today = LocalDate.now(Zone.ID);
		String file = "/sandbox-pay/settlements/" + today + ".csv";

		MvcTestResult csv = mvc.get().uri(file).with(user(cases.account("supervisor"))).exchange();
		assertThat(csv).hasStatusOk();
		assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
		List<String> rows = csv.getResponse().getContentAsString(StandardCharsets.UTF_8).replace("\uFEFF", "").lines().toList();
		assertThat(rows.get(0)).isEqualTo("settlement_date,provider,provider_ref,type,currency,amount_minor,amount");
		assertThat(rows).contains(today + ",sandbox," + ref + ",PAYMENT,HKD,50000,500.00",
				today + ",sandbox," + ref + ",REFUND,HKD,2000,20.00");
		// another day: the header only
		assertThat(mvc.get().uri("/sandbox-pay/settlements/2001-01-01.csv").with(user(cases.account("supervisor"))).exchange()
			.getResponse().getContentAsString(StandardCharsets.UTF_8).replace("\uFEFF", "").strip().lines()).hasSize(1);
		assertThat(mvc.get().uri("/sandbox-pay/settlements/yesterday.csv").with(user(cases.account("supervisor"))).exchange())
			.hasStatus(400);

		// the payers' money is not for everyone: an applicant, an officer, nobody signed in
		assertThat(mvc.get().uri(file).with(user(applicant)).exchange()).hasStatus(403);
		assertThat(mvc.get().uri(file).with(user(officer)).exchange()).hasStatus(403);
		assertThat(mvc.get().uri(file).exchange().getResponse().getStatus()).isIn(302, 401, 403);

		// the reconciliation page links it
		assertThat(mvc.get().uri("/payments/reconciliation?date=" + today).with(user(cases.account("supervisor"))).exchange()
			.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains(file);
	}

}
