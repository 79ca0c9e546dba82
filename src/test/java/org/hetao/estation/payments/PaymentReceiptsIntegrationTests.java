package org.hetao.estation.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.hetao.estation.catalog.Catalog;
import org.hetao.estation.certificates.CaseFixtures;
import org.hetao.estation.certificates.EReceipts;
import org.hetao.estation.certificates.PdfContents;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.payments.internal.SandboxPayments;
import org.hetao.estation.shared.Language;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;

/**
 * The e-receipt (電子票據) of a payment of LEG-001 (HK$250 × 2): 409 until the payment went through, then a PDF
 * signed by the platform in the payer's language (or ?lang=) with its HTR- number, items, amount, masked payer,
 * department and a QR code to /verify, which shows it genuine — and refunded after a refund; another applicant
 * gets 404; the fees page links it.
 */
@SpringBootTest(properties = "estation.payments.sandbox.notify-delay=PT1H")
class PaymentReceiptsIntegrationTests extends PaymentsTestSupport {

	@Autowired
	EReceipts eReceipts;

	@Autowired
	Catalog catalog;

	EstationUser applicant;

	String receipt;

	long taskId;

	@BeforeEach
	void aCaseWithAFee() throws Exception {
		applicant = cases.applicant(Language.ZH_HANT);
		receipt = cases.submit(applicant, 2);
		taskId = cases.taskId(applicant, receipt);
		cases.act("clerk", taskId, "accept", null);
		assertThat(driver.awaitFeeStatus(taskId, "DUE")).isEqualTo("DUE");
	}

	MvcTestResult receiptPdf(EstationUser who, String paymentId, String lang) {
		return mvc.get()
			.uri("/api/v1/payments/" + paymentId + "/receipt.pdf" + (lang == null ? "" : "?lang=" + lang))
			.with(user(who))
			.exchange();
	}

	@Test
	void aPaymentThatWentThroughHasASignedReceiptThatVerifies() throws Exception {
		JsonNode payment = cases.body(mvc.post()
			.uri("/api/v1/applications/" + receipt + "/payments")
			.with(user(applicant))
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.exchange());
		String paymentId = payment.get("paymentId").asString();

		// not yet paid: no receipt
		MvcTestResult early = receiptPdf(applicant, paymentId, null);
		assertThat(early).hasStatus(409);
		assertThat(early.getResponse().getContentType()).startsWith("application/problem+json");

		assertThat(sandbox.decide(SandboxDriver.ref(payment), SandboxPayments.SUCCEEDS)).isEqualTo(SandboxPayments.Decision.SUCCEEDED);
		assertThat(driver.notify(driver.notification(SandboxDriver.ref(payment), "SUCCEEDED", 50000), Instant.now()))
			.hasStatusOk();

		// the payer's language (Traditional Chinese): number, items, amount, masked payer, department, signed
		MvcTestResult own = receiptPdf(applicant, paymentId, null);
		assertThat(own).hasStatusOk();
		assertThat(own.getResponse().getContentType()).isEqualTo(MediaType.APPLICATION_PDF_VALUE);
		byte[] pdf = own.getResponse().getContentAsByteArray();
		String text = PdfContents.text(pdf);
		String number = text.lines().filter(l -> l.contains("HTR-")).findFirst().orElseThrow().replaceAll(".*(HTR-\\S+).*", "$1");
		assertThat(EReceipts.normalize(number)).contains(number);
		String department = catalog.item("LEG-001").flatMap(i -> catalog.department(i.departmentCode())).orElseThrow().name()
			.get(Language.ZH_HANT);
		assertThat(text).contains("電子繳費票據", "港幣 500.00 元", "HKD", receipt, "陳*文", department,
				catalog.item("LEG-001").orElseThrow().name().get(Language.ZH_HANT));
		assertThat(text).doesNotContain("陳大文");
		assertThat(eReceipts.signedByThePlatform(pdf)).isTrue();
		byte[] altered = pdf.clone();
		altered[altered.length / 3] ^= 1;
		assertThat(eReceipts.signedByThePlatform(altered)).isFalse();
		assertThat(PdfContents.qrCode(pdf)).isEqualTo(eReceipts.verifyUrl(number)).endsWith("/verify?number=" + number);

		// the same number on every download, in the language asked for
		String english = PdfContents.text(receiptPdf(applicant, paymentId, "en").getResponse().getContentAsByteArray());
		assertThat(english).contains("Electronic receipt of payment", number, "HKD 500.00").doesNotContain("電子繳費票據");
		assertThat(jdbc.sql("select count(*) from payments_receipt where payment_id = :p").param("p", paymentId)
			.query(Integer.class).single()).isEqualTo(1);

		// staff who may see the case read it; another applicant is told there is no such payment
		assertThat(receiptPdf(cases.account("clerk"), paymentId, null)).hasStatusOk();
		assertThat(receiptPdf(cases.applicant(Language.EN), paymentId, null)).hasStatus(404);

		// /verify knows the number: genuine, the amount, the date, the department, the masked payer
		String verified = mvc.get().uri("/verify?number=" + number.toLowerCase()).header("Accept-Language", "en").exchange()
			.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(verified).contains("data-status=\"RECEIPT_VALID\"", number, "HKD 500.00", "陳*文")
			.contains(catalog.item("LEG-001").flatMap(i -> catalog.department(i.departmentCode())).orElseThrow().name()
				.get(Language.EN))
			.doesNotContain("陳大文");
		// a mistyped receipt number is unknown, as a mistyped certificate number is
		String typo = number.substring(0, number.length() - 1) + (number.endsWith("0") ? "1" : "0");
		assertThat(mvc.get().uri("/verify?number=" + typo).exchange().getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("data-status=\"UNKNOWN\"");

		// the fees page links the receipt
		assertThat(mvc.get().uri("/applications/" + receipt + "/fees").with(user(applicant)).exchange().getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains("/api/v1/payments/" + paymentId + "/receipt.pdf");

		// refunded after the case was withdrawn: /verify says so, and the receipt shows what went back
		assertThat(mvc.post().uri("/api/v1/applications/" + receipt + "/withdraw").with(user(applicant))
			.contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"plans changed\"}").exchange()).hasStatusOk();
		assertThat(mvc.post().uri("/api/v1/payments/" + paymentId + "/refunds").with(user(cases.account(CaseFixtures.OFFICER)))
			.contentType(MediaType.APPLICATION_JSON).content("{\"amount\": 50000, \"reason\": \"撤回申請\"}").exchange())
			.hasStatus(201);
		assertThat(mvc.get().uri("/verify?number=" + number).header("Accept-Language", "en").exchange().getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains("data-status=\"RECEIPT_REFUNDED\"", "HKD 500.00");
		assertThat(PdfContents.text(receiptPdf(applicant, paymentId, "en").getResponse().getContentAsByteArray()))
			.contains(number, "Refunded since");
	}

}
