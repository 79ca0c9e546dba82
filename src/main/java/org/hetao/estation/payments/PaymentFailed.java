package org.hetao.estation.payments;

import java.time.Instant;

/** A payment was declined at its provider; its fees are due again. */
public record PaymentFailed(String paymentId, String receiptNumber, long payerAccountId, long amountMinor, String currency,
		Instant at) {
}
