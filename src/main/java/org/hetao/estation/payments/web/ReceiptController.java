package org.hetao.estation.payments.web;

import org.hetao.estation.identity.CurrentUser;
import org.hetao.estation.payments.PaymentReceipts;
import org.hetao.estation.shared.Language;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The e-receipt of a payment that went through, as a signed PDF. */
@RestController
@Tag(name = "Payments")
class ReceiptController {

	private final PaymentReceipts receipts;

	ReceiptController(PaymentReceipts receipts) {
		this.receipts = receipts;
	}

	@GetMapping("/api/v1/payments/{paymentId}/receipt.pdf")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The signed PDF",
			content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/pdf"))
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = "The payment has not gone through (yet)")
	@Operation(summary = "The e-receipt (電子票據) of a payment that went through, signed by the platform",
			description = "In the payer's language, or ?lang=zh-Hant|zh-Hans|en. For the payer and staff who may see the "
					+ "payment; 404 for anyone else; 409 before the payment went through. Its number verifies at /verify.")
	ResponseEntity<byte[]> receipt(@PathVariable String paymentId, @RequestParam(required = false) String lang) {
		PaymentReceipts.File file = receipts.pdf(CurrentUser.require(), paymentId,
				lang == null ? null : Language.fromTag(lang).orElse(null));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.number() + ".pdf").build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(file.pdf());
	}

}
