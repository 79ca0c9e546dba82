package org.hetao.estation.payments;

import java.time.Instant;

/** A clerk took the fees due of a case at the window (cash, card terminal or FPS, with its reference). */
public record FeePaidAtWindow(String paymentId, String receiptNumber, PaymentMethod method, String reference,
		long amountMinor, String currency, String by, Instant at) {
}
