package org.hetao.estation.certificates;

import java.time.Instant;
import java.util.List;

import org.hetao.estation.shared.LocalizedText;
import org.hetao.estation.shared.Money;

/**
 * What verifying an e-receipt number found: genuine, for how much, when, to which department(s), by whom (masked),
 * and what of it has been refunded. No other personal data.
 */
public record ReceiptVerification(String number, Money amount, Instant paidAt, List<LocalizedText> departments,
		String payer, Money refunded) {

	public boolean wasRefunded() {
		return refunded != null && !refunded.isZero();
	}

	public boolean fullyRefunded() {
		return refunded != null && refunded.equals(amount);
	}

}
