package org.hetao.estation.payments;

import java.time.Instant;

/** A payment went through: its provider said so, once. */
public record PaymentSucceeded(String paymentId, String receiptNumber, long payerAccountId, long amountMinor,
		String currency, Instant at) {
}
