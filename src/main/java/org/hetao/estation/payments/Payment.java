package org.hetao.estation.payments;

import java.time.Instant;

import org.hetao.estation.shared.Money;

/**
 * One payment for the fees of a case that were due when it was made, in one currency: online (the payer is the
 * applicant) or at the window ({@code method} WINDOW_…, the payer recorded is the clerk who took it, {@code
 * reference} the card terminal's or FPS reference).
 */
public record Payment(String id, String receiptNumber, long payerAccountId, Money amount, PaymentStatus status,
		String provider, String providerRef, String nextUrl, long refundedMinor, Instant createdAt, PaymentMethod method,
		String reference) {

	/** An online payment (as made through a provider). */
	public Payment(String id, String receiptNumber, long payerAccountId, Money amount, PaymentStatus status,
			String provider, String providerRef, String nextUrl, long refundedMinor, Instant createdAt) {
		this(id, receiptNumber, payerAccountId, amount, status, provider, providerRef, nextUrl, refundedMinor, createdAt,
				PaymentMethod.ONLINE, null);
	}

}
