package org.hetao.estation.payments;

import java.util.Map;
import java.util.Optional;

import org.hetao.estation.shared.Money;

/**
 * A payment service provider (UnionPay, WeChat Pay, Alipay, FPS, a card acquirer — or the sandbox): the platform
 * asks it to take a payment and sends the payer to its hosted page; the provider tells the platform the outcome
 * by a signed notification, which {@link #read} checks and translates. An adapter is this interface, one class,
 * plus its configuration (keys, endpoints); see the README's "Fees and payments".
 */
public interface PaymentProvider {

	/** The provider's name in URLs and records, e.g. {@code sandbox}. */
	String name();

	/**
	 * Asks the provider to take {@code amount}: returns its reference and the address of its hosted page, where
	 * the payer goes next. {@code returnUrl} is where the provider sends the payer back afterwards.
	 */
	Created create(String paymentId, Money amount, String description, String returnUrl);

	/**
	 * Checks a notification's signature and freshness and reads it; empty when it is not the provider's (a bad or
	 * missing signature, outside the replay window, malformed).
	 */
	Optional<Notification> read(Map<String, String> headers, byte[] body);

	/** Asks the provider for a payment's state (when a notification is late). */
	Optional<Notification.Outcome> query(String providerRef);

	/** Refunds part or all of a payment through the provider. */
	void refund(String providerRef, Money amount, String reason);

	/**
	 * The provider's settlement for one day (its settlement file): every payment it took and every refund it made
	 * that day, by its reference. The daily reconciliation compares it with the platform's books.
	 */
	java.util.List<SettlementLine> settlement(java.time.LocalDate day, java.time.ZoneId zone);

	/** One line of a settlement file. */
	record SettlementLine(String providerRef, Kind kind, Money amount) {

		public enum Kind {

			PAYMENT, REFUND

		}

	}

	/** The provider's answer to {@link #create}. */
	record Created(String providerRef, String nextUrl) {
	}

	/** One notification from the provider: its own id (to apply it once), the payment it is about, the outcome. */
	record Notification(String eventId, String providerRef, Outcome outcome, Money amount) {

		public enum Outcome {

			SUCCEEDED, FAILED, REFUNDED

		}

	}

}
