package org.hetao.estation.payments;

import java.time.Instant;

import org.hetao.estation.shared.Money;

/** One payment for the fees of a case that were due when it was made, in one currency. */
public record Payment(String id, String receiptNumber, long payerAccountId, Money amount, PaymentStatus status,
		String provider, String providerRef, String nextUrl, long refundedMinor, Instant createdAt) {
}
