package org.hetao.estation.payments;

import java.time.Instant;

/**
 * Money went back to a payer (part or all of a payment), by an officer with a reason, or by the platform when the
 * fees had been paid another way ({@code by} is then {@code payments}).
 */
public record PaymentRefunded(String paymentId, String receiptNumber, long amountMinor, String currency, String reason,
		String by, Instant at, Long payerAccountId) {
}
