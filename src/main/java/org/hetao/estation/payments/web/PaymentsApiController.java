package org.hetao.estation.payments.web;

import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.hetao.estation.identity.CurrentUser;
import org.hetao.estation.payments.FeeLine;
import org.hetao.estation.payments.Payment;
import org.hetao.estation.payments.Payments;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Fees and payments through the open API. Amounts are integers in the currency's minor units (fen, cents):
 * {@code 25000} with {@code HKD} is HK$250.00 — never floating point.
 */
@RestController
@Tag(name = "Payments", description = "The fees of a case, paying them online, and the provider's notifications")
class PaymentsApiController {

	record FeeLineJson(String itemCode, long taskId, long amount, String currency, String status) {

		static FeeLineJson of(FeeLine l) {
			return new FeeLineJson(l.itemCode(), l.taskId(), l.amount().minor(), l.amount().currency(), l.status().name());
		}

	}

	record FeesJson(List<FeeLineJson> lines) {
	}

	record PaymentJson(String paymentId, String receiptNumber, String status, long amount, String currency,
			String nextUrl) {

		static PaymentJson of(Payment p) {
			return new PaymentJson(p.id(), p.receiptNumber(), p.status().name(), p.amount().minor(), p.amount().currency(),
					p.nextUrl());
		}

	}

	record PayRequest(String currency) {

		/** No body: nothing sent. */
		static final PayRequest NONE = new PayRequest(null);

	}

	record RefundRequest(Long amount, String reason) {

		/** No body: nothing sent. */
		static final RefundRequest NONE = new RefundRequest(null, null);

	}

	record WindowPaymentRequest(String method, String reference, String currency) {

		/** No body: nothing sent. */
		static final WindowPaymentRequest NONE = new WindowPaymentRequest(null, null, null);

	}

	record WaiverRequest(String reason) {

		/** No body: nothing sent. */
		static final WaiverRequest NONE = new WaiverRequest(null);

	}

	private final Payments payments;

	PaymentsApiController(Payments payments) {
		this.payments = payments;
	}

	@GetMapping("/api/v1/applications/{receiptNumber}/fees")
	@Operation(summary = "The fees of a case and where each stands",
			description = "For the applicant and staff who may see the case; 404 for anyone else. Amounts in minor units.")
	FeesJson fees(@PathVariable String receiptNumber) {
		return new FeesJson(payments.fees(CurrentUser.require(), receiptNumber).stream().map(FeeLineJson::of).toList());
	}

	@PostMapping("/api/v1/applications/{receiptNumber}/payments")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "The payment created (the same Idempotency-Key: the same payment); nextUrl is the provider's page", useReturnTypeSchema = true)
	@Operation(summary = "Pay what is due now",
			description = "One payment for every fee of the case now due in one currency (the body's currency, else CNY before HKD); "
					+ "the same Idempotency-Key gives the same payment. 201 with nextUrl, the provider's page; 400 without a key; "
					+ "409 when nothing is due; 503 when the provider cannot be reached (nothing is charged).")
	ResponseEntity<PaymentJson> pay(@PathVariable String receiptNumber,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@RequestBody(required = false) PayRequest request) {
		PayRequest body = Objects.requireNonNullElse(request, PayRequest.NONE);
		return created(payments.pay(CurrentUser.require(), receiptNumber, idempotencyKey, body.currency()));
	}

	@PostMapping("/api/v1/applications/{receiptNumber}/window-payments")
	@Operation(summary = "Record a payment taken at the window (a clerk)",
			description = "Everything of the case now due in one currency (the body's currency, else CNY before HKD), taken by "
					+ "CASH, CARD (the terminal) or FPS; reference (the terminal's or FPS reference) required for CARD and FPS. "
					+ "Succeeds at once and the fees are paid; the same Idempotency-Key gives the same payment. 201; 400 without "
					+ "a key; 422 with field errors; 409 when nothing is due; 403 for staff who are not at the window; 404 for "
					+ "who may not see the case.")
	ResponseEntity<PaymentJson> payAtWindow(@PathVariable String receiptNumber,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@RequestBody(required = false) WindowPaymentRequest request) {
		WindowPaymentRequest body = Objects.requireNonNullElse(request, WindowPaymentRequest.NONE);
		return created(payments.payAtWindow(CurrentUser.require(), receiptNumber, idempotencyKey, body.method(),
				body.reference(), body.currency()));
	}

	@PostMapping("/api/v1/applications/{receiptNumber}/fees/{taskId}/waiver")
	@Operation(summary = "Waive a task's fee with a reason (an officer of the deciding department, or a supervisor)",
			description = "A fee due or not yet due; the reason (up to 500 characters) is kept and audited. 200 with the fee line; "
					+ "422 without a reason; 409 when it was paid, waived or refunded; 403 for an officer of another "
					+ "department; 404 for who may not see the case.")
	FeeLineJson waive(@PathVariable String receiptNumber, @PathVariable long taskId,
			@RequestBody(required = false) WaiverRequest request) {
		return FeeLineJson.of(payments.waive(CurrentUser.require(), receiptNumber, taskId,
				Objects.requireNonNullElse(request, WaiverRequest.NONE).reason()));
	}

	@GetMapping("/api/v1/payments/{paymentId}")
	@Operation(summary = "A payment", description = "For its payer and staff who may see the case; 404 for anyone else.")
	PaymentJson payment(@PathVariable String paymentId) {
		return PaymentJson.of(payments.payment(CurrentUser.require(), paymentId));
	}

	@PostMapping("/api/v1/payments/{paymentId}/refunds")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "The payment as refunded", useReturnTypeSchema = true)
	@Operation(summary = "Refund part or all of a payment (an officer of the department whose fee it paid)",
			description = "When that department's task was not accepted or was withdrawn. Amount in minor units. 201 with the payment "
					+ "as it stands; 404 for anyone else; 422 with field errors for a missing amount or reason; 409 when the "
					+ "payment is not refundable, there are no grounds, or the amount is more than was paid and not yet refunded.")
	ResponseEntity<PaymentJson> refund(@PathVariable String paymentId, @RequestBody(required = false) RefundRequest request) {
		RefundRequest body = Objects.requireNonNullElse(request, RefundRequest.NONE);
		Payment p = payments.refund(CurrentUser.require(), paymentId, body.amount(), body.reason());
		return ResponseEntity.status(201).body(PaymentJson.of(p));
	}

	@PostMapping("/api/v1/payments/providers/{provider}/notifications")
	@Operation(summary = "A payment provider's notification (what the provider calls)",
			description = "Signed by the provider (the sandbox: HMAC-SHA256 over timestamp and body, within a replay window); "
					+ "applied once — a repeat changes nothing. 400 when the signature or the body is not the provider's.")
	Map<String, String> notification(@PathVariable String provider, @RequestBody byte[] body, HttpServletRequest request) {
		Map<String, String> headers = new java.util.HashMap<>();
		for (String name : Collections.list(request.getHeaderNames())) {
			headers.put(name, request.getHeader(name));
		}
		return Map.of("result", payments.notification(provider, headers, body).name());
	}

	/** 201 with the payment, at its own address. */
	private static ResponseEntity<PaymentJson> created(Payment p) {
		return ResponseEntity.created(URI.create("/api/v1/payments/" + p.id())).body(PaymentJson.of(p));
	}

}
